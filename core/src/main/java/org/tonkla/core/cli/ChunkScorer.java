package org.tonkla.core.cli;

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
  private final RecordFields fields;
  private final ScoreSheet sheet = new ScoreSheet();
  ChunkScorer(GrowthStandards standards, AnthroColumns columns) {
    this.standards = standards;
    this.columns = columns;
    this.fields = new RecordFields(columns);
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
          fields.starts[f] = fieldStart;
          fields.ends[f] = p;
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
      if (f <= fieldCount && fields.ends[f - 1] > contentEnd) {
        fields.ends[f - 1] = contentEnd; // the CR of a CR LF line end is not part of the last field
      }
      if (contentEnd == recordStart) {
        continue; // blank line
      }
      if (f != fieldCount) {
        fields.error = "expected " + fieldCount + " fields as in the header, found " + f;
      } else {
        fields.error = null;
        scoreRecord(buf);
      }
      if (fields.error != null) {
        rejected++;
        if (firstErrorAt < 0) {
          firstErrorAt = out.length;
        }
        errorLines.add(recordLine);
        errorMessages.add(fields.error);
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
    int sex = fields.sex(buf, c.sex());
    double ageDays = Double.NaN;
    double ageMonths = Double.NaN;
    double days = c.ageDays() >= 0 ? fields.number(buf, c.ageDays()) : Double.NaN;
    if (!Double.isNaN(days)) {
      if (days < 0) {
        fields.fail(buf, c.ageDays(), "an age of 0 days or more");
      }
      ageDays = days;
      ageMonths = days / Age.DAYS_PER_MONTH;
    } else if (c.ageMonths() >= 0) {
      double months = fields.number(buf, c.ageMonths());
      if (months < 0) {
        fields.fail(buf, c.ageMonths(), "an age of 0 months or more");
      }
      if (!Double.isNaN(months)) {
        ageDays = months * Age.DAYS_PER_MONTH;
        ageMonths = months;
      }
    }
    double weight = c.weight() >= 0 ? fields.number(buf, c.weight()) : Double.NaN;
    double lenhei = c.lenhei() >= 0 ? fields.number(buf, c.lenhei()) : Double.NaN;
    char measure = c.measure() >= 0 ? fields.measure(buf, c.measure()) : 0;
    double headc = c.headc() >= 0 ? fields.number(buf, c.headc()) : Double.NaN;
    double armc = c.armc() >= 0 ? fields.number(buf, c.armc()) : Double.NaN;
    double triskin = c.triskin() >= 0 ? fields.number(buf, c.triskin()) : Double.NaN;
    double subskin = c.subskin() >= 0 ? fields.number(buf, c.subskin()) : Double.NaN;
    boolean oedema = c.oedema() >= 0 && fields.oedema(buf, c.oedema());
    if (fields.error == null) {
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
}
