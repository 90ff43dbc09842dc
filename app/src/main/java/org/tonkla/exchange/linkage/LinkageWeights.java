package org.tonkla.exchange.linkage;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Fellegi–Sunter match weights (Fellegi &amp; Sunter 1969, "A theory for record linkage", JASA 64:1183) for two
 * records of young children. Each compared field adds log2(m/u) when it agrees and log2((1−m)/(1−u)) when it
 * disagrees, where m is the chance it agrees for the same child (recording errors aside) and u the chance it
 * agrees for two different children; a field missing on either side adds nothing. The sum decides: at or above
 * {@link #LINK} the records are merged without review, between {@link #REVIEW} and it a person decides, below it
 * nothing happens. With these weights: the same name, birth date and sex (23) or a name that sounds alike with
 * them (18.8) merge; a name alike with a birth date a few days off (13), or one Thai key shared with the same birth
 * date and sex (12.2), go to review; a different name born the same day (7.2) does nothing.
 *
 * <p>m and u here are stated assumptions for children 0–6 in one province, not estimated from Tonkla's data
 * (no labelled pairs exist yet); they are kept in one place so an EM estimate can replace them. Names are
 * compared by the Thai sound keys (THAI-RULES §8): an exact spelling is strong evidence, a shared key weaker.
 * Two records that both hold a valid national ID are never the same child here (the registry keeps one record
 * per ID), so that comparison ends in {@link Double#NEGATIVE_INFINITY}.
 */
public final class LinkageWeights {

    private LinkageWeights() {}

    /** At or above: merge without review. */
    public static final double LINK = 14.0;
    /** At or above (and below {@link #LINK}): a person reviews the pair. */
    public static final double REVIEW = 8.0;

    /** One side of a comparison: the facts linkage uses, none of them shown. */
    public record Facts(String nameTh, char sex, LocalDate dateOfBirth, String motherNationalId, boolean hasNationalId) {}

    /** The comparison of a pair: total weight and, per field, its contribution (for the reviewer, without values). */
    public record Score(double total, List<String> evidence) {
        public String describe() {
            return String.join("; ", evidence);
        }
    }

    // m, u per field (assumed; see the class comment)
    static final double NAME_EXACT_M = 0.85, NAME_EXACT_U = 0.0005;
    static final double NAME_KEY_M = 0.97, NAME_KEY_U = 0.01;
    static final double DOB_M = 0.95, DOB_U = 1.0 / (365 * 7);
    static final double DOB_NEAR_M = 0.03, DOB_NEAR_U = 31.0 / (365 * 7); // within a month: a typing slip
    static final double SEX_M = 0.99, SEX_U = 0.5;
    static final double MOTHER_M = 0.97, MOTHER_U = 0.0002;

    /**
     * @param keysAgreeing how many of the three Thai name keys (LK82, Udom83, MetaSound) the two full names share
     * @param sameSpelling whether the Thai names are spelled exactly alike
     */
    public static Score compare(Facts a, Facts b, int keysAgreeing, boolean sameSpelling) {
        List<String> evidence = new ArrayList<>();
        if (a.hasNationalId() && b.hasNationalId()) {
            evidence.add("two different national IDs: never the same child");
            return new Score(Double.NEGATIVE_INFINITY, evidence);
        }
        double total = 0;
        if (sameSpelling) {
            total += add(evidence, "name spelled alike", agree(NAME_EXACT_M, NAME_EXACT_U));
        } else if (keysAgreeing >= 2) {
            total += add(evidence, "name sounds alike (" + keysAgreeing + " of 3 Thai keys)", agree(NAME_KEY_M, NAME_KEY_U));
        } else if (keysAgreeing == 1) {
            total += add(evidence, "name shares 1 of 3 Thai keys", 0); // too weak either way: neutral
        } else {
            total += add(evidence, "name differs", disagree(NAME_KEY_M, NAME_KEY_U));
        }
        long days = Math.abs(ChronoUnit.DAYS.between(a.dateOfBirth(), b.dateOfBirth()));
        if (days == 0) {
            total += add(evidence, "date of birth equal", agree(DOB_M, DOB_U));
        } else if (days <= 31 || sameDayAndMonthSwapped(a.dateOfBirth(), b.dateOfBirth())) {
            total += add(evidence, "date of birth within a month or day and month swapped", agree(DOB_NEAR_M, DOB_NEAR_U));
        } else {
            total += add(evidence, "date of birth differs", disagree(DOB_M, DOB_U));
        }
        total += a.sex() == b.sex() ? add(evidence, "sex equal", agree(SEX_M, SEX_U))
                : add(evidence, "sex differs", disagree(SEX_M, SEX_U));
        if (present(a.motherNationalId()) && present(b.motherNationalId())) {
            total += a.motherNationalId().equals(b.motherNationalId())
                    ? add(evidence, "mother's national ID equal", agree(MOTHER_M, MOTHER_U))
                    : add(evidence, "mother's national ID differs", disagree(MOTHER_M, MOTHER_U));
        }
        return new Score(Math.round(total * 100) / 100.0, evidence);
    }

    private static boolean sameDayAndMonthSwapped(LocalDate a, LocalDate b) {
        return a.getYear() == b.getYear() && a.getDayOfMonth() == b.getMonthValue() && a.getMonthValue() == b.getDayOfMonth();
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    static double agree(double m, double u) {
        return Math.log(m / u) / Math.log(2);
    }

    static double disagree(double m, double u) {
        return Math.log((1 - m) / (1 - u)) / Math.log(2);
    }

    private static double add(List<String> evidence, String what, double weight) {
        evidence.add(what + " " + (weight >= 0 ? "+" : "") + String.format(java.util.Locale.ROOT, "%.1f", weight));
        return weight;
    }
}
