package org.tonkla.protection;

import java.util.Arrays;
import java.util.Optional;

/**
 * With whom the child lives (issue 17 §1), as a screening or a home visit records it. Living with neither parent is
 * itself a protection item ({@code not-with-parents}); with grandparents alone it is not a risk, only with other signs.
 */
public enum LivingArrangement {
    BOTH_PARENTS, ONE_PARENT, GRANDPARENTS, OTHERS, INSTITUTION;

    /** The protection item the arrangement implies. */
    public static final String NOT_WITH_PARENTS = "not-with-parents";

    public boolean withAParent() {
        return this == BOTH_PARENTS || this == ONE_PARENT;
    }

    public String messageKey() {
        return "protection.living." + name();
    }

    /** The arrangement named {@code value} (case as sent), empty for blank or unknown. */
    public static Optional<LivingArrangement> parse(String value) {
        if (value == null || value.isBlank()) return Optional.empty();
        return Arrays.stream(values()).filter(v -> v.name().equalsIgnoreCase(value.strip())).findFirst();
    }
}
