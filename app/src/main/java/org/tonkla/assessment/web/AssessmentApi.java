package org.tonkla.assessment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tonkla.assessment.AssessmentSheet;
import org.tonkla.assessment.CenterAssessments;
import org.tonkla.assessment.ComputedItem;
import org.tonkla.assessment.Monitoring;
import org.tonkla.core.standard.CatalogueItem;
import org.tonkla.core.standard.ItemLevel;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.Users;
import org.tonkla.platform.AuditTrail;
import org.tonkla.platform.InvalidInput;
import org.tonkla.platform.NotFound;

/**
 * The national ECD-center standard over JSON, for affiliated agencies' systems: centers' assessments
 * by area, affiliation and year (the monitoring scope: officers, committee members, analysts,
 * administrators of the area; agency-bound roles see their agency's centers), and one center's
 * assessment with its items, computed figures and review history (whoever may view the center's
 * assessment). Each read names its purpose, from a fixed list, and is written to the audit trail.
 */
@RestController
@RequestMapping("/api/v1/assessments")
@Tag(name = "ECD-center standard", description = "Centers' self-assessments against the national standard")
class AssessmentApi {

    /** The purposes a client may declare for these reads. */
    static final Set<String> PURPOSES = new TreeSet<>(Set.of("api", "monitoring", "review", "planning", "reporting"));

    private final CenterAssessments assessments;
    private final Monitoring monitoring;
    private final Users users;
    private final AuditTrail audit;

    AssessmentApi(CenterAssessments assessments, Monitoring monitoring, Users users, AuditTrail audit) {
        this.assessments = assessments;
        this.monitoring = monitoring;
        this.users = users;
        this.audit = audit;
    }

    @Schema(description = "A center and its assessment of the year; levels 0–3 (0 ต้องปรับปรุง … 3 ดีมาก), null while not handed in")
    record CenterJson(UUID unitId, String nameTh, String subdistrictCode, String agencyCode,
            @Schema(allowableValues = {"NOT_STARTED", "DRAFT", "SUBMITTED", "RETURNED", "ACCEPTED"}) String status,
            @Schema(nullable = true) Integer levelStandard1, @Schema(nullable = true) Integer levelStandard2,
            @Schema(nullable = true) Integer levelStandard3, @Schema(nullable = true) Integer levelOverall,
            @Schema(nullable = true, description = "under the configured rule; the standard's own rule is unverified") Boolean passed,
            @Schema(description = "items at ต้องปรับปรุง (0) as submitted") int itemsNeedingImprovement) {}

    @Schema(description = "Centers' assessments of one year")
    record CentersJson(int yearBe, @Schema(nullable = true) String area, @Schema(nullable = true) String agency,
            String overallRule, boolean overallRuleVerified, List<CenterJson> centers) {}

    @GetMapping
    @Operation(summary = "Centers' assessments by area, affiliation and year",
            description = "Every center of the area (province or district DOPA code; default the caller's own) and affiliation "
                    + "the caller may monitor, with its status, levels and the number of items needing improvement. "
                    + "403 outside the caller's scope.")
    CentersJson centers(@RequestParam(required = false) String area, @RequestParam(required = false) String agency,
            @RequestParam(required = false) @Parameter(description = "Buddhist-era year, default this year") Integer year,
            @RequestParam(defaultValue = "api") @Parameter(description = "why the caller reads: api, monitoring, review, planning, reporting") String purpose) {
        CurrentUser user = users.require();
        requirePurpose(purpose);
        String chosen = area == null || area.isBlank() ? monitoring.homeArea(user) : area.strip();
        var query = new Monitoring.Query(year == null ? assessments.currentYearBe() : year, chosen,
                agency == null || agency.isBlank() ? null : agency.strip(), Monitoring.ListFilter.ALL);
        List<CenterJson> rows = monitoring.centers(query, user).stream()
                .map(c -> new CenterJson(c.unitId(), c.nameTh(), c.subdistrictCode(), c.agencyCode(), c.status().name(),
                        c.levelS1(), c.levelS2(), c.levelS3(), c.levelOverall(), c.passed(),
                        c.status().handedIn() ? c.zeroItems() : 0))
                .toList();
        audit.record("READ", "center_assessment", "area " + (chosen == null ? "TH" : chosen) + " year " + query.yearBe(),
                "API, purpose " + purpose + ", " + rows.size() + " centers");
        return new CentersJson(query.yearBe(), chosen, query.agencyCode(), RULE, false, rows);
    }

    static final String RULE = "passes when no applicable item is at ต้องปรับปรุง (0) (tonkla.assessment.scoring.*)";

