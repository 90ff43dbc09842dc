package org.tonkla.directory.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tonkla.directory.UnitImportPreview.Change;
import org.tonkla.directory.UnitImportPreview.ChangeKind;
import org.tonkla.directory.UnitOwners;
import org.tonkla.directory.UnitStatus;
import org.tonkla.platform.BulkCopy;

/**
 * Writes a planned import with {@code COPY}: new units straight into {@code service_unit}, changed ones
 * through a staging table and one {@code UPDATE}, and one history row per change. Owner changes go
 * through {@link UnitOwners}, dated by the row's source date or today.
 */
@Component
class UnitWriter {

    private static final List<String> UNIT_COLUMNS = List.of("id", "type", "name_th", "name_en", "agency_code",
            "province_code", "district_code", "subdistrict_code", "source_area_code", "status", "closed_on",
            "health_type_code", "health_kind", "moo", "hospcode", "hospcode9", "school_code", "center_code", "source",
            "source_date");
    private static final List<String> UPDATE_COLUMNS = List.of("id", "type", "name_th", "health_type_code", "health_kind",
            "province_code", "district_code", "subdistrict_code", "source_area_code", "status", "closed_on",
            "status_changed", "moo", "hospcode9", "source", "source_date");

    private final JdbcClient jdbc;
    private final BulkCopy bulk;
    private final HealthTypes types;
    private final UnitOwners owners;
    private final Clock clock;

    UnitWriter(JdbcClient jdbc, BulkCopy bulk, HealthTypes types, UnitOwners owners, Clock clock) {
        this.jdbc = jdbc;
        this.bulk = bulk;
        this.types = types;
        this.owners = owners;
        this.clock = clock;
    }

    void write(UUID importId, UnitDiff.Plan plan, String by) {
        LocalDate today = LocalDate.now(clock);
        Map<String, UUID> ids = new java.util.HashMap<>();
        List<Object[]> added = new ArrayList<>();
        for (IncomingUnit u : plan.added()) {
            UUID id = UUID.randomUUID();
            ids.put(u.key(), id);
            String agency = u.agencyCode() != null ? u.agencyCode() : types.defaultAgency(u.kind());
            UnitStatus status = u.status() == null ? UnitStatus.ACTIVE : u.status();
            added.add(new Object[] {id, u.type().name(), u.nameTh(), u.nameEn(), agency, u.provinceCode(), u.districtCode(),
                    u.subdistrictCode(), u.sourceAreaCode(), status.name(), closedOn(status, u, today), u.typeCode(),
                    u.kind() == null ? null : u.kind().name(), u.moo(), u.hospcode(), u.hospcode9(), u.schoolCode(),
                    u.centerCode(), u.source(), u.sourceDate()});
        }
        if (!added.isEmpty()) bulk.copy("service_unit", UNIT_COLUMNS, added);

        List<Object[]> updated = new ArrayList<>();
        for (UnitDiff.Update up : plan.updates()) {
            var e = up.existing();
            var u = up.incoming();
            ids.put(u.key(), e.id());
            boolean retyped = up.kinds().contains(ChangeKind.RETYPED);
            boolean moved = up.kinds().contains(ChangeKind.MOVED);
            boolean statusChanged = up.kinds().contains(ChangeKind.CLOSED) || up.kinds().contains(ChangeKind.REOPENED);
            UnitStatus status = statusChanged ? u.status() : e.status();
            updated.add(new Object[] {e.id(), (retyped ? u.type() : e.type()).name(), u.nameTh(),
                    retyped ? u.typeCode() : e.typeCode(),
                    retyped ? (u.kind() == null ? null : u.kind().name()) : (e.kind() == null ? null : e.kind().name()),
                    moved ? u.provinceCode() : e.province(), moved ? u.districtCode() : e.district(),
                    moved ? u.subdistrictCode() : e.subdistrict(), moved ? u.sourceAreaCode() : e.sourceArea(),
                    status.name(), statusChanged ? closedOn(status, u, today) : null, statusChanged, u.moo(), u.hospcode9(),
                    u.source(), u.sourceDate()});
            if (up.kinds().contains(ChangeKind.OWNER)) {
                owners.change(e.id(), u.agencyCode(), u.sourceDate() != null ? u.sourceDate() : today, by, importId);
            }
        }
        if (!updated.isEmpty()) {
            jdbc.sql("""
                    CREATE TEMP TABLE IF NOT EXISTS stage_unit_update (id uuid, type text, name_th text, health_type_code text,
                        health_kind text, province_code text, district_code text, subdistrict_code text, source_area_code text,
                        status text, closed_on date, status_changed boolean, moo text, hospcode9 text, source text,
                        source_date date) ON COMMIT DROP""").update();
            jdbc.sql("TRUNCATE stage_unit_update").update();
            bulk.copy("stage_unit_update", UPDATE_COLUMNS, updated);
            jdbc.sql("""
                    UPDATE service_unit u SET type = s.type, name_th = s.name_th, health_type_code = s.health_type_code,
                           health_kind = s.health_kind, province_code = s.province_code, district_code = s.district_code,
                           subdistrict_code = s.subdistrict_code, source_area_code = s.source_area_code, status = s.status,
                           closed_on = CASE WHEN s.status_changed THEN s.closed_on ELSE u.closed_on END,
                           moo = coalesce(s.moo, u.moo), hospcode9 = coalesce(s.hospcode9, u.hospcode9),
                           source = coalesce(s.source, u.source), source_date = coalesce(s.source_date, u.source_date),
                           updated_at = now()
                      FROM stage_unit_update s WHERE u.id = s.id""").update();
        }

        Map<Integer, IncomingUnit> byRow = new java.util.HashMap<>();
        for (IncomingUnit u : plan.added()) byRow.put(u.row(), u);
        for (UnitDiff.Update up : plan.updates()) byRow.put(up.incoming().row(), up.incoming());
        List<Object[]> history = new ArrayList<>();
        for (Change c : plan.changes()) {
            if (c.kind() == ChangeKind.OWNER) continue; // written with the owner change
            IncomingUnit u = byRow.get(c.row());
            LocalDate effective = c.kind() == ChangeKind.CLOSED && u.closedOn() != null ? u.closedOn() : u.sourceDate();
            history.add(new Object[] {UUID.randomUUID(), ids.get(u.key()), c.kind().name(), c.oldValue(), c.newValue(),
                    effective, importId, by});
        }
        if (!history.isEmpty()) {
            bulk.copy("service_unit_change", List.of("id", "unit_id", "kind", "old_value", "new_value", "effective_on",
                    "import_id", "changed_by"), history);
        }
    }

    private static LocalDate closedOn(UnitStatus status, IncomingUnit u, LocalDate today) {
        if (status != UnitStatus.CLOSED) return null;
        return u.closedOn() != null ? u.closedOn() : today;
    }
}
