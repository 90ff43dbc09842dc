package org.tonkla.recordbook;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.OrgUnit;
import org.tonkla.platform.InvalidInput;
import org.tonkla.platform.Validation;
import org.tonkla.registry.Child;
import org.tonkla.registry.ChildAccess;
import org.tonkla.registry.ChildId;

/**
 * Vaccinations against the Thai national EPI schedule ({@link RecordBook#SCHEDULE}). The same vaccine
 * on the same day is the same dose: the database keeps one current row per child, code and day.
 */
@Component
public class Immunizations {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ChildAccess access;

    Immunizations(JdbcClient jdbc, Clock clock, ChildAccess access) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.access = access;
    }

    /**
     * Records a vaccine dose, or returns the one already recorded for that code and day.
     *
     * @throws InvalidInput naming {@code vaccineCode}, {@code givenOn} or {@code lot}
     */
    @Transactional
    public Immunization record(ChildId childId, String vaccineCode, LocalDate givenOn, String lot, CurrentUser user) {
        return access.write(childId, user, "immunization", child -> insert(child, vaccineCode, givenOn, lot, user),
                Immunization::vaccineCode);
    }

    /** Corrects a vaccination (wrong vaccine or date): a new row; the old one stays, pointing to it, with the reason. */
    @Transactional
    public Immunization correct(ChildId childId, UUID immunizationId, String vaccineCode, LocalDate givenOn, String lot,
            String reason, CurrentUser user) {
        return access.write(childId, user, "immunization", child -> {
            new Validation().requiredText("reason", reason, Validation.MAX_TEXT).throwIfInvalid();
            int withdrawn = jdbc.sql("""
                    UPDATE immunization SET superseded_by = id, correction_reason = ?
                    WHERE id = ? AND child_id = ? AND superseded_by IS NULL""")
                    .params(reason.strip(), immunizationId, childId.value()).update();
            if (withdrawn == 0) throw new InvalidInput("immunizationId", "a current vaccination of this child");
            var corrected = insert(child, vaccineCode, givenOn, lot, user);
            jdbc.sql("UPDATE immunization SET superseded_by = ? WHERE id = ?").params(corrected.id(), immunizationId).update();
            return corrected;
        }, i -> "correction");
    }

    private Immunization insert(Child child, String vaccineCode, LocalDate givenOn, String lot, CurrentUser user) {
        String code = vaccineCode == null ? "" : vaccineCode.strip().toUpperCase(Locale.ROOT);
        new Validation()
                .check(RecordBook.SCHEDULE.doses().stream().anyMatch(d -> d.isRecordedBy(code)), "vaccineCode",
                        "a vaccine code of the Thai national EPI schedule (THCC 198), e.g. 010 for BCG")
                .date("givenOn", givenOn, child.dateOfBirth(), LocalDate.now(clock))
                .optionalText("lot", lot, 50)
                .throwIfInvalid();
        UUID unitId = user.scope().unit() instanceof OrgUnit.ServiceUnit s ? s.id() : null;
        String lotValue = lot == null || lot.isBlank() ? null : lot.strip();
        // ON CONFLICT: a second entry of the same dose (or two at once) answers the dose already recorded.
        jdbc.sql("""
                INSERT INTO immunization (id, child_id, province_code, vaccine_code, given_on, lot, unit_id, recorded_by,
                                          recorded_at)
                VALUES (?,?,?,?,?,?,?,?,?)
                ON CONFLICT (child_id, vaccine_code, given_on) WHERE superseded_by IS NULL DO NOTHING""")
                .params(UUID.randomUUID(), child.id().value(), child.provinceCode(), code, Date.valueOf(givenOn), lotValue,
                        unitId, user.username(), Timestamp.from(Instant.now(clock)))
                .update();
        return jdbc.sql("""
                SELECT id, vaccine_code, given_on, lot, unit_id, recorded_by FROM immunization
                WHERE child_id = ? AND vaccine_code = ? AND given_on = ? AND superseded_by IS NULL""")
                .params(child.id().value(), code, Date.valueOf(givenOn))
                .query((rs, i) -> new Immunization(rs.getObject(1, UUID.class), rs.getString(2), rs.getDate(3).toLocalDate(),
                        rs.getString(4), rs.getObject(5, UUID.class), rs.getString(6)))
                .single();
    }
}
