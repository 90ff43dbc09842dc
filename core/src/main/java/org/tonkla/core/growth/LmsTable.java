package org.tonkla.core.growth;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * One WHO LMS table held as one flat array per sex, looked up by an integer key: the day of age, the month of age,
 * or the length/height in millimetres (tenths of a centimetre).
 *
 * <p>Each row takes {@link #STRIDE} consecutive doubles, so that one look-up touches one or two cache lines: L, M, S, the
 * product {@code S × L} that divides every z-score, and the four values of the restricted LMS method at that row
 * ({@code SD3pos}, {@code SD3pos − SD2pos}, {@code SD3neg}, {@code SD2neg − SD3neg}). They are computed once
 * here with the very expressions WHO anthro evaluates per child ({@code m * (1 + l * s * sd)^(1 / l)}), so a
 * z-score from the precomputed values is the same double as one computed on the fly.
 *
 * <p>A second array, {@link #fast}, holds per row the reciprocals that turn the divisions of the z-score into
 * multiplications ({@code 1/M}, {@code 1/(S × L)}, {@code 1/(SD3pos − SD2pos)}, {@code 1/(SD2neg − SD3neg)}). A
 * z-score computed with them may differ from WHO's in the last bits, so it is used only where that cannot change
 * the rounded result (see {@code GrowthStandards}); the exact values in {@link #row} decide everything else.
 *
 * <p>Rows are parsed from the CSV copies in {@code org/tonkla/core/growth/who/} with a hand-written parser: the
 * files are WHO's own text, so every value has at most 5 decimals and parses exactly as {@code strtod} does.
 */
final class LmsTable {

  static final int L = 0;
  static final int M = 1;
  static final int S = 2;
  static final int SL = 3;
  static final int SD3POS = 4;
  static final int SD23POS = 5;
  static final int SD3NEG = 6;
  static final int SD23NEG = 7;
  static final int STRIDE = 8;

  static final int F_L = 0;
  static final int F_INV_M = 1;
  static final int F_INV_SL = 2;
  static final int F_SD3POS = 3;
  static final int F_INV_SD23POS = 4;
  static final int F_SD3NEG = 5;
  static final int F_INV_SD23NEG = 6;

  final int firstKey;
  final int rows;
  // [sex - 1][(key - firstKey) * STRIDE + field]
  final double[][] row;
  // [sex - 1][(key - firstKey) * STRIDE + F_field], same offsets as row
  final double[][] fast;

  private LmsTable(int firstKey, int rows) {
    this.firstKey = firstKey;
    this.rows = rows;
    this.row = new double[2][rows * STRIDE];
    this.fast = new double[2][rows * STRIDE];
  }

  /** The offset of a key's row in {@link #row}, or -1 when the table has no such row. */
  int offset(int key) {
    int i = key - firstKey;
    return i >= 0 && i < rows ? i * STRIDE : -1;
  }

  /** The offset for a key given as a whole-numbered double (NaN or out of range gives -1). */
  int offset(double key) {
    if (!(key >= firstKey && key < firstKey + rows)) {
      return -1;
    }
    return ((int) key - firstKey) * STRIDE;
  }

  /**
   * Loads a table whose second column is an integer key, or, with {@code keyScale} 10, a length in cm with one
   * decimal that becomes a key in tenths of a centimetre.
   */
  static LmsTable load(String resource, int keyScale) {
    byte[] text;
    try (InputStream in = LmsTable.class.getResourceAsStream("who/" + resource)) {
      if (in == null) {
        throw new IllegalStateException("missing WHO table resource " + resource);
      }
      text = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read WHO table " + resource, e);
    }
    // Two passes: the first finds the key range per sex so the arrays are sized exactly.
    int[] cursor = {skipLine(text, 0)};
    int minKey = Integer.MAX_VALUE;
    int maxKey = Integer.MIN_VALUE;
    while (cursor[0] < text.length) {
      int start = cursor[0];
      nextNumber(text, cursor); // sex
      int key = (int) Math.round(nextNumber(text, cursor) * keyScale);
      minKey = Math.min(minKey, key);
      maxKey = Math.max(maxKey, key);
      cursor[0] = skipLine(text, start);
    }
    LmsTable table = new LmsTable(minKey, maxKey - minKey + 1);
    boolean[][] seen = new boolean[2][table.rows];
    cursor[0] = skipLine(text, 0);
    while (cursor[0] < text.length) {
      int start = cursor[0];
      int sex = (int) nextNumber(text, cursor);
      int i = (int) Math.round(nextNumber(text, cursor) * keyScale) - minKey;
      double l = nextNumber(text, cursor);
      double m = nextNumber(text, cursor);
      double s = nextNumber(text, cursor);
      double[] r = table.row[sex - 1];
      int o = i * STRIDE;
      r[o + L] = l;
      r[o + M] = m;
      r[o + S] = s;
      r[o + SL] = s * l;
      double sd3pos = Lms.valueAt(3, l, m, s);
      double sd3neg = Lms.valueAt(-3, l, m, s);
      r[o + SD3POS] = sd3pos;
      r[o + SD23POS] = sd3pos - Lms.valueAt(2, l, m, s);
      r[o + SD3NEG] = sd3neg;
      r[o + SD23NEG] = Lms.valueAt(-2, l, m, s) - sd3neg;
      double[] f = table.fast[sex - 1];
      f[o + F_L] = l;
      f[o + F_INV_M] = 1 / m;
      f[o + F_INV_SL] = 1 / r[o + SL];
      f[o + F_SD3POS] = sd3pos;
      f[o + F_INV_SD23POS] = 1 / r[o + SD23POS];
      f[o + F_SD3NEG] = sd3neg;
      f[o + F_INV_SD23NEG] = 1 / r[o + SD23NEG];
      seen[sex - 1][i] = true;
      cursor[0] = skipLine(text, start);
    }
    for (boolean[] bySex : seen) {
      for (boolean present : bySex) {
        if (!present) {
          throw new IllegalStateException("WHO table " + resource + " has a gap in its keys");
        }
      }
    }
    return table;
  }

  private static int skipLine(byte[] text, int from) {
    int i = from;
    while (i < text.length && text[i] != '\n') {
      i++;
    }
    return i + 1;
  }

  /** Parses the unsigned-or-negative decimal at the cursor and moves the cursor past the following comma. */
  private static double nextNumber(byte[] text, int[] cursor) {
    int i = cursor[0];
    boolean negative = false;
    if (text[i] == '-') {
      negative = true;
      i++;
    }
    long digits = 0;
    int decimals = -1;
    for (; i < text.length; i++) {
      byte b = text[i];
      if (b >= '0' && b <= '9') {
        digits = digits * 10 + (b - '0');
        if (decimals >= 0) {
          decimals++;
        }
      } else if (b == '.') {
        decimals = 0;
      } else {
        break;
      }
    }
    cursor[0] = i + 1;
    // digits < 2^53 and 10^decimals exact: one correctly rounded division, the same double strtod gives.
    double value = decimals > 0 ? digits / POWERS_OF_TEN[decimals] : digits;
    return negative ? -value : value;
  }

  private static final double[] POWERS_OF_TEN = {1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10};
}
