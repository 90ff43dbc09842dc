package org.tonkla.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.tonkla.core.standard.AgeGroup;
import org.tonkla.core.standard.CatalogueItem;
import org.tonkla.core.standard.CentreResult;
import org.tonkla.core.standard.ItemLevel;
import org.tonkla.core.standard.StandardCatalogue;

/**
 * One center's assessment of one year, as its pages show it.
 *
 * @param catalogue the catalogue version the assessment uses (fixed when it was opened)
 * @param ageGroups the Standard-3 groups the center serves (from its profile when it was opened)
 * @param ratings by item key; items not yet touched are absent
 * @param computed what Tonkla computed from the records, by item key: live where the center may
 *     change the item ({@link #itemEditable}), otherwise the snapshot the item was last submitted with
 * @param result the scores of the ratings as they stand, under the configured rule
 * @param previous last year's effective levels by item key, for "the change since last year"
 * @param previousPlans last year's improvement plans by item key
 * @param dspmFromRecords whether figures from the records may replace ratings at all (each figure
 *     says whether it does: {@link ComputedItem#counts()})
 * @param revision the assessment's revision when it was read: pages send it back with a change, so a
 *     change made on a sheet someone else has changed since is refused ({@link AssessmentCycle})
 */
public record AssessmentSheet(UUID id, UUID unitId, String provinceCode, String agencyCode, int yearBe,
        StandardCatalogue catalogue, Set<AgeGroup> ageGroups, AssessmentStatus status, Map<String, ItemRating> ratings,
        Map<String, ComputedItem> computed, Map<String, PlanEntry> plans, Map<String, List<EvidenceFile>> evidence,
        List<CycleEvent> history, CentreResult result, Map<String, ItemLevel> previous,
        Map<String, PlanEntry> previousPlans, boolean dspmFromRecords, int revision) {

    /** The center's rating of an item and the officer's review of it. */
    public record ItemRating(String itemKey, ItemLevel level, String note, ReviewMark review, String reviewComment) {}

    /** What will be done about an item below ดี, by whom, by when. */
    public record PlanEntry(String itemKey, String action, String owner, LocalDate dueOn, LocalDate doneOn) {}

    /** An uploaded evidence file. */
    public record EvidenceFile(UUID id, String itemKey, String fileName, String contentType, long sizeBytes) {}

    /** One step of the cycle. */
    public record CycleEvent(String action, String actor, Instant at, String comment) {}

    /** The officer's mark on one item. */
    public enum ReviewMark { OPEN, ACCEPTED, RETURNED }

    /** The items this center is assessed on: Standards 1–2 and the Standard-3 groups it serves, in catalogue order. */
    public List<CatalogueItem> applicableItems() {
        return catalogue.items().stream()
                .filter(i -> i.ageGroup() == AgeGroup.ALL || ageGroups.contains(i.ageGroup()))
                .toList();
    }

    /**
     * The level that counts for an item: the records' where their figure replaces the rating
     * ({@link ComputedItem#replacesRating()}), else the center's.
     */
    public ItemLevel effectiveLevel(String itemKey) {
        ComputedItem c = computed.get(itemKey);
        if (c != null && c.replacesRating()) return c.level();
        ItemRating r = ratings.get(itemKey);
        return r == null ? null : r.level();
    }

    /** How many applicable items have a level that counts (rated, or set by the records): the head's "x of N rated". */
    public int ratedCount() {
        return (int) applicableItems().stream().filter(i -> effectiveLevel(i.key()) != null).count();
    }

    /** The keys of applicable items at ต้องปรับปรุง (0) as they count, in catalogue order (REP004's list). */
    public List<String> itemsNeedingImprovement() {
        return applicableItems().stream().map(CatalogueItem::key)
                .filter(k -> effectiveLevel(k) == ItemLevel.NEEDS_IMPROVEMENT).toList();
    }

    /** Whether the center may change this item now (draft: all; returned: the returned items). */
    public boolean itemEditable(String itemKey) {
        if (status == AssessmentStatus.DRAFT) return true;
        if (status != AssessmentStatus.RETURNED) return false;
        ItemRating r = ratings.get(itemKey);
        return r != null && r.review() == ReviewMark.RETURNED;
    }

    /** The officer's mark on an item, {@link ReviewMark#OPEN} when none. */
    public ReviewMark review(String itemKey) {
        ItemRating r = ratings.get(itemKey);
        return r == null ? ReviewMark.OPEN : r.review();
    }

    /**
     * While the sheet is back with the center: the officer's return (who, when, the reason given), for the
     * notice on the sheet and the head's home page (issue 10 §6); null otherwise.
     */
    public CycleEvent lastReturn() {
        if (status != AssessmentStatus.RETURNED) return null;
        CycleEvent last = null;
        for (CycleEvent e : history) if ("RETURNED".equals(e.action())) last = e;
        return last;
    }

    /** The items the officer returned, in catalogue order. */
    public List<CatalogueItem> returnedItems() {
        return applicableItems().stream().filter(i -> review(i.key()) == ReviewMark.RETURNED).toList();
    }
}
