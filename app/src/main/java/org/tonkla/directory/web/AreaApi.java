package org.tonkla.directory.web;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.tonkla.directory.Area;
import org.tonkla.directory.AreaLevel;
import org.tonkla.directory.Directory;

/** {@code GET /api/v1/areas?level=province|district|subdistrict} or {@code ?parent=CODE}. */
@RestController
@RequestMapping("/api/v1/areas")
class AreaApi {

    private final Directory directory;

    AreaApi(Directory directory) {
        this.directory = directory;
    }

    @GetMapping
    List<Area> areas(@RequestParam(required = false) String level, @RequestParam(required = false) String parent) {
        if (parent != null && !parent.isBlank()) {
            if (!parent.matches("\\d{2}|\\d{4}")) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                        "parent: expected a 2-digit province or 4-digit district DOPA code, got '" + parent + "'");
            }
            if (directory.area(parent).isEmpty()) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, "parent: no area with code " + parent);
            }
            return directory.childrenOf(parent);
        }
        AreaLevel l = AreaLevel.parse(level == null ? "province" : level).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.BAD_REQUEST,
                        "level: expected province, district or subdistrict, got '" + level + "'"));
        return directory.areasAtLevel(l);
    }
}
