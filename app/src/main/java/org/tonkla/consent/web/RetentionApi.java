package org.tonkla.consent.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tonkla.consent.Retention;
import org.tonkla.identity.Role;
import org.tonkla.identity.Users;
import org.tonkla.platform.Refused;

/** {@code /api/v1/retention/runs}: the retention job's report, for administrators. */
@RestController
@Tag(name = "Retention", description = "What the daily retention job removed, per run (administrators)")
class RetentionApi {

    private final Retention retention;
    private final Users users;

    RetentionApi(Retention retention, Users users) {
        this.retention = retention;
        this.users = users;
    }

    /** The periods in force and the latest runs. */
    record Report(java.util.Map<String, String> periods, List<Retention.Run> runs) {}

    @GetMapping("/api/v1/retention/runs")
    @Operation(summary = "The retention periods and the latest runs with what each removed, newest first")
    Report runs(@RequestParam(defaultValue = "30") int limit) {
        if (users.require().role() != Role.ADMINISTRATOR) throw new Refused("Administrators only");
        var periods = new java.util.TreeMap<String, String>();
        retention.periods().forEach((c, p) -> periods.put(c.name(), p.toString()));
        return new Report(periods, retention.runs(Math.clamp(limit, 1, 365)));
    }
}
