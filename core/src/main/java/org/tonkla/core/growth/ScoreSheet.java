package org.tonkla.core.growth;

import java.util.Arrays;

/**
 * A reusable, mutable sheet that {@link GrowthStandards#score} fills for one child: the cleaned inputs and every
 * z-score, as WHO anthro and anthroplus report them.
 *
 * <p>This is the allocation-free path for bulk scoring (the {@code zscore} command scores millions of rows with
 * one sheet per thread). Application code should prefer {@link GrowthStandards#assess}, which returns an
 * immutable {@link GrowthAssessment}. A sheet is not thread-safe.
 */
public final class ScoreSheet {

  private static final Indicator[] INDICATORS = Indicator.values();

  final double[] z = new double[INDICATORS.length];
  double lengthHeightCm;
  char position;
  boolean implausiblePosition;
  double bmi;

  public ScoreSheet() {
    clear();
  }

  void clear() {
    Arrays.fill(z, Double.NaN);
    lengthHeightCm = Double.NaN;
    position = 0;
    implausiblePosition = false;
    bmi = Double.NaN;
  }

  /** The z-score rounded to two decimals as WHO software rounds it, or NaN when WHO software gives none. */
  public double z(Indicator indicator) {
    return z[indicator.ordinal()];
  }

  /**
   * Whether the z-score is biologically implausible (WHO flag = 1). False when the z-score is missing; check
   * {@link #z} for NaN to tell a missing flag from a 0 flag.
   */
  public boolean flagged(Indicator indicator) {
    return indicator.implausible(z[indicator.ordinal()]);
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
