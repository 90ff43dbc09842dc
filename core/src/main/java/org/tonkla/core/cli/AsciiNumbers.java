package org.tonkla.core.cli;

/**
 * Reads and writes decimal numbers directly on CSV bytes, matching what R reads and writes.
 *
 * <p>Reading: a plain decimal of up to 18 digits is {@code digits / 10^k} in one correctly rounded division,
 * which is the double {@code strtod} (and so R) gives; anything longer or with an exponent goes through {@link
 * Double#parseDouble}. Writing: z-scores are already rounded to hundredths and are written from that integer;
 * other numbers get R's {@code write.csv} form, 15 significant digits without trailing zeros.
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
   * Writes a z-score already rounded to two decimals as R writes it: {@code -6.09}, {@code 0.2}, {@code 3}. NaN
   * writes nothing (an empty field); infinities write {@code Inf} / {@code -Inf} like R.
   */
  static void writeHundredths(double z, ByteSink out) {
    if (Double.isNaN(z)) {
      return;
    }
    if (Double.isInfinite(z) || Math.abs(z) >= 1e13) {
      writeSignificant(z, out);
      return;
    }
    long hundredths = Math.round(z * 100);
    out.ensure(24);
    byte[] b = out.bytes;
    int p = out.length;
    if (hundredths < 0) {
      b[p++] = '-';
      hundredths = -hundredths;
    }
    int cents;
    if (hundredths < 100_000) {
      int h = (int) hundredths;
      int whole = h / 100;
      cents = h - whole * 100;
      if (whole >= 100) {
        b[p++] = (byte) ('0' + whole / 100);
        b[p++] = (byte) ('0' + whole / 10 % 10);
      } else if (whole >= 10) {
        b[p++] = (byte) ('0' + whole / 10);
      }
      b[p++] = (byte) ('0' + whole % 10);
    } else {
      p = writeLong(hundredths / 100, b, p);
      cents = (int) (hundredths % 100);
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
   * Writes a number with at most 15 significant digits and no trailing zeros, as R's {@code write.csv} does for
   * ordinary magnitudes. NaN writes nothing.
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
    out.ensure(32);
    boolean negative = v < 0;
    double a = Math.abs(v);
    // Decimal exponent e with 10^e <= a < 10^(e+1), for the magnitudes a measurement can have.
    int e = (int) Math.floor(Math.getExponent(a) * 0.30102999566398120);
    if (e < -6 || e > 14) {
      out.putAscii(Double.toString(v));
      return;
    }
    if (a >= pow10(e + 1)) {
      e++;
    } else if (a < pow10(e)) {
      e--;
    }
    int k = 14 - e; // scale so the 15 significant digits sit left of the point
    if (k < 0 || k >= POW10.length) {
      out.putAscii(Double.toString(v));
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
    if (n >= 1_000_000_000_000_000L) {
      n /= 10;
      k--;
    }
    // n holds the digits; the value is n / 10^k. Trailing zeros of the fraction go first.
    while (k > 0 && n % 10 == 0) {
      n /= 10;
      k--;
    }
    byte[] b = out.bytes;
    int p = out.length;
    if (negative) {
      b[p++] = '-';
    }
    if (k <= 0) {
      p = writeLong(n, b, p);
      for (int z = 0; z < -k; z++) {
        b[p++] = '0';
      }
    } else {
      // Write all digits right to left, at least k + 1 of them, then insert the point.
      int digits = Math.max(k + 1, digitCount(n));
      int end = p + digits + 1;
      int q = end - 1;
      for (int i = 0; i < digits; i++) {
        if (i == k) {
          b[q--] = '.';
        }
        long next = n / 10;
        b[q--] = (byte) ('0' + (n - next * 10));
        n = next;
      }
      p = end;
    }
    out.length = p;
  }

  private static int digitCount(long n) {
    int d = 1;
    while (n >= 10) {
      n /= 10;
      d++;
    }
    return d;
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
