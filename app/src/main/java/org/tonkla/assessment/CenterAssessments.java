package org.tonkla.assessment;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.assessment.AssessmentSheet.CycleEvent;
import org.tonkla.assessment.AssessmentSheet.EvidenceFile;
import org.tonkla.assessment.AssessmentSheet.ItemRating;
import org.tonkla.assessment.AssessmentSheet.PlanEntry;
import org.tonkla.assessment.AssessmentSheet.ReviewMark;
import org.tonkla.assessment.internal.EvidenceStore;
import org.tonkla.assessment.internal.RecordFacts;
import org.tonkla.core.standard.AgeGroup;
import org.tonkla.core.standard.CatalogueItem;
import org.tonkla.core.standard.CentreResult;
import org.tonkla.core.standard.IndicatorResult;
import org.tonkla.core.standard.ItemKind;
import org.tonkla.core.standard.ItemLevel;
import org.tonkla.core.standard.StandardCatalogue;
import org.tonkla.core.standard.StandardResult;
import org.tonkla.directory.Directory;
import org.tonkla.directory.ServiceUnit;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;
import org.tonkla.identity.ScopeCheck;
import org.tonkla.platform.AuditTrail;
import org.tonkla.platform.ThaiDates;

/**
 * The self-assessment cycle: the center opens the year's assessment, rates each item with a note
 * and evidence, saves drafts and submits; the affiliated agency's officer reviews item by item and
 * accepts, or returns it with comments; accepted results are locked (here and by a database
 * trigger). Every item below ดี needs an improvement-plan entry before submission.
 *
 * <p>Who may do what: the center's head and caregivers edit; only the head submits; officers
 * ({@link Role#PROVINCIAL_OFFICER}, province or district scope) review centers in their scope that
 * are affiliated to their agency or one below it, and officers of a coordinating agency
 * ({@link AssessmentProperties#coordinatingAgencies()}) review every affiliation in their area.
 */
@Component
public class CenterAssessments {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Catalogues catalogues;
    private final Directory directory;
    private final ScopeCheck scopes;
    private final AuditTrail audit;
    private final AssessmentProperties properties;
    private final RecordFacts facts;
    private final EvidenceStore files;

