package org.tonkla.referral;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.directory.Directory;
import org.tonkla.directory.ServiceUnit;

/**
 * Bulk loading of a referral history, for the synthetic pilot (./tonkla generate): referrals with their
 * timeline written straight to the tables, without the access checks, notifications and access-log entries that
 * a person's step makes, as the record book's imports do. Ids are the caller's (name-based), so loading the same
 * history again adds nothing. Only health services receive imported referrals (no consent to check).
 */
@Component
public class ReferralImports {

    /** One step of an imported referral's timeline; {@code status} is the status after it. */
    public record Step(String kind, Instant at, ReferralStatus status) {}

    /**
     * An imported referral. Its status is the last step's; {@code outcome} is required when that is
     * {@code COMPLETED}, {@code closingReason} when {@code DECLINED} or {@code CLOSED}.
     */
    public record ImportedReferral(UUID id, UUID childId, String provinceCode, String childName, LocalDate birthDate,
            String needType, String needKey, String needDetail, String reason, UUID fromUnit, UUID toUnit,
            String createdByName, List<Step> steps, ReferralOutcome outcome, String closingReason,
            Instant escalatedAt) {}

    private final JdbcTemplate jdbc;
    private final Directory directory;
    private final NeedTypes needTypes;

    ReferralImports(JdbcTemplate jdbc, Directory directory, NeedTypes needTypes) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.needTypes = needTypes;
    }

    /** Inserts the referrals not yet there; returns how many were new. */
    @Transactional
    public int importHistory(List<ImportedReferral> referrals, ZoneId zone) {
        Map<UUID, ServiceUnit> units = new HashMap<>();
        Map<String, List<String>> lineages = new HashMap<>();
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> events = new ArrayList<>();
        for (ImportedReferral r : referrals) {
            ServiceUnit to = units.computeIfAbsent(r.toUnit(), u -> directory.serviceUnit(u).orElseThrow());
            if (!Referrals.HEALTH.contains(to.type())) {
                throw new IllegalArgumentException("Imported referrals go to health services only: " + r.id());
            }
            var type = needTypes.type(r.needType()).orElseThrow(() -> new IllegalArgumentException(r.needType()));
            List<String> agencies = lineages.computeIfAbsent(to.agencyCode(), directory::agencyLineage);
            Step first = r.steps().getFirst();
            Step last = r.steps().getLast();
            ReferralStatus status = last.status();
            String decline = status == ReferralStatus.DECLINED ? r.closingReason() : null;
            String closed = status == ReferralStatus.CLOSED ? r.closingReason() : null;
            String outcome = status == ReferralStatus.COMPLETED ? r.outcome().name() : null;
            rows.add(new Object[] {r.id(), r.childId(), r.provinceCode(), r.childName(), Date.valueOf(r.birthDate()),
                r.needType(), r.needKey(), r.needDetail(), r.reason(), r.fromUnit(), r.toUnit(), Referrals.district(to),
                agencies.toArray(String[]::new), status.name(), r.steps().size() - 1, UUID.nameUUIDFromBytes(
                        ("import-user:" + r.createdByName()).getBytes()), r.createdByName(), Timestamp.from(first.at()),
                Timestamp.from(last.at()),
                Date.valueOf(first.at().atZone(zone).toLocalDate().plusDays(type.days())), decline, outcome, closed,
                r.escalatedAt() == null ? null : Timestamp.from(r.escalatedAt())});
            int n = 0;
            for (Step s : r.steps()) {
                events.add(new Object[] {UUID.nameUUIDFromBytes((r.id() + ":" + n++).getBytes()), r.id(),
                    Timestamp.from(s.at()), s.kind(), s.status().name(),
                    s.kind().equals("created") ? r.createdByName() : to.nameTh(),
                    s.kind().equals("created") ? r.fromUnit() : r.toUnit()});
            }
        }
        int[] inserted = jdbc.batchUpdate("""
                INSERT INTO referral (id, child_id, province_code, child_name, child_birth_date, need_type, need_key,
                    need_detail, reason, from_unit, to_unit, to_area_code, to_agencies, status, revision, created_by,
                    created_by_name, created_at, updated_at, due_on, legal_basis, decline_reason, outcome, closed_reason,
                    escalated_at)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,'HEALTH_SERVICE',?,?,?,?) ON CONFLICT (id) DO NOTHING""",
                rows);
        jdbc.batchUpdate("""
                INSERT INTO referral_event (id, referral_id, occurred_at, kind, status, display_name, unit_id)
                VALUES (?,?,?,?,?,?,?) ON CONFLICT (id) DO NOTHING""", events);
        int count = 0;
        for (int i : inserted) count += Math.max(0, i);
        return count;
    }
}
