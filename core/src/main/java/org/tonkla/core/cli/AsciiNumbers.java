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
   * Returns the position after it; the caller has reserved 24 bytes.
   */
  static int writeHundredths(int k, byte[] b, int p) {
    long v = k;
    if (v < 0) {
      b[p++] = '-';
      v = -v;
    }
    int whole = (int) Digits.div100(v);
    int cents = (int) (v - whole * 100L);
    if (whole < 10) {
      b[p++] = (byte) ('0' + whole);
    } else if (whole < 100) {
      b[p++] = Digits.TWO_DIGITS[2 * whole];
      b[p++] = Digits.TWO_DIGITS[2 * whole + 1];
    } else {
      p = Digits.writeDigits(whole, Digits.digitCount(whole), b, p);
    }
    if (cents != 0) {
      b[p++] = '.';
      b[p++] = Digits.TWO_DIGITS[2 * cents];
      if (Digits.TWO_DIGITS[2 * cents + 1] != '0') {
        b[p++] = Digits.TWO_DIGITS[2 * cents + 1];
      }
    }
    return p;
  }

  static void writeHundredths(int k, ByteSink out) {
    out.ensure(MAX_NUMBER);
    out.length = writeHundredths(k, out.bytes, out.length);
  }

  /** The most bytes {@link #writeSignificant} and {@link #writeHundredths} write. */
  static final int MAX_NUMBER = 32;

  /**
   * Writes a number as R's {@code write.csv} writes a double: at most 15 significant digits, no trailing zeros,
   * and fixed notation unless scientific notation is narrower ({@code 100.7}, {@code 0.000123456789012345},
   * {@code 1e+05}, {@code 6.66666666666667e-06}), as R's {@code formatReal} decides with {@code scipen = 0}. NaN
   * writes nothing; infinities write {@code Inf} / {@code -Inf}. Returns the position after it; the caller has
   * reserved {@link #MAX_NUMBER} bytes (fixed notation is chosen only when no wider than scientific, so the
   * text never exceeds 23 bytes).
   *
   * @see <a href="https://github.com/r-devel/r-svn/blob/main/src/main/format.c">R format.c, {@code scientific}
   *     and {@code formatReal}</a>
   */
  static int writeSignificant(double v, byte[] b, int p) {
    if (v != v) {
      return p;
    }
    if (v == Double.POSITIVE_INFINITY || v == Double.NEGATIVE_INFINITY) {
      return putAscii(v > 0 ? "Inf" : "-Inf", b, p);
    }
    if (v == 0) {
      b[p] = '0';
      return p + 1;
    }
    boolean negative = v < 0;
    double a = Math.abs(v);
    // Most values (a length, a corrected length) are short decimals: if a is the double nearest to n / 10^d for
    // a small d, R prints exactly that decimal, because rounding a to 15 digits lands on it.
    if (a >= 1e-3 && a < 1e9) {
      for (int d = 0; d <= 4; d++) {
        long n = (long) (a * POW10[d] + 0.5); // a candidate; the test below decides
        if (n / POW10[d] == a) {
          int nsig = Digits.digitCount(n);
          int exponent = nsig - 1 - d;
          while (n % 10 == 0) { // only when d = 0: 10000 has one significant digit
            n /= 10;
            nsig--;
          }
          return write(negative, n, nsig, exponent, v, b, p);
        }
      }
    }
    // floor(log2(a) * log10(2)) by the integer identity valid for |exponent| < 1233, then corrected.
    int e = (Math.getExponent(a) * 78913) >> 18;
    if (e < -20 || e > 20) {
      return writeExtreme(v, b, p);
    }
    // Decimal exponent e with 10^e <= a < 10^(e+1).
    if (a >= pow10(e + 1)) {
      e++;
    } else if (a < pow10(e)) {
      e--;
    }
    int k = 14 - e; // scale so that the 15 significant digits sit left of the point
    if (k < 0 || k >= POW10.length) {
      return writeExtreme(v, b, p);
    }
    double scale = POW10[k];
    double product = a * scale;
    double error = Math.fma(a, scale, -product); // exact residual of the multiplication
    long n = (long) product; // floor: product > 0
    double fraction = (product - n) + error;
    // fraction may be a hair below 0 when the product rounded up onto an integer: n is then still the nearest.
    if (fraction > 0.5 || (fraction == 0.5 && (n & 1) == 1)) {
      n++;
    }
    if (n >= 1_000_000_000_000_000L) { // 9.999…95 rounded up to 10.0000000000000
      n = 100_000_000_000_000L;
      e++;
    }
    int nsig = 15;
    while (n % 10 == 0) {
      n /= 10;
      nsig--;
    }
    return write(negative, n, nsig, e, v, b, p);
  }

  static void writeSignificant(double v, ByteSink out) {
    out.ensure(MAX_NUMBER);
    out.length = writeSignificant(v, out.bytes, out.length);
  }

  /**
   * Writes {@code ±sig × 10^(exponent − nsig + 1)}, {@code sig} having {@code nsig} digits and no trailing zero,
   * in R's choice of notation: fixed when its width is no more than the scientific width.
   */
  private static int write(boolean negative, long sig, int nsig, int exponent, double v, byte[] b, int p) {
    int decimals = Math.max(0, nsig - exponent - 1);
    int fixedWidth = (exponent >= 0 ? exponent + 1 : 1) + (decimals > 0 ? decimals + 1 : 0);
    int sciWidth = (nsig > 1 ? nsig + 1 : 1) + (Math.abs(exponent) >= 100 ? 5 : 4);
    if (negative) {
      b[p++] = '-';
    }
    if (fixedWidth <= sciWidth) {
      if (exponent >= 15) {
        // sprintf("%.0f") prints every digit of the integer part, beyond the 15 significant ones.
        return putAscii(new BigDecimal(Math.abs(v)).setScale(0, RoundingMode.HALF_EVEN).toPlainString(), b, p);
      }
      if (exponent < 0) {
        b[p++] = '0';
        b[p++] = '.';
        for (int z = -1; z > exponent; z--) {
          b[p++] = '0';
        }
        return Digits.writeDigits(sig, nsig, b, p);
      }
      if (decimals == 0) {
        p = Digits.writeDigits(sig, nsig, b, p);
        for (int z = nsig; z <= exponent; z++) {
          b[p++] = '0';
        }
        return p;
      }
      // exponent + 1 digits, the point, then the rest
      int end = Digits.writeDigits(sig, nsig, b, p + 1);
      int intDigits = exponent + 1;
      System.arraycopy(b, p + 1, b, p, intDigits);
      b[p + intDigits] = '.';
      return end;
    }
    int end = Digits.writeDigits(sig, nsig, b, p + 1);
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
      ae %= 100;
    }
    b[p++] = Digits.TWO_DIGITS[2 * ae];
    b[p++] = Digits.TWO_DIGITS[2 * ae + 1];
    return p;
  }

  /** Subnormal and astronomically large or small values, through exact decimal arithmetic. */
  private static int writeExtreme(double v, byte[] b, int p) {
    BigDecimal exact = new BigDecimal(Math.abs(v)).round(new MathContext(15, RoundingMode.HALF_EVEN));
    BigDecimal stripped = exact.stripTrailingZeros();
    long sig = stripped.unscaledValue().longValueExact();
    int nsig = Digits.digitCount(sig);
    int exponent = nsig - 1 - stripped.scale();
    return write(v < 0, sig, nsig, exponent, v, b, p);
  }

  private static int putAscii(String text, byte[] b, int p) {
    for (int i = 0; i < text.length(); i++) {
      b[p++] = (byte) text.charAt(i);
    }
    return p;
  }

  private static double pow10(int e) {
    return e >= 0 ? POW10[e] : 1 / POW10[-e];
  }

}
