package org.tonkla.protection.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tonkla.protection.Concern;

/** The protection_concern and protection_screening tables. */
@Component
public class ConcernRows {

    private static final String COLUMNS = "id, child_id, province_code, district_code, office_unit_id, reporter_id,"
            + " reason, status, opened_at, log_released_at, revision";
    private static final RowMapper<Concern> CONCERN = (rs, i) -> new Concern(rs.getObject(1, UUID.class),
            rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getObject(5, UUID.class),
            rs.getObject(6, UUID.class), rs.getString(7), Concern.Status.valueOf(rs.getString(8)),
            rs.getTimestamp(9).toInstant(), rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant(),
            rs.getInt(11));

    private final JdbcClient jdbc;

    ConcernRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Concern c, LocalDate birthDate) {
        jdbc.sql("INSERT INTO protection_concern (" + COLUMNS + ", child_birth_date)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, 0, ?)")
                .params(c.id(), c.childId(), c.provinceCode(), c.districtCode(), c.officeUnitId(), c.reporterId(),
                        c.reason(), c.status().name(), Timestamp.from(c.openedAt()),
                        birthDate == null ? null : Date.valueOf(birthDate))
                .update();
    }

    /** A concern still open in a district, as the subcommittee's agenda proposes it. */
    public record OpenInDistrict(UUID childId, String provinceCode, LocalDate birthDate) {}

    /** The district's concerns not closed; one row per child. */
    public List<OpenInDistrict> openIn(String district) {
        return jdbc.sql("""
                SELECT DISTINCT ON (child_id) child_id, province_code, child_birth_date FROM protection_concern
                 WHERE district_code = ? AND status <> 'CLOSED'
                 ORDER BY child_id, opened_at""")
                .param(district)
                .query((rs, i) -> new OpenInDistrict(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate()))
                .list();
    }

    public void insertScreening(UUID id, UUID child, String province, String district, UUID by, Instant at,
            List<String> items, int score, String level, UUID concern, String living) {
        jdbc.sql("""
                INSERT INTO protection_screening (id, child_id, province_code, district_code, recorded_by, recorded_at,
                                                  items, score, level, concern_id, living_arrangement)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, child, province, district, by, Timestamp.from(at), items.toArray(String[]::new), score, level,
                        concern, living)
                .update();
    }

    public Optional<Concern> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM protection_concern WHERE id = ?").param(id).query(CONCERN).optional();
    }

    /** Concerns routed to the office or to one of the districts, or raised by the reporter; newest first. */
    public List<Concern> visibleTo(UUID officeUnit, List<String> districts, UUID reporter) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM protection_concern
                WHERE office_unit_id = :office OR district_code = ANY(CAST(:districts AS text[])) OR reporter_id = :me
                ORDER BY opened_at DESC LIMIT 200""")
                .param("office", officeUnit).param("districts", districts.toArray(String[]::new)).param("me", reporter)
                .query(CONCERN).list();
    }

    public List<Concern> ofChild(UUID child) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM protection_concern WHERE child_id = ?").param(child)
                .query(CONCERN).list();
    }

    /** Compare-and-set on the revision; false when it changed meanwhile. */
    public boolean changeStatus(UUID id, int revision, Concern.Status status, Instant at) {
        // The closing day counts for planning (V163): a concern is open from opened_at until closed_at.
        return jdbc.sql("""
                UPDATE protection_concern SET status = :status, revision = revision + 1,
                       closed_at = CASE WHEN :status = 'CLOSED' THEN coalesce(closed_at, :at) END
                 WHERE id = :id AND revision = :revision""")
                .param("status", status.name()).param("at", Timestamp.from(at)).param("id", id)
                .param("revision", revision).update() == 1;
    }

    /** Releases the views to the family once; false when already released. */
    public boolean releaseLog(UUID id, UUID by, Instant at) {
        return jdbc.sql("""
                UPDATE protection_concern SET log_released_at = ?, log_released_by = ?, revision = revision + 1
                WHERE id = ? AND log_released_at IS NULL""")
                .params(Timestamp.from(at), by, id).update() == 1;
    }

    /** What the screening that opened a concern found. */
    public record ScreeningRow(List<String> items, int score) {}

    public ScreeningRow screeningOf(UUID concern) {
        return jdbc.sql("SELECT items, score FROM protection_screening WHERE concern_id = ?").param(concern)
                .query((rs, i) -> new ScreeningRow(List.of((String[]) rs.getArray(1).getArray()), rs.getInt(2)))
                .optional().orElse(new ScreeningRow(List.of(), 0));
    }

    /** The items of the child's latest protection screening (empty when never screened). */
    public List<String> latestItems(UUID child) {
        return jdbc.sql("SELECT items FROM protection_screening WHERE child_id = ? ORDER BY recorded_at DESC LIMIT 1")
                .param(child).query((rs, i) -> List.of((String[]) rs.getArray(1).getArray())).optional().orElse(List.of());
    }

    /** The living arrangement most recently recorded for the child (null when none was). */
    public String latestLiving(UUID child) {
        return jdbc.sql("""
                SELECT living_arrangement FROM protection_screening WHERE child_id = ? AND living_arrangement IS NOT NULL
                 ORDER BY recorded_at DESC LIMIT 1""").param(child).query(String.class).optional().orElse(null);
    }
}
