package org.tonkla.assessment;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.assessment.CenterProfile.CaresFor;
import org.tonkla.assessment.CenterProfile.Qualification;
import org.tonkla.assessment.CenterProfile.StaffRole;
import org.tonkla.core.standard.AgeGroup;
import org.tonkla.core.standard.CatalogueItem;
import org.tonkla.core.standard.CentreResult;
import org.tonkla.core.standard.IndicatorResult;
import org.tonkla.core.standard.ItemLevel;
import org.tonkla.core.standard.StandardCatalogue;
import org.tonkla.core.standard.StandardResult;

/**
 * The bulk path for synthetic national data ({@code ./tonkla generate --centers N}): profiles, staff
 * and assessments of many centers at once with PostgreSQL {@code COPY}, scored by the same rule as
 * a real submission. The centers themselves must already be in the directory.
 */
@Component
public class BulkCenters {

    /** One center's synthetic Part 1 data and assessments. */
    public record Center(UUID unitId, String provinceCode, String districtCode, String agencyCode, Profile profile,
            List<Staff> staff, List<Assessment> assessments) {}

    /** A profile; {@code null} for a center that never filled one in. */
    public record Profile(String address, int capacity, int classrooms, boolean servesUnderThree, Instant updatedAt) {}

    public record Staff(String fullName, StaffRole role, Qualification qualification, int trainingHours, CaresFor caresFor) {}

    /**
     * One year's assessment. {@code levels} holds the ratings by item key (all applicable items unless
     * a draft); items below ดี get a plan entry due at the end of the year, done on {@code plansDoneOn}
     * ({@code null}: still open).
     */
    public record Assessment(int yearBe, AssessmentStatus status, Instant openedAt, Instant submittedAt,
            Instant reviewedAt, Map<String, ItemLevel> levels, String returnedItem, LocalDate plansDoneOn) {}

    private final DataSource dataSource;
    private final Catalogues catalogues;
    private final AssessmentProperties properties;

    BulkCenters(DataSource dataSource, Catalogues catalogues, AssessmentProperties properties) {
        this.dataSource = dataSource;
        this.catalogues = catalogues;
        this.properties = properties;
    }

    /** The catalogue new assessments use, for generating ratings. */
    public StandardCatalogue catalogue() {
        return catalogues.active();
    }

