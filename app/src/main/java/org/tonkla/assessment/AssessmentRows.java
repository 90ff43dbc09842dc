package org.tonkla.assessment;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.tonkla.core.standard.AgeGroup;
import org.tonkla.core.standard.CatalogueItem;

/** How an assessment's rows spell what core models: indicator keys, standard numbers, the age groups served. */
final class AssessmentRows {

    private AssessmentRows() {}

    /** {@code 1.2} for an item of indicator 1.2 of both groups, {@code 3.4 ข} for one of group ข. */
    static String indicatorKey(CatalogueItem item) {
        String code = item.code().substring(0, item.code().lastIndexOf('.'));
        return item.ageGroup() == AgeGroup.ALL ? code : code + " " + item.ageGroup().suffix();
    }

    static int standardOf(CatalogueItem item) {
        return Integer.parseInt(item.code().substring(0, 1));
    }

    static String ageGroupsText(boolean underThree, boolean threeToSix) {
        List<String> g = new ArrayList<>();
        if (underThree) g.add(AgeGroup.UNDER_THREE.name());
        if (threeToSix) g.add(AgeGroup.THREE_TO_SIX.name());
        return String.join(",", g);
    }

    static Set<AgeGroup> parseAgeGroups(String text) {
        Set<AgeGroup> groups = EnumSet.noneOf(AgeGroup.class);
        if (text != null) for (String g : text.split(",")) if (!g.isBlank()) groups.add(AgeGroup.valueOf(g.strip()));
        return groups;
    }

    /** {@code keys} in the sheet's catalogue order. */
    static List<String> inCatalogueOrder(AssessmentSheet sheet, List<String> keys) {
        return sheet.applicableItems().stream().map(CatalogueItem::key).filter(keys::contains).toList();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
