package org.tonkla.directory.web;

import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.tonkla.directory.Directory;
import org.tonkla.directory.ServiceUnit;
import org.tonkla.directory.ServiceUnitType;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.ScopeCheck;
import org.tonkla.identity.Users;

/**
 * {@code GET /api/v1/service-units?area=CODE&type=TYPE&q=TEXT} lists the public directory: {@code q} is a
 * HOSPCODE, school code or a Thai or English name (tone marks optional), narrowed by area and type;
 * {@code GET /api/v1/service-units/{id}} is one unit, for users whose scope covers it (403 otherwise).
 */
@RestController
@RequestMapping("/api/v1/service-units")
class ServiceUnitApi {

    private final Directory directory;
    private final Users users;
    private final ScopeCheck scopes;

    ServiceUnitApi(Directory directory, Users users, ScopeCheck scopes) {
        this.directory = directory;
        this.users = users;
        this.scopes = scopes;
    }

    @GetMapping
    List<ServiceUnit> list(@RequestParam(required = false) String area, @RequestParam(required = false) String type,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "500") int limit) {
        if (area != null && !area.matches("\\d{2}|\\d{4}|\\d{6}")) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "area: expected a DOPA code of 2, 4 or 6 digits, got '" + area + "'");
        }
        ServiceUnitType t = null;
        if (type != null && !type.isBlank()) {
            t = ServiceUnitType.parse(type).orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "type: expected one of " + List.of(ServiceUnitType.values()) + ", got '" + type + "'"));
        }
        if (q != null && !q.isBlank()) return directory.searchServiceUnits(q, area, t, Math.max(1, Math.min(limit, 500)));
        return directory.serviceUnitsIn(area, t, Math.max(1, Math.min(limit, 5000)));
    }

    @GetMapping("/{id}")
    ServiceUnit one(@PathVariable UUID id) {
        var unit = directory.serviceUnit(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No service unit " + id));
        scopes.requireActOn(users.require(), OrgUnit.serviceUnit(id));
        return unit;
    }
}
