package org.tonkla.protection.web;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.tonkla.directory.Directory;
import org.tonkla.directory.ServiceUnit;
import org.tonkla.identity.Users;
import org.tonkla.protection.WholeChild;
import org.tonkla.registry.ChildId;

/** The whole-child page (issue 17 §4); what it shows and withholds is decided by {@link WholeChild}. */
@Controller
class WholeChildPages {

    private final WholeChild whole;
    private final Directory directory;
    private final Users users;

    WholeChildPages(WholeChild whole, Directory directory, Users users) {
        this.whole = whole;
        this.directory = directory;
        this.users = users;
    }

    @GetMapping("/children/{childId}/whole")
    String view(@PathVariable UUID childId, Model model) {
        WholeChild.View v = whole.view(new ChildId(childId), users.require());
        // Names of the units the view mentions (enrolments, referrals); directory data, not the child's.
        Map<UUID, String> units = new HashMap<>();
        Stream.concat(v.education().withheld() ? Stream.empty() : v.education().value().stream().map(e -> e.unitId()),
                        v.openReferrals().stream().flatMap(r -> Stream.of(r.fromUnit(), r.toUnit())))
                .distinct().forEach(id -> directory.serviceUnit(id).map(ServiceUnit::nameTh)
                        .ifPresent(n -> units.put(id, n)));
        model.addAttribute("v", v).addAttribute("units", units);
        return "protection/whole";
    }
}
