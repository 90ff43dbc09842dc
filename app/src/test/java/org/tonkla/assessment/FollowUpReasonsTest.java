package org.tonkla.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 10: the officer's follow-up list gives each center's reasons, one per cause, in the order of gravity. */
class FollowUpReasonsTest {

    private static Monitoring.CenterRow row(AssessmentStatus status, Integer s1, Integer s2, Integer s3, int zeroItems,
            boolean overduePlan) {
        return new Monitoring.CenterRow(UUID.randomUUID(), "ศูนย์", null, "340101", "DLA", status, s1, s2, s3, null,
                null, zeroItems, Instant.EPOCH, true, overduePlan);
    }

    @Test
    void aSubmittedSheetWithAStandardAtLevelZeroNamesTheStandardAndCountsTheItems() {
        var row = row(AssessmentStatus.SUBMITTED, 2, 0, 1, 3, false);
        assertThat(row.followUp()).isTrue();
        assertThat(row.followUpReasons()).containsExactly(
                new Monitoring.CenterRow.Reason("assessment.followUp.standardZero", 2),
                new Monitoring.CenterRow.Reason("assessment.followUp.zeroItems", 3));
    }

    @Test
    void aReturnedSheetAndAnOverduePlanAreReasonsOfTheirOwn() {
        assertThat(row(AssessmentStatus.RETURNED, null, null, null, 0, true).followUpReasons()).containsExactly(
                new Monitoring.CenterRow.Reason("assessment.followUp.returned", 0),
                new Monitoring.CenterRow.Reason("assessment.followUp.overduePlan", 0));
        // A good sheet gives none, as it is not on the list.
        var good = row(AssessmentStatus.ACCEPTED, 2, 3, 2, 0, false);
        assertThat(good.followUp()).isFalse();
        assertThat(good.followUpReasons()).isEmpty();
    }
}
