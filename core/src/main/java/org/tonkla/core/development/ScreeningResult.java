package org.tonkla.core.development;

/**
 * The outcome of a DSPM screening, overall or for one domain.
 *
 * <p>Ordered from best to worst, so the overall result of a screening is the worst of its domains.
 *
 * @see <a href="http://mhc06.org/web/counsel/counseltest.html">Mental Health Centre 6: the DSPM workflow</a>
 *     (THAI-RULES §2 workflow, §2.1 codes 1B260–1B262 and 1B2d0–1B2d2)
 */
public enum ScreeningResult {
    /** Passed (ผ่าน / ปกติ). Overall code 1B260. */
    NORMAL,
    /** Suspected delay: stimulate at home with the DSPM methods for one month, then re-check. 1B261. */
    SUSPECTED_DELAY,
    /** Suspected delay needing immediate referral. 1B262. */
    REFER_NOW;

    /** Whether this is a suspected delay of either kind. */
    public boolean isSuspectedDelay() {
        return this != NORMAL;
    }
}
