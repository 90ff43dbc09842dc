package org.tonkla.assessment;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.core.standard.CatalogueItem;
import org.tonkla.core.standard.ItemLevel;
import org.tonkla.core.standard.StandardCatalogue;
import org.tonkla.directory.Directory;
import org.tonkla.directory.ServiceUnit;
import org.tonkla.identity.CurrentUser;
import org.tonkla.platform.AuditTrail;
import org.tonkla.platform.NotFound;
import org.tonkla.platform.ThaiDates;
import org.tonkla.platform.Validation;

/**
 * The center's side of the cycle before submission: opening the year's assessment, saving ratings,
 * notes and improvement plans as a draft, and marking plans carried out.
 */
@Component
public class Drafts {

    /** What the center enters for one item. */
    public record RatingInput(ItemLevel level, String note) {}

    /** An improvement-plan entry as entered; all blank means none. */
    public record PlanInput(String action, String owner, LocalDate dueOn) {
        boolean blank() {
            return (action == null || action.isBlank()) && (owner == null || owner.isBlank()) && dueOn == null;
        }

        boolean complete() {
            return action != null && !action.isBlank() && owner != null && !owner.isBlank() && dueOn != null;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Catalogues catalogues;
    private final Directory directory;
    private final AuditTrail audit;
    private final AssessmentAccess access;
    private final AssessmentSheets sheets;
    private final AssessmentCycle cycle;
    private final org.tonkla.assessment.internal.RecordFacts facts;

    Drafts(JdbcClient jdbc, Clock clock, Catalogues catalogues, Directory directory, AuditTrail audit,
            AssessmentAccess access, AssessmentSheets sheets, AssessmentCycle cycle,
            org.tonkla.assessment.internal.RecordFacts facts) {
        this.facts = facts;
        this.jdbc = jdbc;
        this.clock = clock;
        this.catalogues = catalogues;
        this.directory = directory;
        this.audit = audit;
        this.access = access;
        this.sheets = sheets;
        this.cycle = cycle;
    }

    /**
     * Opens the center's assessment of {@code yearBe} against the active catalogue, or returns the
     * one already open. The Standard-3 groups come from the center's profile.
     *
     * @throws AssessmentRefused {@code assessment.error.year} for a year other than this one or the last
     */
    @Transactional
    public UUID open(UUID unitId, int yearBe, CurrentUser user) {
        access.requireSubmit(user, unitId);
        int current = sheets.currentYearBe();
        if (yearBe > current || yearBe < current - 1) {
            throw new AssessmentRefused("assessment.error.year", List.of(String.valueOf(yearBe)));
        }
        Optional<UUID> existing = sheets.idOf(unitId, yearBe);
        if (existing.isPresent()) return existing.get();
        ServiceUnit unit = directory.serviceUnit(unitId).orElseThrow(() -> new NotFound("service unit"));
        StandardCatalogue catalogue = catalogues.active();
        String groups = ageGroups(unitId);
        UUID id = UUID.randomUUID();
        // Two clicks on "open" at once: the unique (unit, year) keeps one row, and both get its id.
        int inserted = jdbc.sql("""
                INSERT INTO center_assessment (id, unit_id, province_code, district_code, agency_code, year_be,
                  catalogue_version, age_groups, status, opened_by, opened_at)
                VALUES (?,?,?,?,?,?,?,?,'DRAFT',?,?) ON CONFLICT (unit_id, year_be) DO NOTHING""")
                .params(id, unitId, unit.provinceCode(), unit.subdistrictCode().substring(0, 4), unit.agencyCode(), yearBe,
                        catalogue.version(), groups, user.username(), now())
                .update();
        if (inserted == 0) return sheets.idOf(unitId, yearBe).orElseThrow();
        cycle.record(id, unit.provinceCode(), "OPENED", user.username(), null);
        audit.record("CREATE", "center_assessment", id.toString(), "year " + yearBe + " with " + catalogue.version());
        return id;
    }

    /**
     * The Standard-3 groups a center is assessed on: those of the children it enrols today (from the
     * registry's published view; THAI-RULES §1.2 [I]). A center with no child in the registry yet is
     * assessed on the groups its profile says it serves, and on group ข when the profile says none.
     */
    private String ageGroups(UUID unitId) {
        var enrolled = facts.children(unitId, LocalDate.now(clock.withZone(ThaiDates.BANGKOK)));
        if (enrolled.underThree() + enrolled.threeToSix() > 0) {
            return AssessmentRows.ageGroupsText(enrolled.underThree() > 0, enrolled.threeToSix() > 0);
        }
        boolean[] profile = jdbc.sql("SELECT serves_under_three, serves_three_to_six FROM center_profile WHERE unit_id = ?")
                .param(unitId).query((rs, i) -> new boolean[] {rs.getBoolean(1), rs.getBoolean(2)}).optional()
                .orElse(new boolean[] {false, true});
        return AssessmentRows.ageGroupsText(profile[0], profile[1] || !profile[0]);
    }

    /**
     * Saves the center's ratings, notes and plans as a draft. Only items the center may change now
     * are read from the input (all in a draft, the returned ones after a return); others are ignored.
     * A plan entry that is only partly filled in is not saved, but everything else is: one missing
     * owner must not cost the center the rest of an afternoon's ratings. Submission still needs a
     * complete plan for every item below ดี. The assessment row is locked while saving, so a draft
     * never lands in an assessment submitted meanwhile. Saving a draft does not change the revision:
     * the center's staff may save drafts side by side; only the cycle's steps move it.
     *
     * @param seenRevision the revision of the sheet the form was filled in on; {@code null} not to check
     * @throws org.tonkla.platform.Conflict when the assessment's status changed since {@code seenRevision}
     * @return the items whose plan entry was incomplete and so not saved, in catalogue order
     * @throws AssessmentRefused when the assessment is not with the center
     * @throws org.tonkla.platform.InvalidInput naming {@code note|KEY}, {@code plan.action|KEY}… when too long
     */
    @Transactional
    public List<String> saveDraft(UUID assessmentId, Integer seenRevision, Map<String, RatingInput> ratings,
            Map<String, PlanInput> plans, CurrentUser user) {
        access.requireEdit(user, assessmentId, "rate its items");
        AssessmentCycle.Current current = cycle.lock(assessmentId, seenRevision);
        AssessmentCycle.require(AssessmentCycle.Step.SUBMIT, current.status(), "assessment.error.notWithCenter");
        validate(ratings, plans);
        AssessmentSheet sheet = sheets.load(assessmentId);
        refusePastDueDates(sheet, plans);
        List<String> incomplete = new ArrayList<>();
        for (CatalogueItem item : sheet.applicableItems()) {
            String key = item.key();
            if (!sheet.itemEditable(key)) continue;
            RatingInput input = ratings.get(key);
            if (input != null) rate(sheet, item, input, user);
            PlanInput plan = plans.get(key);
            if (plan == null) continue;
            if (plan.blank()) {
                jdbc.sql("DELETE FROM improvement_plan WHERE assessment_id = ? AND item_key = ?").params(assessmentId, key).update();
            } else if (!plan.complete()) {
                incomplete.add(key);
            } else {
                plan(sheet, key, plan, user);
            }
        }
        audit.record("UPDATE", "center_assessment", assessmentId.toString(),
                incomplete.isEmpty() ? "draft saved" : "draft saved, incomplete plans not saved " + incomplete);
        return incomplete;
    }

    /**
     * Marks an improvement-plan entry as carried out today. Plans stay open to this after the
     * assessment is accepted: carrying them out is what follows acceptance.
     *
     * @throws AssessmentRefused {@code assessment.error.noPlan} when the item has no open plan
     */
    @Transactional
    public void markPlanDone(UUID assessmentId, String itemKey, CurrentUser user) {
        access.requireEdit(user, assessmentId, "keep its plans");
        int updated = jdbc.sql("""
                UPDATE improvement_plan SET done_on = ?, updated_by = ?, updated_at = ?
                 WHERE assessment_id = ? AND item_key = ? AND done_on IS NULL""")
                .params(Date.valueOf(LocalDate.now(clock.withZone(ThaiDates.BANGKOK))), user.username(), now(),
                        assessmentId, itemKey)
                .update();
        if (updated == 0) throw new AssessmentRefused("assessment.error.noPlan", List.of(itemKey));
        audit.record("UPDATE", "improvement_plan", assessmentId + " " + itemKey, "done");
    }

    /**
     * A plan due before today is no plan (issue 10 §7): a new or changed due date must be today or later.
     * A date already stored may have passed since; re-saving the draft unchanged keeps it.
     */
    private void refusePastDueDates(AssessmentSheet sheet, Map<String, PlanInput> plans) {
        LocalDate today = LocalDate.now(clock.withZone(ThaiDates.BANGKOK));
        List<String> past = plans.entrySet().stream()
                .filter(e -> e.getValue().dueOn() != null && e.getValue().dueOn().isBefore(today) && sheet.itemEditable(e.getKey()))
                .filter(e -> {
                    var stored = sheet.plans().get(e.getKey());
                    return stored == null || !stored.dueOn().equals(e.getValue().dueOn());
                })
                .map(Map.Entry::getKey).toList();
        if (!past.isEmpty()) throw new AssessmentRefused("assessment.error.planPast", AssessmentRows.inCatalogueOrder(sheet, past));
    }

    // Form fields are named as the page names them (note|KEY…), so the page can say which item.
    private static void validate(Map<String, RatingInput> ratings, Map<String, PlanInput> plans) {
        Validation v = new Validation();
        ratings.forEach((key, r) -> v.optionalText("note|" + key, r.note(), Validation.MAX_NOTE));
        plans.forEach((key, p) -> {
            v.optionalText("plan.action|" + key, p.action(), Validation.MAX_NOTE);
            v.optionalText("plan.owner|" + key, p.owner(), Validation.MAX_TEXT);
            if (p.dueOn() != null) v.date("plan.due|" + key, p.dueOn(), null, LocalDate.of(2200, 12, 31));
        });
        v.throwIfInvalid();
    }

    private void rate(AssessmentSheet sheet, CatalogueItem item, RatingInput input, CurrentUser user) {
        jdbc.sql("""
                INSERT INTO assessment_rating (assessment_id, item_key, province_code, indicator_key, standard_no,
                  level, note, updated_by, updated_at)
                VALUES (:a, :k, :p, :i, :s, :level, :note, :by, :at)
                ON CONFLICT (assessment_id, item_key) DO UPDATE
                   SET level = :level, note = :note, updated_by = :by, updated_at = :at""")
                .param("a", sheet.id()).param("k", item.key()).param("p", sheet.provinceCode())
                .param("i", AssessmentRows.indicatorKey(item)).param("s", AssessmentRows.standardOf(item))
                .param("level", input.level() == null ? null : input.level().score())
                .param("note", AssessmentRows.blankToNull(input.note())).param("by", user.username()).param("at", now())
                .update();
    }

    private void plan(AssessmentSheet sheet, String key, PlanInput plan, CurrentUser user) {
        jdbc.sql("""
                INSERT INTO improvement_plan (assessment_id, item_key, province_code, action, owner, due_on, updated_by, updated_at)
                VALUES (:a, :k, :p, :action, :owner, :due, :by, :at)
                ON CONFLICT (assessment_id, item_key) DO UPDATE
                   SET action = :action, owner = :owner, due_on = :due, updated_by = :by, updated_at = :at""")
                .param("a", sheet.id()).param("k", key).param("p", sheet.provinceCode())
                .param("action", plan.action().strip()).param("owner", plan.owner().strip())
                .param("due", Date.valueOf(plan.dueOn())).param("by", user.username()).param("at", now())
                .update();
    }

    private Timestamp now() {
        return Timestamp.from(Instant.now(clock));
    }
}
