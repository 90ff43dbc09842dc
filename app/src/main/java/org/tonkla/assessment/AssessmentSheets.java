package org.tonkla.assessment;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tonkla.assessment.AssessmentSheet.CycleEvent;
import org.tonkla.assessment.AssessmentSheet.EvidenceFile;
import org.tonkla.assessment.AssessmentSheet.ItemRating;
import org.tonkla.assessment.AssessmentSheet.PlanEntry;
import org.tonkla.assessment.AssessmentSheet.ReviewMark;
import org.tonkla.core.standard.AgeGroup;
import org.tonkla.core.standard.CatalogueItem;
import org.tonkla.core.standard.CentreResult;
import org.tonkla.core.standard.ItemLevel;
import org.tonkla.core.standard.StandardCatalogue;
import org.tonkla.core.thai.BuddhistEra;
import org.tonkla.identity.CurrentUser;
import org.tonkla.platform.ThaiDates;

/**
 * Reading a center's assessments: the list of its years and one year's sheet with ratings, the
 * figures computed from the records, plans, evidence, history, last year's levels and the scores
 * as they stand. Every read checks the user's scope first ({@link AssessmentAccess}).
 */
@Component
public class AssessmentSheets {

    /** One year of a center's assessments, for its list. */
    public record YearSummary(UUID id, int yearBe, AssessmentStatus status, String catalogueVersion, Integer levelS1,
            Integer levelS2, Integer levelS3, Integer levelOverall, Boolean passed) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Catalogues catalogues;
    private final AssessmentAccess access;
    private final AssessmentProperties properties;
    private final ComputedFigures figures;

