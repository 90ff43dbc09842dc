package org.tonkla.core.growth;

/**
 * The LMS arithmetic behind {@link GrowthStandards}' scores: by day (the 2006 standards, fast with reciprocals and
 * exact where it matters) and by month with interpolation (the 2007 reference and weight-for-length/height).
 */
final class LmsScoring {

  private LmsScoring() {}

  // anthro: "for all indicators a measure <= 0 should result in zscores being NA".

  /*
   * The age-keyed 2006 indicators, scored first with multiplications by precomputed reciprocals (LmsTable.fast)
   * instead of WHO's divisions. That z is within 10^-8 of WHO's, so its rounding is WHO's unless 100|z| lies
   * within 0.001 of a half, or z lies within 10^-6 of ±3, where the restricted method switches formula; those
   * rare rows (about 0.2 %) are computed again exactly as anthro computes them.
   */

  /** The plain LMS z-score in hundredths, or {@code ScoreSheet.MISSING}; {@code out}/{@code i} take odd values. */
  static int plainByDay(LmsTable table, int s, int day, double y, ScoreSheet out, int i) {
    int o = table.offset(day);
    if (!(y > 0) || o < 0) {
      return ScoreSheet.MISSING;
    }
    double[] f = table.fast[s];
    double l = f[o + LmsTable.F_L];
    double x = y * f[o + LmsTable.F_INV_M];
    // pow(x, 1) is exact in both C and Java; skipping it keeps length and head circumference cheap.
    double z = ((l == 1.0 ? x : Math.pow(x, l)) - 1) * f[o + LmsTable.F_INV_SL];
    long k = ZScore.hundredthsOfApproximation(z);
    if (k != ZScore.UNDECIDED) {
      return (int) k;
    }
    out.set(i, exactByDay(table, s, o, y, false));
    return out.h[i];
  }

  /** The restricted LMS z-score in hundredths (see {@link Lms#restrictedZScore}), like {@link #plainByDay}. */
  static int restrictedByDay(LmsTable table, int s, int day, double y, ScoreSheet out, int i) {
    int o = table.offset(day);
    if (!(y > 0) || o < 0) {
      return ScoreSheet.MISSING;
    }
    double[] f = table.fast[s];
    double l = f[o + LmsTable.F_L];
    double x = y * f[o + LmsTable.F_INV_M];
    double z = ((l == 1.0 ? x : Math.pow(x, l)) - 1) * f[o + LmsTable.F_INV_SL];
    double distanceTo3 = Math.abs(Math.abs(z) - 3);
    if (distanceTo3 > 1e-6) {
      if (z > 3) {
        z = 3 + (y - f[o + LmsTable.F_SD3POS]) * f[o + LmsTable.F_INV_SD23POS];
      }
      if (z < -3) {
        z = -3 + (y - f[o + LmsTable.F_SD3NEG]) * f[o + LmsTable.F_INV_SD23NEG];
      }
      long k = ZScore.hundredthsOfApproximation(z);
      if (k != ZScore.UNDECIDED) {
        return (int) k;
      }
    }
    out.set(i, exactByDay(table, s, o, y, true));
    return out.h[i];
  }

  /** The z-score exactly as anthro computes it, operation for operation, with the row's precomputed SD curves. */
  static double exactByDay(LmsTable table, int s, int o, double y, boolean restricted) {
    double[] r = table.row[s];
    double l = r[o + LmsTable.L];
    double power = l == 1.0 ? y / r[o + LmsTable.M] : Math.pow(y / r[o + LmsTable.M], l);
    double z = (power - 1) / r[o + LmsTable.SL];
    if (restricted) {
      // Same order as anthro's compute_zscore_adjusted: the > 3 branch first, then < -3 on the updated value.
      if (z > 3) {
        z = 3 + ((y - r[o + LmsTable.SD3POS]) / r[o + LmsTable.SD23POS]);
      }
      if (z < -3) {
        z = -3 + ((y - r[o + LmsTable.SD3NEG]) / r[o + LmsTable.SD23NEG]);
      }
    }
    return z;
  }

  static double byMonth(LmsTable table, int s, double months, double y, boolean restricted) {
    if (Double.isNaN(y)) {
      return Double.NaN;
    }
    double lowMonth = GrowthStandards.floorOfPositive(months);
    return interpolated(table, s, lowMonth, months + 1, months - lowMonth, y, restricted);
  }

  /**
   * The z-score from L, M and S interpolated linearly between the rows at {@code lowKey} and {@code
   * floor(upperKey)} by {@code diff}, as anthro and anthroplus interpolate: {@code P = P_low + diff × (P_up −
   * P_low)} when {@code diff > 0}, else the lower row alone.
   */
  static double interpolated(
      LmsTable table, int s, double lowKey, double upperKey, double diff, double y, boolean restricted) {
    int lo = table.offset(lowKey);
    if (lo < 0) {
      return Double.NaN;
    }
    double[] r = table.row[s];
    if (!(diff > 0)) {
      // On a row: its precomputed SD curves are exactly what anthro computes.
      double l = r[lo + LmsTable.L];
      double power = l == 1.0 ? y / r[lo + LmsTable.M] : Math.pow(y / r[lo + LmsTable.M], l);
      double z = (power - 1) / r[lo + LmsTable.SL];
      if (restricted) {
        if (z > 3) {
          z = 3 + ((y - r[lo + LmsTable.SD3POS]) / r[lo + LmsTable.SD23POS]);
        }
        if (z < -3) {
          z = -3 + ((y - r[lo + LmsTable.SD3NEG]) / r[lo + LmsTable.SD23NEG]);
        }
      }
      return z;
    }
    int up = table.offset(GrowthStandards.floorOfPositive(upperKey));
    if (up < 0) {
      return Double.NaN;
    }
    double m = r[lo + LmsTable.M];
    double l = r[lo + LmsTable.L];
    double sv = r[lo + LmsTable.S];
    m = m + diff * (r[up + LmsTable.M] - m);
    l = l + diff * (r[up + LmsTable.L] - l);
    sv = sv + diff * (r[up + LmsTable.S] - sv);
    return restricted ? Lms.restrictedZScore(y, l, m, sv) : Lms.zScore(y, l, m, sv);
  }
}
