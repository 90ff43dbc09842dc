package org.tonkla.core.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.tonkla.core.growth.Age;
import org.tonkla.core.growth.GrowthStandards;
import org.tonkla.core.growth.Indicator;
import org.tonkla.core.growth.ScoreSheet;

/**
 * Scores one chunk of whole CSV records: parses the anthro columns straight from the bytes, scores each child,
 * and formats the input record followed by the added columns.
 *
 * <p>Records follow RFC 4180: a field in double quotes may hold commas, line breaks and doubled quotes; input
 * records are copied byte for byte, so quoting survives. A line ending in CR LF is written with LF. Blank lines
 * are skipped, as R's {@code read.csv} does.
 */
final class ChunkScorer {

  /** The outcome of one chunk. Line numbers in {@code errorLines} count from the chunk's first line (0). */
  record ScoredChunk(
      byte[] output,
      int outputLength,
      int lines,
      int scored,
      int rejected,
      int[] errorLines,
      String[] errorMessages,
      int outputBeforeFirstError) {}

  private static final Indicator[] ANTHRO = {
    Indicator.LENGTH_HEIGHT_FOR_AGE, Indicator.WEIGHT_FOR_AGE, Indicator.WEIGHT_FOR_LENGTH_HEIGHT,
    Indicator.BMI_FOR_AGE, Indicator.HEAD_CIRCUMFERENCE_FOR_AGE, Indicator.ARM_CIRCUMFERENCE_FOR_AGE,
    Indicator.TRICEPS_SKINFOLD_FOR_AGE, Indicator.SUBSCAPULAR_SKINFOLD_FOR_AGE, Indicator.HEIGHT_FOR_AGE_2007,
    Indicator.WEIGHT_FOR_AGE_2007, Indicator.BMI_FOR_AGE_2007
  };

  private final GrowthStandards standards;
  private final AnthroColumns columns;
  private final int[] starts;
  private final int[] ends;
  private final ScoreSheet sheet = new ScoreSheet();
  private String error;

  ChunkScorer(GrowthStandards standards, AnthroColumns columns) {
    this.standards = standards;
    this.columns = columns;
    this.starts = new int[columns.count()];
    this.ends = new int[columns.count()];
  }

  /** Scores the records in {@code buf[from, to)}; the range holds whole records only. */
  ScoredChunk score(byte[] buf, int from, int to) {
    return score(buf, from, to, null);
  }

  /**
   * Scores the records in {@code buf[from, to)} into {@code reuse} (grown if needed), or into a new buffer when
   * {@code reuse} is null.
   */
  ScoredChunk score(byte[] buf, int from, int to, byte[] reuse) {
    int capacity = Math.max(1024, (to - from) * 2 + (to - from) / 2);
    ByteSink out = reuse != null && reuse.length >= capacity ? new ByteSink(reuse) : new ByteSink(capacity);
    List<Integer> errorLines = new ArrayList<>();
    List<String> errorMessages = new ArrayList<>();
    int firstErrorAt = -1;
    int line = 0;
    int scored = 0;
    int rejected = 0;
    int p = from;
    int fieldCount = columns.count();
    while (p < to) {
      int recordStart = p;
      int recordLine = line;
      int f = 0;
      // Split one record into fields; quoted fields may span lines.
      while (true) {
        int fieldStart = p;
        if (p < to && buf[p] == '"') {
          p++;
          while (p < to) {
            byte b = buf[p];
            if (b == '"') {
              if (p + 1 < to && buf[p + 1] == '"') {
                p += 2;
                continue;
              }
              p++;
              break;
            }
            if (b == '\n') {
              line++;
            }
            p++;
          }
        }
        while (p < to && buf[p] != ',' && buf[p] != '\n') {
          p++;
        }
        if (f < fieldCount) {
          starts[f] = fieldStart;
          ends[f] = p;
        }
        f++;
        if (p >= to || buf[p] == '\n') {
          break;
        }
        p++; // the comma
      }
      int recordEnd = p;
      if (p < to) {
        p++; // the line feed
        line++;
      }
      int contentEnd = recordEnd > recordStart && buf[recordEnd - 1] == '\r' ? recordEnd - 1 : recordEnd;
      if (f <= fieldCount && ends[f - 1] > contentEnd) {
        ends[f - 1] = contentEnd; // the CR of a CR LF line end is not part of the last field
      }
      if (contentEnd == recordStart) {
        continue; // blank line
      }
      if (f != fieldCount) {
        error = "expected " + fieldCount + " fields as in the header, found " + f;
      } else {
        error = null;
        scoreRecord(buf);
      }
      if (error != null) {
        rejected++;
        if (firstErrorAt < 0) {
          firstErrorAt = out.length;
        }
        errorLines.add(recordLine);
        errorMessages.add(error);
        continue;
      }
      scored++;
      int recordLength = contentEnd - recordStart;
      out.ensure(recordLength + ADDED_MAX);
      byte[] o = out.bytes;
      System.arraycopy(buf, recordStart, o, out.length, recordLength);
      out.length = writeResult(o, out.length + recordLength);
    }
    int[] lines = errorLines.stream().mapToInt(Integer::intValue).toArray();
    return new ScoredChunk(out.bytes, out.length, line, scored, rejected, lines,
        errorMessages.toArray(String[]::new), firstErrorAt);
  }

