package org.tonkla.recordbook;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.core.development.DspmDomain;
import org.tonkla.core.development.DspmScreening;
import org.tonkla.core.development.ScreeningResult;
import org.tonkla.platform.AuditTrail;
import org.tonkla.platform.BulkCopy;
import org.tonkla.recordbook.internal.GrowthScoring;
import org.tonkla.registry.ChildId;
import org.tonkla.registry.Sex;

/**
 * Bulk loading of record-book entries for imports and the synthetic population, one {@code COPY}
 * per table. Measurements are scored with the WHO standards exactly as on the page; rows already
 * present (same id) are skipped, so a batch can be run again. For system processes only: no scope
 * check and no per-child access log, one audit entry per batch.
 */
@Component
public class RecordBookImports {

    /** The child facts the scoring needs, carried with each entry so that no per-row lookup is needed. */
    public record ChildFacts(ChildId id, Sex sex, LocalDate dateOfBirth, String provinceCode) {}

    public record ImportedMeasurement(UUID id, ChildFacts child, UUID unitId, LocalDate measuredOn, Double weightKg,
            Double lengthCm, String position, Double headCm) {

        public ImportedMeasurement(UUID id, ChildFacts child, UUID unitId, LocalDate measuredOn, Double weightKg,
                Double lengthCm, String position) {
            this(id, child, unitId, measuredOn, weightKg, lengthCm, position, null);
        }
    }

    public record ImportedScreening(UUID id, ChildFacts child, UUID unitId, LocalDate screenedOn, Integer keyAgeMonths,
            Map<DspmDomain, ScreeningResult> domains, UUID followUpOf) {}

    public record ImportedImmunization(UUID id, ChildFacts child, UUID unitId, String vaccineCode, LocalDate givenOn) {}

    public record ImportedNote(UUID id, ChildFacts child, UUID unitId, HealthNote.Kind kind, String description) {}

    private final BulkCopy bulk;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final GrowthScoring growth;
    private final AuditTrail audit;

    RecordBookImports(BulkCopy bulk, org.springframework.jdbc.core.simple.JdbcClient jdbc, GrowthScoring growth,
            AuditTrail audit) {
        this.bulk = bulk;
        this.jdbc = jdbc;
        this.growth = growth;
        this.audit = audit;
    }

    /** Imports entries of every kind in one transaction; returns the number of rows inserted. */
    @Transactional
    public long importEntries(List<ImportedMeasurement> measurements, List<ImportedScreening> screenings,
            List<ImportedImmunization> immunizations, List<ImportedNote> notes, String importedBy, Instant recordedAt) {
        // Entries of children the registry does not hold (an import that skipped them) are left out.
        var referenced = new java.util.HashSet<UUID>();
        measurements.forEach(x -> referenced.add(x.child().id().value()));
        screenings.forEach(x -> referenced.add(x.child().id().value()));
        immunizations.forEach(x -> referenced.add(x.child().id().value()));
        notes.forEach(x -> referenced.add(x.child().id().value()));
        var known = new java.util.HashSet<>(jdbc.sql("SELECT id FROM child WHERE id = ANY(?)")
                .param((Object) referenced.toArray(UUID[]::new)).query(UUID.class).list());
        // Scoring is the CPU-heavy part of a batch and each row stands alone: on every core, in the rows' order.
        List<Object[]> m = measurements.parallelStream().filter(x -> known.contains(x.child().id().value())).map(x -> {
            int ageDays = (int) ChronoUnit.DAYS.between(x.child().dateOfBirth(), x.measuredOn());
            var scored = growth.score(x.child().sex(), ageDays,
                    new MeasurementInput(x.measuredOn(), x.weightKg(), x.lengthCm(), x.position(), x.headCm(), null, false, true));
            return new Object[] {x.id(), x.child().id().value(), x.child().provinceCode(), x.measuredOn(), ageDays,
                    x.weightKg(), x.lengthCm(), scored.position(), scored.zWfa(), scored.zLhfa(), scored.zWflh(),
                    scored.zBfa(), x.headCm(), scored.zHcfa(), String.join(",", scored.flags()), String.join(",", scored.classification()),
                    !scored.flags().isEmpty(), x.unitId(), importedBy, recordedAt};
        }).toList();
        List<Object[]> s = new ArrayList<>(screenings.size());
        for (ImportedScreening x : screenings) {
            if (!known.contains(x.child().id().value())) continue;
            var screening = DspmScreening.of(x.screenedOn(), x.domains());
            s.add(new Object[] {x.id(), x.child().id().value(), x.child().provinceCode(), x.screenedOn(), x.keyAgeMonths(),
                    x.domains().get(DspmDomain.GM).name(), x.domains().get(DspmDomain.FM).name(),
                    x.domains().get(DspmDomain.RL).name(), x.domains().get(DspmDomain.EL).name(),
                    x.domains().get(DspmDomain.PS).name(), screening.specialPpCodes().get(0), x.followUpOf(),
                    Screenings.refers(screening, x.followUpOf()), x.unitId(), importedBy, recordedAt});
        }
        List<Object[]> v = new ArrayList<>(immunizations.size());
        for (ImportedImmunization x : immunizations) {
            if (!known.contains(x.child().id().value())) continue;
            v.add(new Object[] {x.id(), x.child().id().value(), x.child().provinceCode(), x.vaccineCode(), x.givenOn(),
                    x.unitId(), importedBy, recordedAt});
        }
        List<Object[]> n = new ArrayList<>(notes.size());
        for (ImportedNote x : notes) {
            if (!known.contains(x.child().id().value())) continue;
            n.add(new Object[] {x.id(), x.child().id().value(), x.child().provinceCode(), x.kind().name(), x.description(),
                    x.unitId(), importedBy, recordedAt});
        }
        long inserted = bulk.copyNew("growth_measurement", List.of("id", "child_id", "province_code", "measured_on",
                "age_days", "weight_kg", "length_cm", "position", "z_wfa", "z_lhfa", "z_wflh", "z_bfa", "head_cm", "z_hcfa", "flags",
                "classification", "implausible_confirmed", "unit_id", "recorded_by", "recorded_at"), m);
        inserted += bulk.copyNew("dspm_screening", List.of("id", "child_id", "province_code", "screened_on",
                "key_age_months", "gm", "fm", "rl", "el", "ps", "outcome_code", "follow_up_of", "referred", "unit_id",
                "recorded_by", "recorded_at"), s);
        inserted += bulk.copyNew("immunization", List.of("id", "child_id", "province_code", "vaccine_code", "given_on",
                "unit_id", "recorded_by", "recorded_at"), v);
        inserted += bulk.copyNew("health_note", List.of("id", "child_id", "province_code", "kind", "description",
                "unit_id", "recorded_by", "recorded_at"), n);
        audit.record("IMPORT", "record_book", null, inserted + " record-book entries imported by " + importedBy);
        return inserted;
    }
}
