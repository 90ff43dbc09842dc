package org.tonkla.core.growth;

/**
 * The Box-Cox power (L), median (M) and coefficient of variation (S) that describe one row of a WHO growth table.
 *
 * <p>The arithmetic mirrors WHO anthro operation for operation, so that results round exactly as WHO software
 * rounds them. {@link #zScore} is the plain LMS formula; {@link #restrictedZScore} is the WHO adjustment that makes
 * z grow linearly in the measurement beyond ±3 SD.
 *
 * @param l Box-Cox power, never 0 in the WHO tables
 * @param m median, in the unit of the indicator
 * @param s coefficient of variation
 * @see <a href="https://www.who.int/publications/i/item/924154693X">WHO MGRS (2006), Methods and development,
 *     chapter 7: computation of centiles and z-scores</a>
 */
public record Lms(double l, double m, double s) {

  /** The plain LMS z-score {@code ((y / M)^L − 1) / (S × L)}; NaN if {@code y} is NaN or negative with L ≠ 1. */
  public double zScore(double y) {
    return zScore(y, l, m, s);
  }

  /**
   * The WHO restricted z-score: the plain z within ±3 SD; beyond, {@code 3 + (y − SD3pos) / (SD3pos − SD2pos)}
   * (and symmetrically below −3), so that one unit of z is the distance between the 2 SD and 3 SD curves.
   */
  public double restrictedZScore(double y) {
    return restrictedZScore(y, l, m, s);
  }

  /** The measurement at a given z: {@code M × (1 + L × S × z)^(1/L)}. */
  public double valueAt(double z) {
    return valueAt(z, l, m, s);
  }

  static double zScore(double y, double l, double m, double s) {
    // pow(x, 1) is exact in both C and Java; skipping it keeps length and head circumference cheap.
    double power = l == 1.0 ? y / m : Math.pow(y / m, l);
    return (power - 1) / (s * l);
  }

  static double valueAt(double z, double l, double m, double s) {
    return m * Math.pow(1 + l * s * z, 1 / l);
  }

  static double restrictedZScore(double y, double l, double m, double s) {
    double z = zScore(y, l, m, s);
    // Same order as anthro's compute_zscore_adjusted: the > 3 branch first, then < -3 on the updated value.
    if (z > 3) {
      double sd3pos = valueAt(3, l, m, s);
      double sd23pos = sd3pos - valueAt(2, l, m, s);
      z = 3 + ((y - sd3pos) / sd23pos);
    }
    if (z < -3) {
      double sd3neg = valueAt(-3, l, m, s);
      double sd23neg = valueAt(-2, l, m, s) - sd3neg;
      z = -3 + ((y - sd3neg) / sd23neg);
    }
    return z;
  }
}
