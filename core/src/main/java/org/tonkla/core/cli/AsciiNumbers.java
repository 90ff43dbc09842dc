package org.tonkla.core.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Reads and writes decimal numbers directly on CSV bytes, matching what R reads and writes.
 *
 * <p>Reading: a plain decimal of up to 18 digits is {@code digits / 10^k} in one correctly rounded division,
 * which is the double {@code strtod} (and so R) gives; anything longer or with an exponent goes through {@link
 * Double#parseDouble}. Writing: z-scores are already rounded to hundredths and are written from that integer;
 * other numbers get R's {@code write.csv} form (see {@link #writeSignificant}).
 */
final class AsciiNumbers {

  /** Returned by {@link #parse} for text that is not a number. */
  static final double INVALID = Double.NEGATIVE_INFINITY;

  private static final double[] POW10 = new double[23];

  static {
    double p = 1;
    for (int i = 0; i < POW10.length; i++) {
      POW10[i] = p;
      p *= 10;
    }
  }

  private AsciiNumbers() {}

  /**
   * Parses {@code text[from, to)} (already trimmed, not empty) as a finite decimal.
   *
   * @return the value, or {@link #INVALID} if the text is not a finite decimal number
   */
  static double parse(byte[] text, int from, int to) {
    int i = from;
    boolean negative = false;
    if (text[i] == '-' || text[i] == '+') {
      negative = text[i] == '-';
      i++;
    }
    long digits = 0;
    int digitCount = 0;
    int decimals = 0;
    boolean point = false;
    boolean any = false;
    for (; i < to; i++) {
      int b = text[i];
      if (b >= '0' && b <= '9') {
        any = true;
        if (digits == 0 && b == '0') {
          if (point) {
            decimals++;
          }
          continue; // leading zeros carry no precision
        }
        if (++digitCount > 18) {
          return slowParse(text, from, to);
        }
        digits = digits * 10 + (b - '0');
        if (point) {
          decimals++;
        }
      } else if (b == '.' && !point) {
        point = true;
      } else {
        return slowParse(text, from, to);
      }
    }
    if (!any) {
      return INVALID;
    }
    double value;
    if (digits < (1L << 53) && decimals < POW10.length) {
      value = decimals == 0 ? digits : digits / POW10[decimals];
    } else {
      return slowParse(text, from, to);
    }
    return negative ? -value : value;
  }

  private static double slowParse(byte[] text, int from, int to) {
    String s = new String(text, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      // Double.parseDouble also takes "NaN", "Infinity", hex and a trailing 'd'/'f': none of those is a decimal.
      if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
        return INVALID;
      }
    }
    try {
      double v = Double.parseDouble(s);
      return Double.isFinite(v) ? v : INVALID;
    } catch (NumberFormatException e) {
      return INVALID;
    }
  }

  /**
   * Writes a z-score of {@code k} hundredths as R writes {@code k / 100}: {@code -6.09}, {@code 0.2}, {@code 3}.
   */
  static void writeHundredths(int k, ByteSink out) {
    out.ensure(16);
    byte[] b = out.bytes;
    int p = out.length;
    long v = k;
    if (v < 0) {
      b[p++] = '-';
      v = -v;
    }
    long whole = v / 100;
    int cents = (int) (v - whole * 100);
    if (whole < 10) {
      b[p++] = (byte) ('0' + whole);
    } else {
      p = writeLong(whole, b, p);
    }
    if (cents != 0) {
      b[p++] = '.';
      b[p++] = (byte) ('0' + cents / 10);
      if (cents % 10 != 0) {
        b[p++] = (byte) ('0' + cents % 10);
      }
    }
    out.length = p;
  }

  /**
   * Writes a number as R's {@code write.csv} writes a double: at most 15 significant digits, no trailing zeros,
   * and fixed notation unless scientific notation is narrower ({@code 100.7}, {@code 0.000123456789012345},
   * {@code 1e+05}, {@code 6.66666666666667e-06}), as R's {@code formatReal} decides with {@code scipen = 0}. NaN
   * writes nothing; infinities write {@code Inf} / {@code -Inf}.
   *
   * @see <a href="https://github.com/r-devel/r-svn/blob/main/src/main/format.c">R format.c, {@code scientific}
   *     and {@code formatReal}</a>
   */
  static void writeSignificant(double v, ByteSink out) {
    if (Double.isNaN(v)) {
      return;
    }
    if (Double.isInfinite(v)) {
      out.putAscii(v > 0 ? "Inf" : "-Inf");
      return;
    }
    if (v == 0) {
      out.put((byte) '0');
      return;
    }
    boolean negative = v < 0;
    double a = Math.abs(v);
    // Most values (a length, a corrected length) are short decimals: if a is the double nearest to n / 10^d for
    // a small d, R prints exactly that decimal, because rounding a to 15 digits lands on it.
    if (a >= 1e-3 && a < 1e9) {
      for (int d = 0; d <= 4; d++) {
        double n = Math.rint(a * POW10[d]);
        if (n / POW10[d] == a) {
          long sig = (long) n;
          int exponent = digitCount(sig) - 1 - d;
          int nsig = digitCount(sig);
          while (sig % 10 == 0) { // only when d = 0: 10000 has one significant digit
            sig /= 10;
            nsig--;
          }
          write(negative, sig, nsig, exponent, v, out);
          return;
        }
      }
    }
    int e = (int) Math.floor(Math.getExponent(a) * 0.30102999566398120);
    if (e < -20 || e > 20) {
      writeExtreme(v, out);
      return;
    }
    // Decimal exponent e with 10^e <= a < 10^(e+1).
    if (a >= pow10(e + 1)) {
      e++;
    } else if (a < pow10(e)) {
      e--;
    }
    int k = 14 - e; // scale so that the 15 significant digits sit left of the point
    if (k < 0 || k >= POW10.length) {
      writeExtreme(v, out);
      return;
    }
    double scale = POW10[k];
    double product = a * scale;
    double error = Math.fma(a, scale, -product); // exact residual of the multiplication
    long n = (long) Math.floor(product);
    double fraction = (product - n) + error;
    // fraction may be a hair below 0 when the product rounded up onto an integer: n is then still the nearest.
    if (fraction > 0.5 || (fraction == 0.5 && (n & 1) == 1)) {
      n++;
    }
    if (n >= 1_000_000_000_000_000L) { // 9.999…95 rounded up to 10.0000000000000
      n /= 10;
      e++;
    }
    int nsig = 15;
    while (n % 10 == 0) {
      n /= 10;
      nsig--;
    }
    write(negative, n, nsig, e, v, out);
  }

  /**
   * Writes {@code ±sig × 10^(exponent − nsig + 1)}, {@code sig} having {@code nsig} digits and no trailing zero,
   * in R's choice of notation: fixed when its width is no more than the scientific width.
   */
  private static void write(boolean negative, long sig, int nsig, int exponent, double v, ByteSink out) {
    int decimals = Math.max(0, nsig - exponent - 1);
    int fixedWidth = (exponent >= 0 ? exponent + 1 : 1) + (decimals > 0 ? decimals + 1 : 0);
    int sciWidth = (nsig > 1 ? nsig + 1 : 1) + (Math.abs(exponent) >= 100 ? 5 : 4);
    out.ensure(32);
    byte[] b = out.bytes;
    int p = out.length;
    if (negative) {
      b[p++] = '-';
    }
    if (fixedWidth <= sciWidth) {
      if (exponent >= 15) {
        // sprintf("%.0f") prints every digit of the integer part, beyond the 15 significant ones.
        out.length = p;
        out.putAscii(new BigDecimal(Math.abs(v)).setScale(0, RoundingMode.HALF_EVEN).toPlainString());
        return;
      }
      if (exponent < 0) {
        b[p++] = '0';
        b[p++] = '.';
        for (int z = -1; z > exponent; z--) {
          b[p++] = '0';
        }
        p = writeDigits(sig, nsig, b, p);
      } else if (decimals == 0) {
        p = writeDigits(sig, nsig, b, p);
        for (int z = nsig; z <= exponent; z++) {
          b[p++] = '0';
        }
      } else {
        // exponent + 1 digits, the point, then the rest
        int end = writeDigits(sig, nsig, b, p + 1);
        int intDigits = exponent + 1;
        System.arraycopy(b, p + 1, b, p, intDigits);
        b[p + intDigits] = '.';
        p = end;
      }
    } else {
      int end = writeDigits(sig, nsig, b, p + 1);
      b[p] = b[p + 1];
      if (nsig > 1) {
        b[p + 1] = '.';
        p = end;
      } else {
        p = p + 1;
      }
      b[p++] = 'e';
      b[p++] = (byte) (exponent < 0 ? '-' : '+');
      int ae = Math.abs(exponent);
      if (ae >= 100) {
        b[p++] = (byte) ('0' + ae / 100);
      }
      b[p++] = (byte) ('0' + ae / 10 % 10);
      b[p++] = (byte) ('0' + ae % 10);
    }
    out.length = p;
  }

  /** Subnormal and astronomically large or small values, through exact decimal arithmetic. */
  private static void writeExtreme(double v, ByteSink out) {
    BigDecimal exact = new BigDecimal(Math.abs(v)).round(new MathContext(15, RoundingMode.HALF_EVEN));
    BigDecimal stripped = exact.stripTrailingZeros();
    long sig = stripped.unscaledValue().longValueExact();
    int nsig = digitCount(sig);
    int exponent = nsig - 1 - stripped.scale();
    write(v < 0, sig, nsig, exponent, v, out);
  }

  private static final byte[] TWO_DIGITS = new byte[200];

  static {
    for (int i = 0; i < 100; i++) {
      TWO_DIGITS[2 * i] = (byte) ('0' + i / 10);
      TWO_DIGITS[2 * i + 1] = (byte) ('0' + i % 10);
    }
  }

  /** Writes the {@code count} digits of {@code n} (leading zeros if it has fewer) at {@code p}; returns the end. */
  private static int writeDigits(long n, int count, byte[] b, int p) {
    int q = p + count;
    while (q - p >= 2) {
      long next = n / 100;
      int two = (int) (n - next * 100) * 2;
      b[--q] = TWO_DIGITS[two + 1];
      b[--q] = TWO_DIGITS[two];
      n = next;
    }
    if (q > p) {
      b[--q] = (byte) ('0' + n % 10);
    }
    return p + count;
  }

  private static int digitCount(long n) {
    // n < 10^16 here
    int d = 1;
    if (n >= 100_000_000L) {
      d += 8;
      n /= 100_000_000L;
    }
    if (n >= 10_000L) {
      d += 4;
      n /= 10_000L;
    }
    if (n >= 100L) {
      d += 2;
      n /= 100L;
    }
    return n >= 10L ? d + 1 : d;
  }

  private static double pow10(int e) {
    return e >= 0 ? POW10[e] : 1 / POW10[-e];
  }

  static int writeLong(long v, byte[] b, int p) {
    if (v < 10) {
      b[p] = (byte) ('0' + v);
      return p + 1;
    }
    int digits = 0;
    for (long t = v; t > 0; t /= 10) {
      digits++;
    }
    int end = p + digits;
    for (int i = end - 1; i >= p; i--) {
      b[i] = (byte) ('0' + v % 10);
      v /= 10;
    }
    return end;
  }
}
