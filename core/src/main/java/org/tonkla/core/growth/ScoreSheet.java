package org.tonkla.core.growth;

import java.util.Arrays;

/**
 * A reusable, mutable sheet that {@link GrowthStandards#score} fills for one child: the cleaned inputs and every
 * z-score, as WHO anthro and anthroplus report them.
 *
 * <p>This is the allocation-free path for bulk scoring (the {@code zscore} command scores millions of rows with
 * one sheet per thread). Application code should prefer {@link GrowthStandards#assess}, which returns an
 * immutable {@link GrowthAssessment}. A sheet is not thread-safe.
 *
 * <p>z-scores are kept as whole hundredths ({@link #hundredths}), which is what WHO software rounds them to;
 * {@link #z} gives the same value as a double.
 */
public final class ScoreSheet {

  /** {@link #hundredths} when WHO software gives no z-score for the indicator. */
  public static final int MISSING = Integer.MIN_VALUE;

  /**
   * {@link #hundredths} when the z-score is not a number of hundredths that fits an {@code int} (infinite, or
   * beyond ±2×10^7 for absurd inputs); {@link #z} has it.
   */
  public static final int NOT_HUNDREDTHS = Integer.MIN_VALUE + 1;

  private static final Indicator[] INDICATORS = Indicator.values();

  final int[] h = new int[INDICATORS.length];
  private final double[] unrounded = new double[INDICATORS.length];
  double lengthHeightCm;
  char position;
  boolean implausiblePosition;
  double bmi;

  public ScoreSheet() {
    clear();
  }

  void clear() {
    Arrays.fill(h, MISSING);
    lengthHeightCm = Double.NaN;
    position = 0;
    implausiblePosition = false;
    bmi = Double.NaN;
  }

  /** Stores the z-score of indicator {@code i}, rounded to hundredths as R's {@code round(z, 2)} rounds it. */
  void set(int i, double z) {
    long k = ZScore.hundredths(z);
    if (k != ZScore.NOT_HUNDREDTHS) {
      h[i] = (int) k;
    } else if (Double.isNaN(z)) {
      h[i] = MISSING;
    } else {
      h[i] = NOT_HUNDREDTHS;
      unrounded[i] = ZScore.round2(z);
    }
  }

  /** The z-score rounded to two decimals as WHO software rounds it, or NaN when WHO software gives none. */
  public double z(Indicator indicator) {
    int i = indicator.ordinal();
    int k = h[i];
    if (k == MISSING) {
      return Double.NaN;
    }
    return k == NOT_HUNDREDTHS ? unrounded[i] : k / 100.0;
  }

  /**
   * The z-score as a whole number of hundredths ({@code -609} for −6.09), the exact decimal that WHO software
   * rounds it to; {@link #MISSING} when there is none, {@link #NOT_HUNDREDTHS} when only {@link #z} can hold it.
   */
  public int hundredths(Indicator indicator) {
    return h[indicator.ordinal()];
  }

  /**
   * Whether the z-score is biologically implausible (WHO flag = 1). False when the z-score is missing; check
   * {@link #z} for NaN to tell a missing flag from a 0 flag.
   */
  public boolean flagged(Indicator indicator) {
    int k = h[indicator.ordinal()];
    if (k == MISSING) {
      return false;
    }
    return k == NOT_HUNDREDTHS ? indicator.implausible(unrounded[indicator.ordinal()]) : indicator.implausibleHundredths(k);
  }

  /**
   * Length or height after the 0.7 cm correction to the position the tables expect for the age (anthro's {@code
   * clenhei}); NaN when no length or height was given.
   */
  public double lengthHeightCm() {
    return lengthHeightCm;
  }

  /**
   * The measuring position used: {@code 'l'}, {@code 'h'}, or {@code 0} when unknown or when a standing
   * measurement under 9 months was discarded (anthro's {@code cmeasure}).
   */
  public char position() {
    return position;
  }

  /** Whether a standing measurement was given for a child under 9 months (anthro's {@code c9mo_flag}). */
  public boolean implausiblePosition() {
    return implausiblePosition;
  }

  /** Weight / (corrected length or height in m)², anthro's {@code cbmi}; NaN when either is missing. */
  public double bmi() {
    return bmi;
  }
}