    /** Loads a batch in one transaction. */
    @Transactional
    public void load(List<Center> centers) {
        StandardCatalogue catalogue = catalogues.active();
        var profiles = new Copy();
        var staff = new Copy();
        var assessments = new Copy();
        var ratings = new Copy();
        var indicators = new Copy();
        var plans = new Copy();
        var events = new Copy();
        List<UUID> accepted = new ArrayList<>();
        for (Center c : centers) {
            if (c.profile() != null) {
                Profile p = c.profile();
                profiles.row(c.unitId(), c.provinceCode(), p.address(), p.capacity(), p.classrooms(), p.servesUnderThree(),
                        true, "generate", p.updatedAt());
            }
            for (Staff s : c.staff()) {
                staff.row(UUID.randomUUID(), c.unitId(), c.provinceCode(), s.fullName(), s.role(), s.qualification(),
                        s.trainingHours(), s.caresFor(), true, "generate", c.profile() == null ? Instant.EPOCH : c.profile().updatedAt());
            }
            Set<AgeGroup> groups = c.profile() != null && c.profile().servesUnderThree()
                    ? Set.of(AgeGroup.UNDER_THREE, AgeGroup.THREE_TO_SIX) : Set.of(AgeGroup.THREE_TO_SIX);
            for (Assessment a : c.assessments()) {
                UUID id = UUID.randomUUID();
                Map<String, ItemLevel> levels = new java.util.HashMap<>();
                for (CatalogueItem item : catalogue.items()) {
                    boolean applies = item.ageGroup() == AgeGroup.ALL || groups.contains(item.ageGroup());
                    if (applies && a.levels().containsKey(item.key())) levels.put(item.key(), a.levels().get(item.key()));
                }
                boolean handedIn = a.status() != AssessmentStatus.DRAFT;
                CentreResult result = handedIn ? properties.scoringRule().score(catalogue, levels, groups) : null;
                // Accepted rows are locked by a trigger, so they are written as submitted and accepted at the end.
                AssessmentStatus written = a.status() == AssessmentStatus.ACCEPTED ? AssessmentStatus.SUBMITTED : a.status();
                if (a.status() == AssessmentStatus.ACCEPTED) accepted.add(id);
                Integer overall = result == null || result.level() == null ? null : result.level().score();
                assessments.row(id, c.unitId(), c.provinceCode(), c.districtCode(), c.agencyCode(), a.yearBe(),
                        catalogue.version(), AssessmentRows.ageGroupsText(groups.contains(AgeGroup.UNDER_THREE), true),
                        written, "generate", a.openedAt(), handedIn ? "generate" : null, handedIn ? a.submittedAt() : null,
                        a.reviewedAt() == null ? null : "generate", a.reviewedAt(),
                        level(result, 1), level(result, 2), level(result, 3), overall,
                        result == null ? null : result.passed(), result == null ? null : result.zeroItems().size(),
                        result == null ? null : result.standards().stream().mapToInt(StandardResult::score).sum(),
                        result == null ? null : result.standards().stream().mapToInt(StandardResult::maxScore).sum(),
                        handedIn ? 1 : 0);
                for (CatalogueItem item : catalogue.items()) {
                    if (item.ageGroup() != AgeGroup.ALL && !groups.contains(item.ageGroup())) continue;
                    ItemLevel level = levels.get(item.key());
                    if (level == null) continue;
                    String review = switch (a.status()) {
                        case ACCEPTED -> "ACCEPTED";
                        case RETURNED -> item.key().equals(a.returnedItem()) ? "RETURNED" : "ACCEPTED";
                        default -> "OPEN";
                    };
                    String comment = "RETURNED".equals(review) ? "กรุณาแนบหลักฐานเพิ่มเติม" : null;
                    ratings.row(id, item.key(), c.provinceCode(), AssessmentRows.indicatorKey(item),
                            AssessmentRows.standardOf(item), level.score(), null, null, null, review, comment,
                            "generate", a.openedAt());
                    if (!level.atLeast(ItemLevel.GOOD)) {
                        plans.row(id, item.key(), c.provinceCode(), "จัดทำแผนพัฒนาตามข้อ " + item.key(), "หัวหน้าศูนย์",
                                LocalDate.of(org.tonkla.core.thai.BuddhistEra.toCommonEraYear(a.yearBe()), 12, 31), a.plansDoneOn(), "generate", a.openedAt());
                    }
                }
                if (result != null) {
                    for (StandardResult s : result.standards()) {
                        for (IndicatorResult i : s.indicators()) {
                            indicators.row(id, i.indicator().key(), c.provinceCode(), s.standard().number(),
                                    i.level() == null ? null : i.level().score(), i.score(), i.maxScore());
                        }
                    }
                }
                events.row(UUID.randomUUID(), id, c.provinceCode(), "OPENED", "generate", a.openedAt(), null);
                if (handedIn) events.row(UUID.randomUUID(), id, c.provinceCode(), "SUBMITTED", "generate", a.submittedAt(), null);
                if (a.status() == AssessmentStatus.RETURNED || a.status() == AssessmentStatus.ACCEPTED) {
                    events.row(UUID.randomUUID(), id, c.provinceCode(), a.status().name(), "generate", a.reviewedAt(), null);
                }
            }
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            PGConnection pg = connection.unwrap(PGConnection.class);
            profiles.into(pg, "center_profile (unit_id, province_code, address, capacity, classrooms, serves_under_three, serves_three_to_six, updated_by, updated_at)");
            staff.into(pg, "center_staff (id, unit_id, province_code, full_name, role, qualification, training_hours, cares_for, active, updated_by, updated_at)");
            assessments.into(pg, """
                    center_assessment (id, unit_id, province_code, district_code, agency_code, year_be, catalogue_version,
                      age_groups, status, opened_by, opened_at, submitted_by, submitted_at, reviewed_by, reviewed_at,
                      level_s1, level_s2, level_s3, level_overall, passed, zero_items, score, max_score, revision)""");
            ratings.into(pg, """
                    assessment_rating (assessment_id, item_key, province_code, indicator_key, standard_no, level, note,
                      computed_level, computed_detail, review, review_comment, updated_by, updated_at)""");
            indicators.into(pg, "assessment_indicator_result (assessment_id, indicator_key, province_code, standard_no, level, score, max_score)");
            plans.into(pg, "improvement_plan (assessment_id, item_key, province_code, action, owner, due_on, done_on, updated_by, updated_at)");
            events.into(pg, "assessment_event (id, assessment_id, province_code, action, actor, occurred_at, comment)");
            if (!accepted.isEmpty()) {
                // The same compare-and-set as every status change (AssessmentCycle): written as submitted, revision 1.
                try (var update = connection.prepareStatement("""
                        UPDATE center_assessment SET status = 'ACCEPTED', revision = revision + 1
                         WHERE id = ANY (?) AND status = 'SUBMITTED' AND revision = 1""")) {
                    update.setArray(1, connection.createArrayOf("uuid", accepted.toArray()));
                    if (update.executeUpdate() != accepted.size()) throw org.tonkla.platform.Conflict.changedMeanwhile("assessment");
                }
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Bulk load failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static Integer level(CentreResult result, int standard) {
        if (result == null) return null;
        return result.standards().stream().filter(s -> s.standard().number() == standard).findFirst()
                .map(StandardResult::level).map(ItemLevel::score).orElse(null);
    }

    /** Rows in PostgreSQL's COPY text format: tab-separated, {@code \N} for null, backslash escapes. */
    private static final class Copy {
        private final StringBuilder text = new StringBuilder(1 << 16);
        private int rows;

        void row(Object... cells) {
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) text.append('\t');
                Object cell = cells[i];
                if (cell == null) {
                    text.append("\\N");
                } else {
                    String s = cell instanceof Instant instant ? instant.toString() : cell.toString();
                    for (int j = 0; j < s.length(); j++) {
                        char ch = s.charAt(j);
                        switch (ch) {
                            case '\\' -> text.append("\\\\");
                            case '\t' -> text.append("\\t");
                            case '\n' -> text.append("\\n");
                            case '\r' -> text.append("\\r");
                            default -> text.append(ch);
                        }
                    }
                }
            }
            text.append('\n');
            rows++;
        }

        void into(PGConnection pg, String table) throws SQLException, IOException {
            if (rows == 0) return;
            pg.getCopyAPI().copyIn("COPY " + table + " FROM STDIN", new StringReader(text.toString()));
        }
    }
}