  private void scoreRecord(byte[] buf) {
    AnthroColumns c = columns;
    int sex = sex(buf, c.sex());
    double ageDays = Double.NaN;
    double ageMonths = Double.NaN;
    double days = c.ageDays() >= 0 ? number(buf, c.ageDays()) : Double.NaN;
    if (!Double.isNaN(days)) {
      if (days < 0) {
        fail(buf, c.ageDays(), "an age of 0 days or more");
      }
      ageDays = days;
      ageMonths = days / Age.DAYS_PER_MONTH;
    } else if (c.ageMonths() >= 0) {
      double months = number(buf, c.ageMonths());
      if (months < 0) {
        fail(buf, c.ageMonths(), "an age of 0 months or more");
      }
      if (!Double.isNaN(months)) {
        ageDays = months * Age.DAYS_PER_MONTH;
        ageMonths = months;
      }
    }
    double weight = c.weight() >= 0 ? number(buf, c.weight()) : Double.NaN;
    double lenhei = c.lenhei() >= 0 ? number(buf, c.lenhei()) : Double.NaN;
    char measure = c.measure() >= 0 ? measure(buf, c.measure()) : 0;
    double headc = c.headc() >= 0 ? number(buf, c.headc()) : Double.NaN;
    double armc = c.armc() >= 0 ? number(buf, c.armc()) : Double.NaN;
    double triskin = c.triskin() >= 0 ? number(buf, c.triskin()) : Double.NaN;
    double subskin = c.subskin() >= 0 ? number(buf, c.subskin()) : Double.NaN;
    boolean oedema = c.oedema() >= 0 && oedema(buf, c.oedema());
    if (error == null) {
      standards.score(sex, ageDays, ageMonths, weight, lenhei, measure, headc, armc, triskin, subskin, oedema, sheet);
    }
  }

  // The added columns never take more: 26 fields of at most 32 bytes, their commas and the line feed.
  private static final int ADDED_MAX = 27 * (AsciiNumbers.MAX_NUMBER + 1);

  /** Writes the added columns at {@code p}, which has {@link #ADDED_MAX} bytes free; returns the new end. */
  private int writeResult(byte[] b, int p) {
    ScoreSheet s = sheet;
    b[p++] = ',';
    p = AsciiNumbers.writeSignificant(s.lengthHeightCm(), b, p);
    b[p++] = ',';
    if (s.position() != 0) {
      b[p++] = (byte) s.position();
    }
    b[p++] = ',';
    b[p++] = (byte) (s.implausiblePosition() ? '1' : '0');
    b[p++] = ',';
    p = AsciiNumbers.writeSignificant(s.bmi(), b, p);
    for (Indicator indicator : ANTHRO) {
      int k = s.hundredths(indicator);
      b[p++] = ',';
      if (k == ScoreSheet.MISSING) {
        b[p++] = ',';
        continue;
      }
      p = k == ScoreSheet.NOT_HUNDREDTHS
          ? AsciiNumbers.writeSignificant(s.z(indicator), b, p)
          : AsciiNumbers.writeHundredths(k, b, p);
      b[p++] = ',';
      b[p++] = (byte) (s.flagged(indicator) ? '1' : '0');
    }
    b[p++] = '\n';
    return p;
  }

  // --- field readers: trimmed, unquoted; "", NA and (for numbers) NaN are missing, as in R's read.csv ---

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

  private double number(byte[] buf, int f) {
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

  private int sex(byte[] buf, int f) {
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

  private char measure(byte[] buf, int f) {
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

  private boolean oedema(byte[] buf, int f) {
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

  private void fail(byte[] buf, int f, String expected) {
    if (error != null) {
      return; // one line per bad row: the first problem found
    }
    String got = new String(buf, starts[f], Math.min(ends[f] - starts[f], 40), StandardCharsets.UTF_8);
    error = AnthroColumns.name(columns, f) + ": expected " + expected + ", got '" + got + "'";
  }
}