    CenterAssessments(JdbcClient jdbc, Clock clock, Catalogues catalogues, Directory directory, ScopeCheck scopes,
            AuditTrail audit, AssessmentProperties properties, RecordFacts facts, EvidenceStore files) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.catalogues = catalogues;
        this.directory = directory;
        this.scopes = scopes;
        this.audit = audit;
        this.properties = properties;
        this.facts = facts;
        this.files = files;
    }

    /** What the center enters for one item. */
    public record RatingInput(ItemLevel level, String note) {}

    /** An improvement-plan entry as entered; all blank means none. */
    public record PlanInput(String action, String owner, LocalDate dueOn) {
        boolean blank() {
            return (action == null || action.isBlank()) && (owner == null || owner.isBlank()) && dueOn == null;
        }
    }

    /** The officer's mark on one item. */
    public record ReviewInput(ReviewMark mark, String comment) {}

    /** The officer's decision on the whole assessment. */
    public enum Decision { SAVE, RETURN, ACCEPT }

    /** One year of a center's assessments, for its list. */
    public record YearSummary(UUID id, int yearBe, AssessmentStatus status, String catalogueVersion, Integer levelS1,
            Integer levelS2, Integer levelS3, Integer levelOverall, Boolean passed) {}

    /** This year in the Buddhist era, in Thailand. */
    public int currentYearBe() {
        return LocalDate.now(clock.withZone(ThaiDates.BANGKOK)).getYear() + 543;
    }

    // --- who may do what

    public boolean mayView(CurrentUser user, UUID unitId) {
        return scopes.mayActOn(user, OrgUnit.serviceUnit(unitId));
    }

    /** The center's head or a caregiver placed at it. */
    public boolean mayEdit(CurrentUser user, UUID unitId) {
        return (user.is(Role.CENTER_HEAD) || user.is(Role.CAREGIVER)) && ownUnit(user, unitId) && mayView(user, unitId);
    }

    /** Only the center's head submits and opens. */
    public boolean maySubmit(CurrentUser user, UUID unitId) {
        return user.is(Role.CENTER_HEAD) && ownUnit(user, unitId) && mayView(user, unitId);
    }

    /** An officer with an area scope over the center, of its agency (or above) or of a coordinating agency. */
    public boolean mayReview(CurrentUser user, UUID unitId) {
        if (!user.is(Role.PROVINCIAL_OFFICER) || !(user.scope().unit() instanceof OrgUnit.Area)) return false;
        if (!mayView(user, unitId)) return false;
        String agency = user.scope().agencyCode();
        if (agency == null) return false;
        if (properties.coordinatingAgencies().contains(agency)) return true;
        return directory.serviceUnit(unitId).map(u -> directory.agencyLineage(u.agencyCode()).contains(agency)).orElse(false);
    }

    // --- reading

    /** The center's assessments, newest year first. */
    public List<YearSummary> years(UUID unitId, CurrentUser user) {
        requireView(user, unitId);
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
        requireView(user, unitId);
        return idOf(unitId, yearBe).map(this::load);
    }

    /** The assessment with this id, after the scope check. */
    public AssessmentSheet sheet(UUID assessmentId, CurrentUser user) {
        requireView(user, unitOf(assessmentId));
        return load(assessmentId);
    }

    /** An evidence file's content, after the scope check. */
    public FileContent evidence(UUID evidenceId, CurrentUser user) {
        var row = jdbc.sql("""
                SELECT a.unit_id, e.sha256, e.content_type, e.file_name FROM assessment_evidence e
                  JOIN center_assessment a ON a.id = e.assessment_id WHERE e.id = ?""")
                .param(evidenceId)
                .query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4)})
                .optional().orElseThrow(() -> new AccessDeniedException("No such evidence"));
        requireView(user, (UUID) row[0]);
        return new FileContent(files.read((String) row[1]), (String) row[2], (String) row[3]);
    }

    // --- the center

    /**
     * Opens the center's assessment of {@code yearBe} against the active catalogue, or returns the
     * one already open. The Standard-3 groups come from the center's profile.
     */
    @Transactional
    public UUID open(UUID unitId, int yearBe, CurrentUser user) {
        if (!maySubmit(user, unitId)) throw new AccessDeniedException("Only the center's head opens its assessment");
        if (yearBe > currentYearBe() || yearBe < currentYearBe() - 1) {
            throw new AssessmentRefused("assessment.error.year", List.of(String.valueOf(yearBe)));
        }
        Optional<UUID> existing = idOf(unitId, yearBe);
        if (existing.isPresent()) return existing.get();
        ServiceUnit unit = directory.serviceUnit(unitId).orElseThrow();
        StandardCatalogue catalogue = catalogues.active();
        String groups = jdbc.sql("SELECT serves_under_three, serves_three_to_six FROM center_profile WHERE unit_id = ?")
                .param(unitId)
                .query((rs, i) -> ageGroupsText(rs.getBoolean(1), rs.getBoolean(2))).optional()
                .orElse(ageGroupsText(false, true));
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO center_assessment (id, unit_id, province_code, district_code, agency_code, year_be,
                  catalogue_version, age_groups, status, opened_by, opened_at)
                VALUES (?,?,?,?,?,?,?,?,'DRAFT',?,?)""")
                .params(id, unitId, unit.provinceCode(), unit.subdistrictCode().substring(0, 4), unit.agencyCode(), yearBe,
                        catalogue.version(), groups, user.username(), now())
                .update();
        event(id, unit.provinceCode(), "OPENED", user, null);
        audit.record("CREATE", "center_assessment", id.toString(), "year " + yearBe + " with " + catalogue.version());
        return id;
    }

    /**
     * Saves the center's ratings, notes and plans as a draft. Only items the center may change now
     * are read from the input (all in a draft, the returned ones after a return); others are ignored.
     * A plan entry that is only partly filled in is not saved, but everything else is: one missing
     * owner must not cost the center the rest of an afternoon's ratings. Submission still needs a
     * complete plan for every item below ดี.
     *
     * @return the items whose plan entry was incomplete and so not saved, in catalogue order
     * @throws AssessmentRefused when the assessment is not with the center
     */
    @Transactional
    public List<String> saveDraft(UUID assessmentId, Map<String, RatingInput> ratings, Map<String, PlanInput> plans,
            CurrentUser user) {
        if (!mayEdit(user, unitOf(assessmentId))) throw new AccessDeniedException("Only the center's staff rate its items");
        AssessmentSheet sheet = load(assessmentId);
        requireWithCenter(sheet);
        List<String> incomplete = new ArrayList<>();
        for (CatalogueItem item : sheet.applicableItems()) {
            String key = item.key();
            if (!sheet.itemEditable(key)) continue;
            RatingInput input = ratings.get(key);
            if (input != null) {
                jdbc.sql("""
                        INSERT INTO assessment_rating (assessment_id, item_key, province_code, indicator_key, standard_no,
                          level, note, updated_by, updated_at)
                        VALUES (:a, :k, :p, :i, :s, :level, :note, :by, :at)
                        ON CONFLICT (assessment_id, item_key) DO UPDATE
                           SET level = :level, note = :note, updated_by = :by, updated_at = :at""")
                        .param("a", assessmentId).param("k", key).param("p", sheet.provinceCode())
                        .param("i", indicatorKey(item)).param("s", standardOf(item))
                        .param("level", input.level() == null ? null : input.level().score())
                        .param("note", blankToNull(input.note())).param("by", user.username()).param("at", now())
                        .update();
            }
            PlanInput plan = plans.get(key);
            if (plan == null) continue;
            if (plan.blank()) {
                jdbc.sql("DELETE FROM improvement_plan WHERE assessment_id = ? AND item_key = ?").params(assessmentId, key).update();
            } else if (plan.action() == null || plan.action().isBlank() || plan.owner() == null || plan.owner().isBlank()
                    || plan.dueOn() == null) {
                incomplete.add(key);
            } else {
                jdbc.sql("""
                        INSERT INTO improvement_plan (assessment_id, item_key, province_code, action, owner, due_on, updated_by, updated_at)
                        VALUES (:a, :k, :p, :action, :owner, :due, :by, :at)
                        ON CONFLICT (assessment_id, item_key) DO UPDATE
                           SET action = :action, owner = :owner, due_on = :due, updated_by = :by, updated_at = :at""")
                        .param("a", assessmentId).param("k", key).param("p", sheet.provinceCode())
                        .param("action", plan.action().strip()).param("owner", plan.owner().strip())
                        .param("due", Date.valueOf(plan.dueOn())).param("by", user.username()).param("at", now())
                        .update();
            }
        }
        audit.record("UPDATE", "center_assessment", assessmentId.toString(),
                incomplete.isEmpty() ? "draft saved" : "draft saved, incomplete plans not saved " + incomplete);
        return incomplete;
    }

    /** Adds an evidence file (a photo loses its EXIF location) to an item the center may change now. */
    @Transactional
    public UUID addEvidence(UUID assessmentId, String itemKey, String fileName, byte[] bytes, CurrentUser user) {
        if (!mayEdit(user, unitOf(assessmentId))) throw new AccessDeniedException("Only the center's staff add evidence");
        AssessmentSheet sheet = load(assessmentId);
        requireWithCenter(sheet);
        if (sheet.applicableItems().stream().noneMatch(i -> i.key().equals(itemKey)) || !sheet.itemEditable(itemKey)) {
            throw new AssessmentRefused("assessment.error.notEditable", List.of(itemKey));
        }
        org.tonkla.platform.FileStore.Stored stored = files.store(fileName, bytes);
        UUID id = UUID.randomUUID();
        String name = fileName == null || fileName.isBlank() ? id.toString() : fileName.replaceAll("[\\\\/\\r\\n\"]", "_");
        jdbc.sql("""
                INSERT INTO assessment_evidence (id, assessment_id, item_key, province_code, sha256, file_name, content_type,
                  size_bytes, uploaded_by, uploaded_at) VALUES (?,?,?,?,?,?,?,?,?,?)""")
                .params(id, assessmentId, itemKey, sheet.provinceCode(), stored.sha256(), name, stored.contentType(),
                        stored.size(), user.username(), now())
                .update();
        audit.record("CREATE", "assessment_evidence", id.toString(), itemKey + " " + stored.sha256());
        return id;
    }

    /**
     * Submits the assessment for review: every applicable item must have a level and every item
     * below ดี a plan entry. The scores of this submission are stored for monitoring.
     *
     * @throws AssessmentRefused {@code assessment.error.unrated} or {@code assessment.error.planMissing}
     *     naming the items
     */
    @Transactional
    public CentreResult submit(UUID assessmentId, CurrentUser user) {
        if (!maySubmit(user, unitOf(assessmentId))) throw new AccessDeniedException("Only the center's head submits");
        AssessmentSheet before = load(assessmentId);
        requireWithCenter(before);
        snapshotComputed(before, user);
        AssessmentSheet sheet = load(assessmentId);
        List<String> unrated = new ArrayList<>();
        List<String> planMissing = new ArrayList<>();
        for (CatalogueItem item : sheet.applicableItems()) {
            // Only what the center can still change is demanded of it: the other items of a returned
            // assessment passed these checks when it was submitted and keep their levels (see load).
            if (!sheet.itemEditable(item.key())) continue;
            ItemLevel level = sheet.effectiveLevel(item.key());
            if (level == null) unrated.add(item.key());
            else if (!level.atLeast(ItemLevel.GOOD) && !sheet.plans().containsKey(item.key())) planMissing.add(item.key());
        }
        if (!unrated.isEmpty()) throw new AssessmentRefused("assessment.error.unrated", unrated);
        if (!planMissing.isEmpty()) throw new AssessmentRefused("assessment.error.planMissing", planMissing);

        CentreResult result = sheet.result();
        jdbc.sql("DELETE FROM assessment_indicator_result WHERE assessment_id = ?").param(assessmentId).update();
        for (StandardResult s : result.standards()) {
            for (IndicatorResult i : s.indicators()) {
                jdbc.sql("""
                        INSERT INTO assessment_indicator_result (assessment_id, indicator_key, province_code, standard_no, level, score, max_score)
                        VALUES (?,?,?,?,?,?,?)""")
                        .params(assessmentId, i.indicator().key(), sheet.provinceCode(), s.standard().number(),
                                i.level() == null ? null : i.level().score(), i.score(), i.maxScore())
                        .update();
            }
        }
        // A resubmission goes back to the officer for the items they returned; accepted items stay accepted.
        jdbc.sql("UPDATE assessment_rating SET review = 'OPEN' WHERE assessment_id = ? AND review = 'RETURNED'")
                .param(assessmentId).update();
        int score = result.standards().stream().mapToInt(StandardResult::score).sum();
        int max = result.standards().stream().mapToInt(StandardResult::maxScore).sum();
        jdbc.sql("""
                UPDATE center_assessment SET status = 'SUBMITTED', submitted_by = :by, submitted_at = :at,
                       level_s1 = :s1, level_s2 = :s2, level_s3 = :s3, level_overall = :overall, passed = :passed,
                       zero_items = :zeros, score = :score, max_score = :max, revision = revision + 1
                 WHERE id = :id""")
                .param("by", user.username()).param("at", now())
                .param("s1", standardLevel(result, 1)).param("s2", standardLevel(result, 2)).param("s3", standardLevel(result, 3))
                .param("overall", result.level() == null ? null : result.level().score()).param("passed", result.passed())
                .param("zeros", result.zeroItems().size()).param("score", score).param("max", max).param("id", assessmentId)
                .update();
        event(assessmentId, sheet.provinceCode(), "SUBMITTED", user, null);
        audit.record("SUBMIT", "center_assessment", assessmentId.toString(), "score " + score + "/" + max);
        return result;
    }

    /**
     * Marks an improvement-plan entry as carried out today. Plans stay open to this after the
     * assessment is accepted: carrying them out is what follows acceptance.
     */
    @Transactional
    public void markPlanDone(UUID assessmentId, String itemKey, CurrentUser user) {
        if (!mayEdit(user, unitOf(assessmentId))) throw new AccessDeniedException("Only the center's staff keep its plans");
        int updated = jdbc.sql("""
                UPDATE improvement_plan SET done_on = ?, updated_by = ?, updated_at = ?
                 WHERE assessment_id = ? AND item_key = ? AND done_on IS NULL""")
                .params(Date.valueOf(LocalDate.now(clock.withZone(ThaiDates.BANGKOK))), user.username(), now(),
                        assessmentId, itemKey)
                .update();
        if (updated == 0) throw new AssessmentRefused("assessment.error.noPlan", List.of(itemKey));
        audit.record("UPDATE", "improvement_plan", assessmentId + " " + itemKey, "done");
    }

    // --- the officer

    /**
     * Records the officer's marks and, with {@link Decision#RETURN} or {@link Decision#ACCEPT}, decides.
     * Returning needs at least one returned item, each with a comment; accepting needs none returned,
     * marks every item accepted and locks the results.
     */
    @Transactional
    public void review(UUID assessmentId, Map<String, ReviewInput> marks, Decision decision, String comment,
            CurrentUser user) {
        if (!mayReview(user, unitOf(assessmentId))) throw new AccessDeniedException("Not this center's reviewing officer");
        AssessmentSheet sheet = load(assessmentId);
        if (sheet.status() != AssessmentStatus.SUBMITTED) {
            throw new AssessmentRefused("assessment.error.notSubmitted", List.of(sheet.status().name()));
        }
        Map<String, ReviewMark> after = new HashMap<>();
        Map<String, String> comments = new HashMap<>();
        for (CatalogueItem item : sheet.applicableItems()) {
            ReviewInput input = marks.get(item.key());
            ItemRating rating = sheet.ratings().get(item.key());
            after.put(item.key(), input != null && input.mark() != null ? input.mark() : sheet.review(item.key()));
            comments.put(item.key(), input != null ? blankToNull(input.comment()) : rating == null ? null : rating.reviewComment());
        }
        List<String> returned = after.entrySet().stream().filter(e -> e.getValue() == ReviewMark.RETURNED)
                .map(Map.Entry::getKey).toList();
        List<String> returnedWithoutComment = sheet.applicableItems().stream().map(CatalogueItem::key)
                .filter(k -> after.get(k) == ReviewMark.RETURNED && comments.get(k) == null).toList();
        if (decision == Decision.RETURN && returned.isEmpty()) throw new AssessmentRefused("assessment.error.nothingReturned");
        if (decision != Decision.ACCEPT && !returnedWithoutComment.isEmpty()) {
            throw new AssessmentRefused("assessment.error.commentMissing", returnedWithoutComment);
        }
        if (decision == Decision.ACCEPT && !returned.isEmpty()) throw new AssessmentRefused("assessment.error.stillReturned", orderOf(sheet, returned));
        for (CatalogueItem item : sheet.applicableItems()) {
            ReviewMark mark = decision == Decision.ACCEPT ? ReviewMark.ACCEPTED : after.get(item.key());
            jdbc.sql("""
                    INSERT INTO assessment_rating (assessment_id, item_key, province_code, indicator_key, standard_no, review,
                      review_comment, updated_by, updated_at)
                    VALUES (:a, :k, :p, :i, :s, :review, :comment, :by, :at)
                    ON CONFLICT (assessment_id, item_key) DO UPDATE SET review = :review, review_comment = :comment""")
                    .param("a", assessmentId).param("k", item.key()).param("p", sheet.provinceCode())
                    .param("i", indicatorKey(item)).param("s", standardOf(item)).param("review", mark.name())
                    .param("comment", comments.get(item.key())).param("by", user.username()).param("at", now())
                    .update();
        }
        if (decision == Decision.SAVE) return;
        String status = decision == Decision.ACCEPT ? "ACCEPTED" : "RETURNED";
        jdbc.sql("UPDATE center_assessment SET status = ?, reviewed_by = ?, reviewed_at = ? WHERE id = ?")
                .params(status, user.username(), now(), assessmentId).update();
        event(assessmentId, sheet.provinceCode(), status, user, blankToNull(comment));
        audit.record(decision.name(), "center_assessment", assessmentId.toString(),
                decision == Decision.RETURN ? "returned items " + orderOf(sheet, returned) : "accepted and locked");
    }

    // --- loading

    /**
     * The center an assessment belongs to, read alone so that who may act on it is checked before
     * anything of it is loaded (loading computes figures from the children's records). An unknown
     * id is refused like one out of scope, so ids reveal nothing.
     */
    private UUID unitOf(UUID assessmentId) {
        return jdbc.sql("SELECT unit_id FROM center_assessment WHERE id = ?").param(assessmentId).query(UUID.class)
                .optional().orElseThrow(() -> new AccessDeniedException("No such assessment"));
    }

    AssessmentSheet load(UUID assessmentId) {
        record Head(UUID unitId, String province, String agency, int year, String version, String groups, String status) {}
        Head head = jdbc.sql("""
                SELECT unit_id, province_code, agency_code, year_be, catalogue_version, age_groups, status
                  FROM center_assessment WHERE id = ?""")
                .param(assessmentId)
                .query((rs, i) -> new Head(rs.getObject("unit_id", UUID.class), rs.getString("province_code"),
                        rs.getString("agency_code"), rs.getInt("year_be"), rs.getString("catalogue_version"),
                        rs.getString("age_groups"), rs.getString("status")))
                .optional().orElseThrow(() -> new AccessDeniedException("No such assessment"));
        StandardCatalogue catalogue = catalogues.version(head.version());
        Set<AgeGroup> groups = parseAgeGroups(head.groups());
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
            case DRAFT -> compute(head.unitId(), head.year(), catalogue, groups, key -> true);
            case RETURNED -> {
                Set<String> returned = new HashSet<>();
                ratings.forEach((key, r) -> {
                    if (r.review() == ReviewMark.RETURNED) returned.add(key);
                });
                Map<String, ComputedItem> mixed = new HashMap<>(stored);
                mixed.keySet().removeAll(returned);
                if (!returned.isEmpty()) {
                    mixed.putAll(compute(head.unitId(), head.year(), catalogue, groups, returned::contains));
                }
                yield mixed;
            }
            default -> stored;
        };

        Map<String, PlanEntry> plans = plans(assessmentId);
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
        List<CycleEvent> history = jdbc.sql("""
                SELECT action, actor, occurred_at, comment FROM assessment_event WHERE assessment_id = ? ORDER BY occurred_at""")
                .param(assessmentId)
                .query((rs, i) -> new CycleEvent(rs.getString("action"), rs.getString("actor"),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getString("comment")))
                .list();

        Map<String, ItemLevel> previous = new HashMap<>();
        Map<String, PlanEntry> previousPlans = new HashMap<>();
        idOf(head.unitId(), head.year() - 1).ifPresent(prevId -> {
            jdbc.sql("""
                    SELECT r.item_key, r.level, r.computed_level FROM assessment_rating r
                      JOIN center_assessment a ON a.id = r.assessment_id
                     WHERE r.assessment_id = ? AND a.status IN ('SUBMITTED', 'ACCEPTED')""")
                    .param(prevId)
                    .query(rs -> {
                        Integer computedLevel = (Integer) rs.getObject("computed_level");
                        Integer level = properties.dspmItemsFromRecords() && computedLevel != null
                                ? computedLevel : (Integer) rs.getObject("level");
                        if (level != null) previous.put(rs.getString("item_key"), ItemLevel.ofScore(level));
                    });
            previousPlans.putAll(plans(prevId));
        });

        AssessmentSheet draft = new AssessmentSheet(assessmentId, head.unitId(), head.province(), head.agency(), head.year(),
                catalogue, groups, status, ratings, computed, plans, evidence, history, null, previous, previousPlans,
                properties.dspmItemsFromRecords());
        Map<String, ItemLevel> effective = new HashMap<>();
        for (CatalogueItem item : draft.applicableItems()) {
            ItemLevel level = draft.effectiveLevel(item.key());
            if (level != null) effective.put(item.key(), level);
        }
        CentreResult result = properties.scoringRule().score(catalogue, effective, groups);
        return new AssessmentSheet(assessmentId, head.unitId(), head.province(), head.agency(), head.year(), catalogue,
                groups, status, ratings, computed, plans, evidence, history, result, previous, previousPlans,
                properties.dspmItemsFromRecords());
    }

    /** The facts Tonkla computes from the center's records for {@code yearBe}, by item key, for the items {@code which}. */
    Map<String, ComputedItem> compute(UUID unitId, int yearBe, StandardCatalogue catalogue, Set<AgeGroup> groups,
            Predicate<String> which) {
        Map<String, ComputedItem> out = new HashMap<>();
        int yearCe = yearBe - 543;
        LocalDate today = LocalDate.now(clock.withZone(ThaiDates.BANGKOK));
        LocalDate asOf = today.getYear() == yearCe ? today : LocalDate.of(yearCe, 12, 31);
        Map<AgeGroup, ComputedItem> dspm = new HashMap<>();
        for (CatalogueItem item : catalogue.items()) {
            if (item.ageGroup() != AgeGroup.ALL && !groups.contains(item.ageGroup())) continue;
            if (!which.test(item.key())) continue;
            if (item.kind() == ItemKind.DSPM_OUTCOME) {
                out.put(item.key(), dspm.computeIfAbsent(item.ageGroup(), g -> {
                    RecordFacts.DspmCounts c = facts.dspm(unitId, yearCe, g);
                    return new ComputedItem(ComputedItem.Kind.DSPM, c.ageAppropriate(), c.screened(), 0, 0);
                }));
            } else if (item.key().equals(properties.ratioItem())) {
                RecordFacts.ChildrenByGroup children = facts.children(unitId, asOf);
                int[] caregivers = facts.caregivers(unitId);
                out.put(item.key(), new ComputedItem(ComputedItem.Kind.RATIO, children.underThree(), caregivers[0],
                        children.threeToSix(), caregivers[1]));
            } else if (item.key().equals(properties.growthItem())) {
                RecordFacts.GrowthCounts g = facts.growth(unitId, yearCe);
                out.put(item.key(), new ComputedItem(ComputedItem.Kind.GROWTH, g.measured(), g.enrolled(), 0, 0));
            }
        }
        return out;
    }

    // The figures a submission was judged on stay with it, even when the records change later. A
    // resubmission takes today's figures only for the items the center worked on again (see load).
    private void snapshotComputed(AssessmentSheet sheet, CurrentUser user) {
        for (CatalogueItem item : sheet.applicableItems()) {
            if (!sheet.itemEditable(item.key())) continue;
            ComputedItem c = sheet.computed().get(item.key());
            ItemLevel level = c == null ? null : c.level();
            jdbc.sql("""
                    INSERT INTO assessment_rating (assessment_id, item_key, province_code, indicator_key, standard_no,
                      computed_level, computed_detail, updated_by, updated_at)
                    VALUES (:a, :k, :p, :i, :s, :level, :detail, :by, :at)
                    ON CONFLICT (assessment_id, item_key) DO UPDATE SET computed_level = :level, computed_detail = :detail""")
                    .param("a", sheet.id()).param("k", item.key()).param("p", sheet.provinceCode())
                    .param("i", indicatorKey(item)).param("s", standardOf(item))
                    .param("level", level == null ? null : level.score()).param("detail", c == null ? null : c.encode())
                    .param("by", user.username()).param("at", now())
                    .update();
        }
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

    private Optional<UUID> idOf(UUID unitId, int yearBe) {
        return jdbc.sql("SELECT id FROM center_assessment WHERE unit_id = ? AND year_be = ?")
                .params(unitId, yearBe).query(UUID.class).optional();
    }

    private void event(UUID assessmentId, String province, String action, CurrentUser user, String comment) {
        jdbc.sql("""
                INSERT INTO assessment_event (id, assessment_id, province_code, action, actor, occurred_at, comment)
                VALUES (?,?,?,?,?,?,?)""")
                .params(UUID.randomUUID(), assessmentId, province, action, user.username(), now(), comment)
                .update();
    }

    private void requireView(CurrentUser user, UUID unitId) {
        scopes.requireActOn(user, OrgUnit.serviceUnit(unitId));
    }

    private static void requireWithCenter(AssessmentSheet sheet) {
        if (sheet.status() != AssessmentStatus.DRAFT && sheet.status() != AssessmentStatus.RETURNED) {
            throw new AssessmentRefused("assessment.error.notWithCenter", List.of(sheet.status().name()));
        }
    }

    private static boolean ownUnit(CurrentUser user, UUID unitId) {
        return user.scope().unit() instanceof OrgUnit.ServiceUnit own && own.id().equals(unitId);
    }

    private static List<String> orderOf(AssessmentSheet sheet, List<String> keys) {
        return sheet.applicableItems().stream().map(CatalogueItem::key).filter(keys::contains).toList();
    }

    private static Integer standardLevel(CentreResult result, int number) {
        return result.standards().stream().filter(s -> s.standard().number() == number).findFirst()
                .map(StandardResult::level).map(ItemLevel::score).orElse(null);
    }

    static String indicatorKey(CatalogueItem item) {
        String code = item.code().substring(0, item.code().lastIndexOf('.'));
        return item.ageGroup() == AgeGroup.ALL ? code : code + " " + item.ageGroup().suffix();
    }

    static int standardOf(CatalogueItem item) {
        return Integer.parseInt(item.code().substring(0, 1));
    }

    static String ageGroupsText(boolean underThree, boolean threeToSix) {
        List<String> g = new ArrayList<>();
        if (underThree) g.add(AgeGroup.UNDER_THREE.name());
        if (threeToSix) g.add(AgeGroup.THREE_TO_SIX.name());
        return String.join(",", g);
    }

    static Set<AgeGroup> parseAgeGroups(String text) {
        Set<AgeGroup> groups = EnumSet.noneOf(AgeGroup.class);
        if (text != null) for (String g : text.split(",")) if (!g.isBlank()) groups.add(AgeGroup.valueOf(g.strip()));
        return groups;
    }

    private Timestamp now() {
        return Timestamp.from(Instant.now(clock));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
