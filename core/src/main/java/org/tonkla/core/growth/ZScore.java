package org.tonkla.core.growth;

/**
 * A z-score of one indicator, rounded to two decimals the way WHO software rounds it, with its implausibility
 * flag.
 *
 * @param indicator the indicator scored
 * @param value the z-score rounded to two decimals; may be infinite for absurd inputs, as in WHO anthro
 * @param flagged whether the value is outside the WHO limits of biological plausibility for the indicator
 * @see Indicator#implausible(double)
 */
public record ZScore(Indicator indicator, double value, boolean flagged) {

  private static final double LOG10_2 = 0.301029995663981195213738894724;

  /**
   * Rounds to two decimals exactly as R's {@code round(x, 2)} (R ≥ 4.0.0, {@code src/nmath/fround.c}) does: of
   * the two neighbouring multiples of 0.01 it picks the nearer in double arithmetic, and on an exact tie the one
   * with an even last digit. {@code 2.675} (stored as 2.67499…) becomes {@code 2.67}.
   *
   * <p>NaN, infinities and 0 are returned unchanged, and so are magnitudes above about 10^13, which R also
   * leaves alone.
   *
   * @see <a href="https://github.com/r-devel/r-svn/blob/main/src/nmath/fround.c">R fround.c</a>
   */
  public static double round2(double x) {
    if (Double.isNaN(x) || Double.isInfinite(x) || x == 0) {
      return x;
    }
    double sign = 1;
    if (x < 0) {
      sign = -1;
      x = -x;
    }
    if (LOG10_2 * (0.5 + Math.getExponent(x)) + 2 > 15) {
      return sign * x;
    }
    double x10 = x * 100;
    double i10 = Math.floor(x10);
    double fraction = x10 - i10;
    // Far from a tie the nearer neighbour is obvious, and R's answer is the same double: i10/100 or ceil/100. That
    // holds while x's rounding errors are far below 0.0001 hundredths; beyond 2e7 only R's own test is safe (at
    // 5e12, x = ...546.48535 rounds to .48 in R, because there du == dd in doubles).
    if (x < HUNDREDTHS_LIMIT) {
      if (fraction < 0.4999) {
        return sign * (i10 / 100);
      }
      if (fraction > 0.5001) {
        return sign * ((i10 + 1) / 100);
      }
    }
    double down = i10 / 100;
    double up = Math.ceil(x10) / 100;
    double du = up - x;
    double dd = x - down;
    // R tests fmod(i10, 2) == 1 first; a double remainder is slow in Java, so test the rare tie first and use the
    // integer parity (i10 < 2^53 here).
    return sign * ((du < dd || (du == dd && (((long) i10) & 1) == 1)) ? up : down);
  }

  /** {@link #hundredths} of a value it cannot express as an {@code int}: NaN, infinite, or beyond ±2×10^7. */
  static final long NOT_HUNDREDTHS = Long.MIN_VALUE;

  // Below this magnitude the hundredths fit an int and R's rounding applies (R leaves |x| >= 2^43 unrounded).
  private static final double HUNDREDTHS_LIMIT = 2e7;

  /**
   * {@link #round2}{@code (x)} as a whole number of hundredths {@code k}, so that {@code round2(x) == k / 100.0}
   * exactly: R's result is {@code floor(100x) / 100} or {@code ceil(100x) / 100}, and {@code k / 100.0} is that
   * same correctly rounded division. Returns {@link #NOT_HUNDREDTHS} for NaN, infinities and magnitudes of
   * 2×10^7 or more, which callers keep as doubles.
   */
  static long hundredths(double x) {
    double a = Math.abs(x);
    if (!(a < HUNDREDTHS_LIMIT)) {
      return NOT_HUNDREDTHS; // also NaN
    }
    double x10 = a * 100;
    double i10 = (double) (long) x10; // floor, as 0 <= x10 < 2e9; a cast is cheap under C1 too
    double fraction = x10 - i10;
    long k;
    if (fraction < 0.4999) {
      k = (long) i10;
    } else if (fraction > 0.5001) {
      k = (long) i10 + 1;
    } else {
      // Near a tie: R's own test on the two candidate doubles (see round2).
      double up = Math.ceil(x10);
      double du = up / 100 - a;
      double dd = a - i10 / 100;
      k = (du < dd || (du == dd && (((long) i10) & 1) == 1)) ? (long) up : (long) i10;
    }
    return x < 0 ? -k : k;
  }

  /** {@link #hundredthsOfApproximation} when the approximation is too close to a rounding boundary to decide. */
  static final long UNDECIDED = Long.MIN_VALUE + 1;

  /**
   * {@link #hundredths} of the exact z-score, given an approximation {@code z} of it that is off by less than
   * 10^-8 (for |z| below 10^6): the nearer hundredth when {@code 100 |z|} is more than 0.001 from a half,
   * otherwise {@link #UNDECIDED}, and then the caller computes z exactly. 0.001 hundredths is 10^-5 in z, a
   * thousand times the error allowed, so a decided result is the one the exact z gives.
   */
  static long hundredthsOfApproximation(double z) {
    double a = Math.abs(z);
    if (!(a < 1e6)) {
      return UNDECIDED; // also NaN
    }
    double x10 = a * 100;
    double i10 = (double) (long) x10;
    double fraction = x10 - i10;
    long k;
    if (fraction < 0.499) {
      k = (long) i10;
    } else if (fraction > 0.501) {
      k = (long) i10 + 1;
    } else {
      return UNDECIDED;
    }
    return z < 0 ? -k : k;
  }
}
