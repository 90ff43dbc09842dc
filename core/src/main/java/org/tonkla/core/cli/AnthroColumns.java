package org.tonkla.core.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where WHO anthro's input columns sit in a CSV header, and the columns the {@code zscore} command adds.
 *
 * <p>Input names follow {@code anthro_zscores}' arguments: {@code sex}, {@code age_days} or {@code age_months},
 * {@code weight} (kg), {@code lenhei} (cm), {@code measure}, {@code headc}, {@code armc} (cm), {@code triskin},
 * {@code subskin} (mm), {@code oedema}. Names are matched without regard to case or surrounding spaces; every
 * other column is copied through.
 */
record AnthroColumns(
    int count,
    int sex,
    int ageDays,
    int ageMonths,
    int weight,
    int lenhei,
    int measure,
    int headc,
    int armc,
    int triskin,
    int subskin,
    int oedema) {

  /** Added after the input columns: anthro's for under-fives, then anthroplus's for 5–19 years. */
  static final String ADDED =
      "clenhei,cmeasure,c9mo_flag,cbmi,zlen,flen,zwei,fwei,zwfl,fwfl,zbmi,fbmi,zhc,fhc,zac,fac,zts,fts,zss,fss,"
          + "zhfa,fhfa,zwfa,fwfa,zbfa,fbfa";

  /** Human-readable names of the columns, for error messages. */
  static String name(AnthroColumns c, int index) {
    if (index == c.sex) return "sex";
    if (index == c.ageDays) return "age_days";
    if (index == c.ageMonths) return "age_months";
    if (index == c.weight) return "weight";
    if (index == c.lenhei) return "lenhei";
    if (index == c.measure) return "measure";
    if (index == c.headc) return "headc";
    if (index == c.armc) return "armc";
    if (index == c.triskin) return "triskin";
    if (index == c.subskin) return "subskin";
    if (index == c.oedema) return "oedema";
    return "column " + (index + 1);
  }

  /**
   * Reads the header record {@code text[from, to)} (without its line end).
   *
   * @throws IllegalArgumentException if there is no {@code sex} column or a column name appears twice
   */
  static AnthroColumns parse(byte[] text, int from, int to) {
    List<String> names = new ArrayList<>();
    int p = from;
    if (to - from >= 3 && (text[p] & 0xff) == 0xEF && (text[p + 1] & 0xff) == 0xBB && (text[p + 2] & 0xff) == 0xBF) {
      p += 3; // UTF-8 byte order mark, as Excel writes it
    }
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (; p <= to; p++) {
      if (p == to) {
        names.add(field.toString());
        break;
      }
      char c = (char) (text[p] & 0xff);
      if (quoted) {
        if (c == '"') {
          if (p + 1 < to && text[p + 1] == '"') {
            field.append('"');
            p++;
          } else {
            quoted = false;
          }
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        names.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    int[] index = new int[11];
    java.util.Arrays.fill(index, -1);
    String[] known = {"sex", "age_days", "age_months", "weight", "lenhei", "measure", "headc", "armc", "triskin",
        "subskin", "oedema"};
    for (int i = 0; i < names.size(); i++) {
      String name = new String(names.get(i).getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8)
          .strip().toLowerCase(Locale.ROOT);
      for (int k = 0; k < known.length; k++) {
        if (name.equals(known[k])) {
          if (index[k] >= 0) {
            throw new IllegalArgumentException("the header has two '" + known[k] + "' columns");
          }
          index[k] = i;
        }
      }
    }
    if (index[0] < 0) {
      throw new IllegalArgumentException("the header has no 'sex' column (expected WHO anthro names: sex, "
          + "age_days or age_months, weight, lenhei, measure, headc, armc, triskin, subskin, oedema)");
    }
    return new AnthroColumns(names.size(), index[0], index[1], index[2], index[3], index[4], index[5], index[6],
        index[7], index[8], index[9], index[10]);
  }
}