    @Schema(description = "What Tonkla computed from the center's records for an item")
    record FigureJson(@Schema(allowableValues = {"DSPM", "DSPM_DOMAIN", "HEALTHY_GROWTH", "RATIO", "GROWTH"}) String kind,
            @Schema(description = "DSPM domain (GM, FM, RL, EL, PS) of a DSPM_DOMAIN figure", nullable = true) String domain,
            int numerator, int denominator, @Schema(nullable = true, description = "whole percent, rounded down") Integer percent,
            @Schema(nullable = true) Integer level,
            @Schema(description = "the item's link to this figure is inferred, not stated by the standard") boolean inferred,
            @Schema(description = "the level replaces the center's rating; otherwise it is advice") boolean counts) {}

    @Schema(description = "One item of the assessment")
    record ItemJson(String key, String text, @Schema(allowableValues = {"RATED", "DSPM_OUTCOME"}) String kind,
            @Schema(nullable = true) Integer centerLevel, @Schema(nullable = true) Integer level,
            @Schema(nullable = true) FigureJson computed,
            @Schema(allowableValues = {"OPEN", "ACCEPTED", "RETURNED"}) String review,
            @Schema(nullable = true) String reviewComment, @Schema(nullable = true) String improvementPlan) {}

    @Schema(description = "A step of the assessment's history")
    record EventJson(String action, String actor, Instant at, @Schema(nullable = true) String comment) {}

    @Schema(description = "One center's assessment of one year")
    record AssessmentJson(UUID id, UUID unitId, int yearBe, String catalogueVersion, List<String> ageGroups,
            @Schema(allowableValues = {"DRAFT", "SUBMITTED", "RETURNED", "ACCEPTED"}) String status,
            @Schema(nullable = true) Integer levelOverall, boolean complete, boolean passed, String overallRule,
            boolean overallRuleVerified, List<String> itemsNeedingImprovement, List<ItemJson> items, List<EventJson> history) {}

    @GetMapping("/{unitId}/{year}")
    @Operation(summary = "One center's assessment with its items, computed figures and review history",
            description = "Items of Standards 1–2 and of the Standard-3 groups the center is assessed on; for each the center's "
                    + "rating, the level that counts, what was computed from the records and the officer's review. "
                    + "403 outside the caller's scope, 404 when the center has not opened that year.")
    AssessmentJson one(@PathVariable UUID unitId, @PathVariable int year,
            @RequestParam(defaultValue = "api") @Parameter(description = "why the caller reads: api, monitoring, review, planning, reporting") String purpose) {
        CurrentUser user = users.require();
        requirePurpose(purpose);
        AssessmentSheet sheet = assessments.sheet(unitId, year, user)
                .orElseThrow(() -> new NotFound("assessment of " + year));
        audit.record("READ", "center_assessment", sheet.id().toString(), "API, purpose " + purpose);
        List<ItemJson> items = sheet.applicableItems().stream().map(item -> item(sheet, item)).toList();
        return new AssessmentJson(sheet.id(), unitId, sheet.yearBe(), sheet.catalogue().version(),
                sheet.ageGroups().stream().map(g -> g.suffix()).sorted().toList(), sheet.status().name(),
                sheet.result().level() == null ? null : sheet.result().level().score(), sheet.result().complete(),
                sheet.result().passed(), RULE, false, sheet.itemsNeedingImprovement(), items,
                sheet.history().stream().map(e -> new EventJson(e.action(), e.actor(), e.at(), e.comment())).toList());
    }

    private static ItemJson item(AssessmentSheet sheet, CatalogueItem item) {
        var rating = sheet.ratings().get(item.key());
        ComputedItem c = sheet.computed().get(item.key());
        ItemLevel effective = sheet.effectiveLevel(item.key());
        var plan = sheet.plans().get(item.key());
        FigureJson figure = c == null ? null : new FigureJson(c.kind().name(), c.domain().isEmpty() ? null : c.domain(),
                c.a(), c.b(), c.percent() < 0 ? null : c.percent(), c.level() == null ? null : c.level().score(),
                c.inferred(), c.replacesRating());
        return new ItemJson(item.key(), item.text(), item.kind().name(),
                rating == null || rating.level() == null ? null : rating.level().score(),
                effective == null ? null : effective.score(), figure, sheet.review(item.key()).name(),
                rating == null ? null : rating.reviewComment(),
                plan == null ? null : plan.action() + " · " + plan.owner() + " · " + plan.dueOn());
    }

    private static void requirePurpose(String purpose) {
        if (!PURPOSES.contains(purpose)) throw new InvalidInput("purpose", "one of " + PURPOSES);
    }
}
