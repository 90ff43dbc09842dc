package org.tonkla.core.cli;

/**
 * Decimal digits for {@link AsciiNumbers}' writers: two at a time from a table, with divisions by constants
 * turned into multiplications (the launcher's C1 compiler does not do that itself).
 */
final class Digits {

  private Digits() {}

  // "00" … "99": two digits per step, and no division in the common cases.
  static final byte[] TWO_DIGITS = new byte[200];

  static {
    for (int i = 0; i < 100; i++) {
      TWO_DIGITS[2 * i] = (byte) ('0' + i / 10);
      TWO_DIGITS[2 * i + 1] = (byte) ('0' + i % 10);
    }
  }

  /**
   * {@code v / 100} for {@code 0 <= v < 4.9e9} by multiplication: the launcher runs the C1 compiler only, which
   * emits a real (slow) divide for a division by a constant.
   */
  static long div100(long v) {
    return v < 4_000_000_000L ? (v * 1374389535L) >>> 37 : v / 100;
  }

  /**
   * Writes the {@code count} digits of {@code n} (with leading zeros if it has fewer; {@code n < 10^16}) at
   * {@code p}; returns the end.
   */
  static int writeDigits(long n, int count, byte[] b, int p) {
    int q = p + count;
    while (q - p > 8) {
      // n < 2^53, so the double quotient is off by at most one; the remainder fixes it.
      long high = (long) (n * 1e-8);
      long low = n - high * 100_000_000L;
      if (low < 0) {
        high--;
        low += 100_000_000L;
      } else if (low >= 100_000_000L) {
        high++;
        low -= 100_000_000L;
      }
      q = writePairs(low, 8, b, q);
      n = high;
    }
    writePairs(n, q - p, b, q);
    return p + count;
  }

  /** Writes the last {@code count} (at most 8) digits of {@code v < 10^8} ending at {@code end}; returns the start. */
  private static int writePairs(long v, int count, byte[] b, int end) {
    int q = end;
    while (count >= 2) {
      long next = div100(v);
      int two = (int) (v - next * 100) * 2;
      b[--q] = TWO_DIGITS[two + 1];
      b[--q] = TWO_DIGITS[two];
      v = next;
      count -= 2;
    }
    if (count == 1) {
      b[--q] = (byte) ('0' + v); // v < 10 here
    }
    return q;
  }

  /** The number of decimal digits of {@code 0 <= n < 10^16}, by comparisons only. */
  static int digitCount(long n) {
    if (n < 100_000_000L) {
      if (n < 10_000L) {
        return n < 100L ? (n < 10L ? 1 : 2) : (n < 1_000L ? 3 : 4);
      }
      return n < 1_000_000L ? (n < 100_000L ? 5 : 6) : (n < 10_000_000L ? 7 : 8);
    }
    if (n < 1_000_000_000_000L) {
      return n < 10_000_000_000L ? (n < 1_000_000_000L ? 9 : 10) : (n < 100_000_000_000L ? 11 : 12);
    }
    return n < 100_000_000_000_000L ? (n < 10_000_000_000_000L ? 13 : 14) : (n < 1_000_000_000_000_000L ? 15 : 16);
  }
}
