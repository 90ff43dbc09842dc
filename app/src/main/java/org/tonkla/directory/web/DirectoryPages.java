package org.tonkla.directory.web;

import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.tonkla.directory.AreaLevel;
import org.tonkla.directory.Directory;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.ScopeCheck;
import org.tonkla.identity.Users;

/** Browse province → district → subdistrict → service units, and search units by name or code. */
@Controller
class DirectoryPages {

    private final Directory directory;
    private final Users users;
    private final ScopeCheck scopes;

    private final org.tonkla.directory.UnitOwners owners;

    DirectoryPages(Directory directory, Users users, ScopeCheck scopes, org.tonkla.directory.UnitOwners owners) {
        this.directory = directory;
        this.owners = owners;
        this.users = users;
        this.scopes = scopes;
    }

    @GetMapping("/areas")
    String provinces(Model model) {
        model.addAttribute("areas", directory.areasAtLevel(AreaLevel.PROVINCE));
        model.addAttribute("lineage", java.util.List.of());
        return "directory/areas";
    }

    @GetMapping("/areas/{code}")
    String area(@PathVariable String code, Model model) {
        var area = directory.area(code)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No area " + code));
        model.addAttribute("area", area);
        model.addAttribute("lineage", directory.lineage(code));
        model.addAttribute("areas", directory.childrenOf(code));
        model.addAttribute("units", area.level() == AreaLevel.PROVINCE ? java.util.List.of()
                : directory.serviceUnitsIn(code, null, 500));
        return "directory/areas";
    }

    @GetMapping("/units")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String area,
            @RequestParam(required = false) String type, Model model) {
        String areaCode = area != null && area.matches("\\d{2}|\\d{4}|\\d{6}") ? area : null;
        var unitType = org.tonkla.directory.ServiceUnitType.parse(type).orElse(null);
        model.addAttribute("q", q);
        model.addAttribute("area", areaCode);
        model.addAttribute("type", unitType);
        model.addAttribute("types", org.tonkla.directory.ServiceUnitType.values());
        model.addAttribute("units", q == null || q.isBlank()
                ? (areaCode == null ? java.util.List.of() : directory.serviceUnitsIn(areaCode, unitType, 100))
                : directory.searchServiceUnits(q, areaCode, unitType, 100));
        return "directory/units";
    }

    @GetMapping("/units/{id}")
    String unit(@PathVariable UUID id, Model model, Locale locale) {
        var unit = directory.serviceUnit(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No service unit " + id));
        scopes.requireActOn(users.require(), OrgUnit.serviceUnit(id));
        model.addAttribute("unit", unit);
        model.addAttribute("lineage", directory.lineage(unit.areaCode()));
        model.addAttribute("agency", directory.agency(unit.agencyCode()).orElse(null));
        model.addAttribute("history", owners.history(id));
        model.addAttribute("agencies", directory.agencies());
        return "directory/unit";
    }
}
