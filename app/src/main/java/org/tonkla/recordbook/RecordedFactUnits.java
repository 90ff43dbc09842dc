package org.tonkla.recordbook;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tonkla.registry.ChildId;
import org.tonkla.registry.CorrectionRequest;
import org.tonkla.registry.RecordedFacts;

/** The record book's answer to "which unit recorded this fact?", for correction requests. */
@Component
class RecordedFactUnits implements RecordedFacts {

    private final JdbcClient jdbc;

    RecordedFactUnits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static String table(CorrectionRequest.Kind kind) {
        return switch (kind) {
            case MEASUREMENT -> "growth_measurement";
            case SCREENING -> "dspm_screening";
            case IMMUNIZATION -> "immunization";
            case HEALTH_NOTE -> "health_note";
            default -> null;
        };
    }

    @Override
    public boolean exists(ChildId child, CorrectionRequest.Kind kind, UUID factId) {
        String table = table(kind);
        if (table == null || factId == null) return false;
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE id = ? AND child_id = ?").params(factId, child.value())
                .query(Integer.class).single() > 0;
    }

    @Override
    public Optional<UUID> recordingUnit(ChildId child, CorrectionRequest.Kind kind, UUID factId) {
        String table = table(kind);
        if (table == null || factId == null) return Optional.empty();
        return jdbc.sql("SELECT unit_id FROM " + table + " WHERE id = ? AND child_id = ? AND unit_id IS NOT NULL")
                .params(factId, child.value()).query(UUID.class).optional();
    }
}
