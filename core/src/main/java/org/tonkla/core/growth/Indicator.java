package org.tonkla.core.growth;

/**
 * The anthropometric indicators of the WHO Child Growth Standards (2006, birth to 60 months) and of the WHO
 * Growth Reference (2007, 5 to 19 years).
 *
 * <p>Each indicator knows the column suffix WHO software uses ({@code zlen}, {@code fwei}, {@code zhfa} …),
 * whether its z-score uses the restricted LMS method beyond ±3 SD, and the limits outside which a z-score is
 * flagged as biologically implausible.
 *
 * @see <a href="https://www.who.int/tools/child-growth-standards">WHO Child Growth Standards</a>
 * @see <a href="https://www.who.int/tools/growth-reference-data-for-5to19-years">WHO Growth Reference 2007</a>
 */
public enum Indicator {
  /** Length/height-for-age (2006); plain LMS; flagged when |z| > 6. */
  LENGTH_HEIGHT_FOR_AGE("len", false, -6, 6, false),
  /** Weight-for-age (2006); restricted LMS; flagged when z < −6 or z > 5. */
  WEIGHT_FOR_AGE("wei", true, -6, 5, false),
  /** Weight-for-length (under 731 days) or weight-for-height (2006); restricted LMS; flagged when |z| > 5. */
  WEIGHT_FOR_LENGTH_HEIGHT("wfl", true, -5, 5, false),
  /** BMI-for-age (2006); restricted LMS; flagged when |z| > 5. */
  BMI_FOR_AGE("bmi", true, -5, 5, false),
  /** Head circumference-for-age (2006); plain LMS; flagged when |z| > 5. */
  HEAD_CIRCUMFERENCE_FOR_AGE("hc", false, -5, 5, false),
  /** Mid-upper arm circumference-for-age (2006, from 91 days); restricted LMS; flagged when |z| > 5. */
  ARM_CIRCUMFERENCE_FOR_AGE("ac", true, -5, 5, false),
  /** Triceps skinfold-for-age (2006, from 91 days); restricted LMS; flagged when |z| > 5. */
  TRICEPS_SKINFOLD_FOR_AGE("ts", true, -5, 5, false),
  /** Subscapular skinfold-for-age (2006, from 91 days); restricted LMS; flagged when |z| > 5. */
  SUBSCAPULAR_SKINFOLD_FOR_AGE("ss", true, -5, 5, false),
  /** Height-for-age (2007 reference, 60–228 months); plain LMS; flagged when |z| > 6. */
  HEIGHT_FOR_AGE_2007("hfa", false, -6, 6, true),
  /** Weight-for-age (2007 reference, 60–120 months); restricted LMS; flagged when z < −6 or z > 5. */
  WEIGHT_FOR_AGE_2007("wfa", true, -6, 5, true),
  /** BMI-for-age (2007 reference, 60–228 months); restricted LMS; flagged when |z| > 5. */
  BMI_FOR_AGE_2007("bfa", true, -5, 5, true);

  private final String code;
  private final boolean restricted;
  private final double flagBelow;
  private final double flagAbove;
  private final int flagBelowHundredths;
  private final int flagAboveHundredths;
  private final boolean reference2007;

  Indicator(String code, boolean restricted, double flagBelow, double flagAbove, boolean reference2007) {
    this.code = code;
    this.restricted = restricted;
    this.flagBelow = flagBelow;
    this.flagAbove = flagAbove;
    this.flagBelowHundredths = (int) Math.round(flagBelow * 100);
    this.flagAboveHundredths = (int) Math.round(flagAbove * 100);
    this.reference2007 = reference2007;
  }

  /** The suffix of the indicator's columns in WHO anthro / anthroplus output, e.g. {@code "wei"} in {@code zwei}. */
  public String code() {
    return code;
  }

  /** Whether the z-score beyond ±3 SD is computed with the WHO restricted LMS method. */
  public boolean restricted() {
    return restricted;
  }

  /** Whether the indicator belongs to the WHO Growth Reference 2007 (5–19 years) rather than the 2006 standards. */
  public boolean reference2007() {
    return reference2007;
  }

  /**
   * Whether a z-score, already rounded to two decimals, is biologically implausible for this indicator.
   *
   * <p>NaN (a missing z-score) is never flagged; WHO anthro reports a missing flag for it.
   */
  public boolean implausible(double roundedZ) {
    return roundedZ < flagBelow || roundedZ > flagAbove;
  }

  /**
   * {@link #implausible} for a z-score of {@code k} hundredths: the limits are whole numbers, so {@code k / 100.0
   * < -6} exactly when {@code k < -600}.
   */
  boolean implausibleHundredths(int k) {
    return k < flagBelowHundredths || k > flagAboveHundredths;
  }
}
