package org.tonkla.core.cli;

import java.nio.charset.StandardCharsets;

/**
 * The fields of the record being scored, as {@link ChunkScorer} splits it, read as anthro reads them: trimmed,
 * unquoted; "", NA and (for numbers) NaN are missing, as in R's {@code read.csv}. The first problem of a record
 * is kept in {@link #error}.
 */
final class RecordFields {

  /** Where each field of the current record starts and ends in the chunk's buffer (set by the splitter). */
  final int[] starts;
  final int[] ends;
  /** The first problem found in the current record, or null. */
  String error;

  private final AnthroColumns columns;

  RecordFields(AnthroColumns columns) {
    this.columns = columns;
    this.starts = new int[columns.count()];
    this.ends = new int[columns.count()];
  }

  private int valueStart;
  private int valueEnd;
  private byte[] unquoted;

  /** Locates the trimmed value of field {@code f}; returns the buffer that holds it. */
  private byte[] value(byte[] buf, int f) {
    int s = starts[f];
    int e = ends[f];
    while (s < e && (buf[s] == ' ' || buf[s] == '\t')) {
      s++;
    }
    while (e > s && (buf[e - 1] == ' ' || buf[e - 1] == '\t')) {
      e--;
    }
    if (e - s >= 2 && buf[s] == '"' && buf[e - 1] == '"') {
      String inner = new String(buf, s + 1, e - s - 2, StandardCharsets.ISO_8859_1).replace("\"\"", "\"").strip();
      unquoted = inner.getBytes(StandardCharsets.ISO_8859_1);
      valueStart = 0;
      valueEnd = unquoted.length;
      return unquoted;
    }
    valueStart = s;
    valueEnd = e;
    return buf;
  }

  private static boolean missing(byte[] b, int s, int e) {
    return s == e || (e - s == 2 && b[s] == 'N' && b[s + 1] == 'A');
  }

  double number(byte[] buf, int f) {
    int s = starts[f];
    int e = ends[f];
    // The common case inline (the C1 compiler inlines little): no quotes, blanks only around the value.
    while (s < e && (buf[s] == ' ' || buf[s] == '\t')) {
      s++;
    }
    while (e > s && (buf[e - 1] == ' ' || buf[e - 1] == '\t')) {
      e--;
    }
    byte[] b = buf;
    if (s < e && buf[s] == '"') {
      b = value(buf, f);
      s = valueStart;
      e = valueEnd;
    }
    if (s == e || (e - s == 2 && b[s] == 'N' && b[s + 1] == 'A')) {
      return Double.NaN;
    }
    if (e - s == 3 && b[s] == 'N' && b[s + 1] == 'a' && b[s + 2] == 'N') {
      return Double.NaN; // R reads "NaN" as a number that every anthro test treats as missing
    }
    double v = AsciiNumbers.parse(b, s, e);
    if (v == AsciiNumbers.INVALID) {
      fail(buf, f, "a number");
      return Double.NaN;
    }
    return v;
  }

  int sex(byte[] buf, int f) {
    byte[] b = value(buf, f);
    int s = valueStart;
    int e = valueEnd;
    if (missing(b, s, e)) {
      return 0;
    }
    if (e - s == 1) {
      switch (b[s]) {
        case '1', 'm', 'M' -> {
          return 1;
        }
        case '2', 'f', 'F' -> {
          return 2;
        }
        default -> {}
      }
    }
    fail(buf, f, "1, 2, m or f");
    return 0;
  }

  char measure(byte[] buf, int f) {
    byte[] b = value(buf, f);
    int s = valueStart;
    int e = valueEnd;
    if (missing(b, s, e)) {
      return 0;
    }
    if (e - s == 1) {
      switch (b[s]) {
        case 'l', 'L' -> {
          return 'l';
        }
        case 'h', 'H' -> {
          return 'h';
        }
        default -> {}
      }
    }
    fail(buf, f, "l (lying), h (standing) or empty");
    return 0;
  }

  boolean oedema(byte[] buf, int f) {
    byte[] b = value(buf, f);
    int s = valueStart;
    int e = valueEnd;
    if (missing(b, s, e)) {
      return false;
    }
    if (e - s == 1) {
      switch (b[s]) {
        case 'y', 'Y', '1' -> {
          return true;
        }
        case 'n', 'N', '2' -> {
          return false;
        }
        default -> {}
      }
    }
    fail(buf, f, "y, n, 1, 2 or empty");
    return false;
  }

  void fail(byte[] buf, int f, String expected) {
    if (error != null) {
      return; // one line per bad row: the first problem found
    }
    String got = new String(buf, starts[f], Math.min(ends[f] - starts[f], 40), StandardCharsets.UTF_8);
    error = AnthroColumns.name(columns, f) + ": expected " + expected + ", got '" + got + "'";
  }
}
