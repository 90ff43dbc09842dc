package org.tonkla.recordbook;

import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.List;
import org.tonkla.core.development.DspmDomain;
import org.tonkla.core.development.DspmScreeningAge;

/**
 * Play at home for the child's age, one short activity per DSPM skill area (GM, FM, RL, EL, PS), aimed at
 * the next DSPM screening age. The texts are Tonkla's own (message keys {@code home.<months>.<domain>}),
 * written from the skill areas the manual lists; they are not the manual's training methods.
 */
public final class HomeActivities {

    private HomeActivities() {}

    /** One activity: the skill area and the message key of its text. */
    public record Activity(DspmDomain domain, String messageKey) {
        public String domainKey() {
            return "home.domain." + domain.name();
        }
    }

    /** The screening age the activities aim at: the next one the child has not reached, the last after 60 months. */
    public static DspmScreeningAge aimedAt(LocalDate dateOfBirth, LocalDate today) {
        int months = (int) Period.between(dateOfBirth, today).toTotalMonths();
        return Arrays.stream(DspmScreeningAge.values()).filter(a -> months < a.months()).findFirst()
                .orElse(DspmScreeningAge.M60);
    }

    /** The five activities for a child born on {@code dateOfBirth}, on {@code today}. */
    public static List<Activity> forChild(LocalDate dateOfBirth, LocalDate today) {
        DspmScreeningAge age = aimedAt(dateOfBirth, today);
        return Arrays.stream(DspmDomain.values()).map(d -> new Activity(d, "home." + age.months() + "." + d.name())).toList();
    }
}