    AssessmentSheets(JdbcClient jdbc, Clock clock, Catalogues catalogues, AssessmentAccess access,
            AssessmentProperties properties, ComputedFigures figures) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.catalogues = catalogues;
        this.access = access;
        this.properties = properties;
        this.figures = figures;
    }

    /** This year in the Buddhist era, in Thailand. */
    public int currentYearBe() {
        return BuddhistEra.toBuddhistYear(LocalDate.now(clock.withZone(ThaiDates.BANGKOK)).getYear());
    }

    /** The center's assessments, newest year first. */
    public List<YearSummary> years(UUID unitId, CurrentUser user) {
        access.requireView(user, unitId);
        return jdbc.sql("""
                SELECT id, year_be, status, catalogue_version, level_s1, level_s2, level_s3, level_overall, passed
                  FROM center_assessment WHERE unit_id = ? ORDER BY year_be DESC""")
                .param(unitId)
                .query((rs, i) -> new YearSummary(rs.getObject("id", UUID.class), rs.getInt("year_be"),
                        AssessmentStatus.valueOf(rs.getString("status")), rs.getString("catalogue_version"),
                        (Integer) rs.getObject("level_s1"), (Integer) rs.getObject("level_s2"),
                        (Integer) rs.getObject("level_s3"), (Integer) rs.getObject("level_overall"),
                        (Boolean) rs.getObject("passed")))
                .list();
    }

    /** The assessment of {@code yearBe}, if the center has opened it. */
    public Optional<AssessmentSheet> sheet(UUID unitId, int yearBe, CurrentUser user) {
        access.requireView(user, unitId);
        return idOf(unitId, yearBe).map(this::load);
    }

    /** The assessment with this id, after the scope check. */
    public AssessmentSheet sheet(UUID assessmentId, CurrentUser user) {
        access.requireViewAssessment(user, assessmentId);
        return load(assessmentId);
    }

    Optional<UUID> idOf(UUID unitId, int yearBe) {
        return jdbc.sql("SELECT id FROM center_assessment WHERE unit_id = ? AND year_be = ?")
                .params(unitId, yearBe).query(UUID.class).optional();
    }

    /** The whole sheet, without a scope check: callers have made it. */
    AssessmentSheet load(UUID assessmentId) {
        record Head(UUID unitId, String province, String agency, int year, String version, String groups, String status,
                int revision) {}
        Head head = jdbc.sql("""
                SELECT unit_id, province_code, agency_code, year_be, catalogue_version, age_groups, status, revision
                  FROM center_assessment WHERE id = ?""")
                .param(assessmentId)
                .query((rs, i) -> new Head(rs.getObject("unit_id", UUID.class), rs.getString("province_code"),
                        rs.getString("agency_code"), rs.getInt("year_be"), rs.getString("catalogue_version"),
                        rs.getString("age_groups"), rs.getString("status"), rs.getInt("revision")))
                .optional().orElseThrow(() -> new org.tonkla.platform.Refused("No such assessment in the user's scope"));
        StandardCatalogue catalogue = catalogues.version(head.version());
        Set<AgeGroup> groups = AssessmentRows.parseAgeGroups(head.groups());
        AssessmentStatus status = AssessmentStatus.valueOf(head.status());

        Map<String, ItemRating> ratings = new LinkedHashMap<>();
        Map<String, ComputedItem> stored = new HashMap<>();
        jdbc.sql("""
                SELECT item_key, level, note, computed_detail, review, review_comment
                  FROM assessment_rating WHERE assessment_id = ?""")
                .param(assessmentId)
                .query(rs -> {
                    String key = rs.getString("item_key");
                    Integer level = (Integer) rs.getObject("level");
                    ratings.put(key, new ItemRating(key, level == null ? null : ItemLevel.ofScore(level), rs.getString("note"),
                            ReviewMark.valueOf(rs.getString("review")), rs.getString("review_comment")));
                    ComputedItem c = ComputedItem.decode(rs.getString("computed_detail"));
                    if (c != null) stored.put(key, c);
                });
        // Figures are live exactly where the center may still change the item: every item of a draft,
        // only the returned items of a returned assessment. The items the officer did not return keep
        // the figures they were submitted (and perhaps already accepted) with: the center cannot touch
        // them, and the officer's review of them must not shift under both because children were
        // screened since. Recomputing them would also turn a share that has since dropped below ดี
        // into a plan demand on an item the center may not edit, so it could never resubmit.
        Map<String, ComputedItem> computed = switch (status) {
            case DRAFT -> figures.compute(head.unitId(), head.year(), catalogue, groups, key -> true);
            case RETURNED -> {
                Set<String> returned = new HashSet<>();
                ratings.forEach((key, r) -> {
                    if (r.review() == ReviewMark.RETURNED) returned.add(key);
                });
                Map<String, ComputedItem> mixed = new HashMap<>(stored);
                mixed.keySet().removeAll(returned);
                if (!returned.isEmpty()) {
                    mixed.putAll(figures.compute(head.unitId(), head.year(), catalogue, groups, returned::contains));
                }
                yield mixed;
            }
            default -> stored;
        };

        Map<String, PlanEntry> plans = plans(assessmentId);
        Map<String, List<EvidenceFile>> evidence = evidence(assessmentId);
        List<CycleEvent> history = jdbc.sql("""
                SELECT action, actor, occurred_at, comment FROM assessment_event WHERE assessment_id = ? ORDER BY occurred_at""")
                .param(assessmentId)
                .query((rs, i) -> new CycleEvent(rs.getString("action"), rs.getString("actor"),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getString("comment")))
                .list();

        Map<String, ItemLevel> previous = new HashMap<>();
        Map<String, PlanEntry> previousPlans = new HashMap<>();
        idOf(head.unitId(), head.year() - 1).ifPresent(prevId -> {
            previous.putAll(handedInLevels(prevId));
            previousPlans.putAll(plans(prevId));
        });

        AssessmentSheet draft = new AssessmentSheet(assessmentId, head.unitId(), head.province(), head.agency(), head.year(),
                catalogue, groups, status, ratings, computed, plans, evidence, history, null, previous, previousPlans,
                properties.dspmItemsFromRecords(), head.revision());
        Map<String, ItemLevel> effective = new HashMap<>();
        for (CatalogueItem item : draft.applicableItems()) {
            ItemLevel level = draft.effectiveLevel(item.key());
            if (level != null) effective.put(item.key(), level);
        }
        CentreResult result = properties.scoringRule().score(catalogue, effective, groups);
        return new AssessmentSheet(assessmentId, head.unitId(), head.province(), head.agency(), head.year(), catalogue,
                groups, status, ratings, computed, plans, evidence, history, result, previous, previousPlans,
                properties.dspmItemsFromRecords(), head.revision());
    }

    /** The levels a handed-in assessment counted per item (for "last year"): none unless submitted or accepted. */
    private Map<String, ItemLevel> handedInLevels(UUID assessmentId) {
        Map<String, ItemLevel> levels = new HashMap<>();
        jdbc.sql("""
                SELECT r.item_key, r.level, r.computed_detail FROM assessment_rating r
                  JOIN center_assessment a ON a.id = r.assessment_id
                 WHERE r.assessment_id = ? AND a.status IN ('SUBMITTED', 'ACCEPTED')""")
                .param(assessmentId)
                .query(rs -> {
                    ComputedItem c = ComputedItem.decode(rs.getString("computed_detail"));
                    Integer rated = (Integer) rs.getObject("level");
                    ItemLevel level = c != null && c.replacesRating() ? c.level()
                            : rated == null ? null : ItemLevel.ofScore(rated);
                    if (level != null) levels.put(rs.getString("item_key"), level);
                });
        return levels;
    }

    private Map<String, List<EvidenceFile>> evidence(UUID assessmentId) {
        Map<String, List<EvidenceFile>> evidence = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT id, item_key, file_name, content_type, size_bytes FROM assessment_evidence
                 WHERE assessment_id = ? ORDER BY uploaded_at""")
                .param(assessmentId)
                .query(rs -> {
                    var f = new EvidenceFile(rs.getObject("id", UUID.class), rs.getString("item_key"), rs.getString("file_name"),
                            rs.getString("content_type"), rs.getLong("size_bytes"));
                    evidence.computeIfAbsent(f.itemKey(), k -> new ArrayList<>()).add(f);
                });
        return evidence;
    }

    private Map<String, PlanEntry> plans(UUID assessmentId) {
        Map<String, PlanEntry> plans = new LinkedHashMap<>();
        jdbc.sql("SELECT item_key, action, owner, due_on, done_on FROM improvement_plan WHERE assessment_id = ?")
                .param(assessmentId)
                .query(rs -> {
                    Date done = rs.getDate("done_on");
                    plans.put(rs.getString("item_key"), new PlanEntry(rs.getString("item_key"), rs.getString("action"),
                            rs.getString("owner"), rs.getDate("due_on").toLocalDate(), done == null ? null : done.toLocalDate()));
                });
        return plans;
    }
}
