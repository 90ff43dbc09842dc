package org.tonkla.core.growth;

import java.util.EnumMap;
import java.util.Map;

/**
 * The WHO Child Growth Standards (2006) and WHO Growth Reference (2007), loaded once, scoring children exactly as
 * WHO's own R packages {@code anthro} ({@code anthro_zscores}) and {@code anthroplus} ({@code
 * anthroplus_zscores}) do.
 *
 * <p>Obtain the shared instance with {@link #load()}; it is immutable and thread-safe. Use {@link
 * #assess(Measurement)} for one child, or {@link #score} with a reusable {@link ScoreSheet} for bulk work.
 *
 * <p>The rules, from WHO anthro {@code R/z-score*.R} and anthroplus {@code R/zscores.R} (summarised in {@code
 * who/PROVENANCE.md} §2):
 *
 * <ul>
 *   <li>Age keys the 2006 tables by day, rounded half up; z-scores of the 2006 standards exist only for age in
 *       months (unrounded) below 60, and the tables end at day 1826. Arm circumference and skinfolds start at day
 *       91.
 *   <li>A standing measurement under 9 months is discarded as implausible (no 0.7 cm correction); otherwise
 *       standing before day 731 adds 0.7 cm and lying from day 731 subtracts 0.7 cm.
 *   <li>Weight-for-length is used before day 731, weight-for-height from day 731; with no age, the stated position
 *       decides, then length &lt; 87 cm. Between the 0.1 cm rows L, M and S are interpolated linearly. Length
 *       must be 45–110 cm, height 65–120 cm.
 *   <li>Oedema removes weight-for-age, weight-for-length/height and BMI-for-age (and their 2007 counterparts).
 *   <li>A measurement ≤ 0 gives no age-based 2006 z-score.
 *   <li>The 2007 reference interpolates between whole months; height- and BMI-for-age cover 60–228 months,
 *       weight-for-age 60–120 months, limits inclusive. It uses the height as given, with no 0.7 cm correction.
 *   <li>z-scores are rounded to two decimals ({@link ZScore#round2}) before they are flagged.
 * </ul>
 *
 * @see <a href="https://github.com/WorldHealthOrganization/anthro">WHO anthro</a>
 * @see <a href="https://github.com/WorldHealthOrganization/anthroplus">WHO anthroplus</a>
 */
public final class GrowthStandards {

  /** The last day of age (inclusive) for which anthro accepts a 2006 z-score; its tables end earlier, at 1826. */
  static final int LAST_DAY = 1856;

  private static final int WFL = Indicator.WEIGHT_FOR_LENGTH_HEIGHT.ordinal();
  private static final int LEN = Indicator.LENGTH_HEIGHT_FOR_AGE.ordinal();
  private static final int WEI = Indicator.WEIGHT_FOR_AGE.ordinal();
  private static final int BMI = Indicator.BMI_FOR_AGE.ordinal();
  private static final int HC = Indicator.HEAD_CIRCUMFERENCE_FOR_AGE.ordinal();
  private static final int AC = Indicator.ARM_CIRCUMFERENCE_FOR_AGE.ordinal();
  private static final int TS = Indicator.TRICEPS_SKINFOLD_FOR_AGE.ordinal();
  private static final int SS = Indicator.SUBSCAPULAR_SKINFOLD_FOR_AGE.ordinal();
  private static final int HFA = Indicator.HEIGHT_FOR_AGE_2007.ordinal();
  private static final int WFA = Indicator.WEIGHT_FOR_AGE_2007.ordinal();
  private static final int BFA = Indicator.BMI_FOR_AGE_2007.ordinal();

  private final LmsTable weightForAge;
  private final LmsTable lengthForAge;
  private final LmsTable bmiForAge;
  private final LmsTable headForAge;
  private final LmsTable armForAge;
  private final LmsTable tricepsForAge;
  private final LmsTable subscapularForAge;
  private final LmsTable weightForLength;
  private final LmsTable weightForHeight;
  private final LmsTable heightForAge2007;
  private final LmsTable weightForAge2007;
  private final LmsTable bmiForAge2007;

  private GrowthStandards() {
    weightForAge = LmsTable.load("who2006_weight_for_age_0_5y_by_day.csv", 1);
    lengthForAge = LmsTable.load("who2006_length_height_for_age_0_5y_by_day.csv", 1);
    bmiForAge = LmsTable.load("who2006_bmi_for_age_0_5y_by_day.csv", 1);
    headForAge = LmsTable.load("who2006_head_circumference_for_age_0_5y_by_day.csv", 1);
    armForAge = LmsTable.load("who2006_arm_circumference_for_age_3m_5y_by_day.csv", 1);
    tricepsForAge = LmsTable.load("who2006_triceps_skinfold_for_age_3m_5y_by_day.csv", 1);
    subscapularForAge = LmsTable.load("who2006_subscapular_skinfold_for_age_3m_5y_by_day.csv", 1);
    weightForLength = LmsTable.load("who2006_weight_for_length_45_110cm.csv", 10);
    weightForHeight = LmsTable.load("who2006_weight_for_height_65_120cm.csv", 10);
    heightForAge2007 = LmsTable.load("who2007_height_for_age_5_19y_by_month.csv", 1);
    weightForAge2007 = LmsTable.load("who2007_weight_for_age_5_10y_by_month.csv", 1);
    bmiForAge2007 = LmsTable.load("who2007_bmi_for_age_5_19y_by_month.csv", 1);
  }

  private static final class Holder {
    static final GrowthStandards INSTANCE = new GrowthStandards();
  }

  /**
   * The WHO tables, parsed from the resources on first use and shared afterwards.
   *
   * @throws IllegalStateException if a table resource is missing or malformed (a packaging error)
   */
  public static GrowthStandards load() {
    return Holder.INSTANCE;
  }

  /**
   * Scores one child on every indicator the WHO standards and reference define for the age, and classifies the
   * nutritional status.
   *
   * <p>Missing measurements (NaN, or {@code null} sex, age or position) give missing z-scores, never an exception.
   *
   * @see NutritionalStatus
   */
  public GrowthAssessment assess(Measurement child) {
    ScoreSheet sheet = new ScoreSheet();
    Age age = child.age();
    score(
        child.sex() == null ? 0 : child.sex().code(),
        age == null ? Double.NaN : age.days(),
        age == null ? Double.NaN : age.months(),
        child.weightKg(),
        child.lengthHeightCm(),
        child.position() == null ? 0 : child.position().code(),
        child.headCircumferenceCm(),
        child.armCircumferenceCm(),
        child.tricepsSkinfoldMm(),
        child.subscapularSkinfoldMm(),
        child.oedema(),
        sheet);
    Map<Indicator, ZScore> scores = new EnumMap<>(Indicator.class);
    for (Indicator indicator : Indicator.values()) {
      double z = sheet.z(indicator);
      if (!Double.isNaN(z)) {
        scores.put(indicator, new ZScore(indicator, z, indicator.implausible(z)));
      }
    }
    BodyPosition position =
        switch (sheet.position()) {
          case 'l' -> BodyPosition.RECUMBENT;
          case 'h' -> BodyPosition.STANDING;
          default -> null;
        };
    return new GrowthAssessment(
        sheet.lengthHeightCm(),
        position,
        sheet.implausiblePosition(),
        sheet.bmi(),
        scores,
        NutritionalStatus.classify(child, scores));
  }

  /**
   * Scores one child into {@code out}, allocating nothing: the bulk path behind {@link #assess}.
   *
   * @param sex 1 for male, 2 for female, anything else for unknown (no z-scores)
   * @param ageDays age in days, unrounded ({@code months × 30.4375} when the age was recorded in months); NaN if
   *     unknown. Must not be negative.
   * @param ageMonths age in months, unrounded ({@code days / 30.4375} when recorded in days); NaN if unknown
   * @param weightKg weight in kg, NaN if missing
   * @param lengthHeightCm length or height in cm as measured, NaN if missing
   * @param position {@code 'l'} lying, {@code 'h'} standing, anything else for unknown
   * @param headCm head circumference in cm, NaN if missing
   * @param armCm mid-upper arm circumference in cm, NaN if missing
   * @param tricepsMm triceps skinfold in mm, NaN if missing
   * @param subscapularMm subscapular skinfold in mm, NaN if missing
   * @param oedema whether bilateral pitting oedema is present
   * @param out the sheet to overwrite
   */
  public void score(
      int sex,
      double ageDays,
      double ageMonths,
      double weightKg,
      double lengthHeightCm,
      char position,
      double headCm,
      double armCm,
      double tricepsMm,
      double subscapularMm,
      boolean oedema,
      ScoreSheet out) {
    double[] z = out.z;
    int s = sex == 1 || sex == 2 ? sex - 1 : -1;
    boolean ageKnown = !Double.isNaN(ageDays);
    int day = ageKnown ? roundHalfUp(ageDays) : -1;
    double months = ageMonths;

    char measure = position == 'l' || position == 'h' ? position : 0;
    boolean implausiblePosition = measure == 'h' && ageKnown && months < 9;
    if (implausiblePosition) {
      measure = 0;
    }
    double lenhei = lengthHeightCm;
    if (ageKnown) {
      if (day < 731 && measure == 'h') {
        lenhei = lengthHeightCm + 0.7;
      } else if (day >= 731 && measure == 'l') {
        lenhei = lengthHeightCm - 0.7;
      }
    }
    double metres = lenhei / 100;
    double bmi = weightKg / (metres * metres);
    out.lengthHeightCm = lenhei;
    out.position = measure;
    out.implausiblePosition = implausiblePosition;
    out.bmi = bmi;

    // WHO Child Growth Standards 2006: age in (unrounded) months below 60, day 0..1856.
    boolean standards = s >= 0 && ageKnown && months < 60 && day <= LAST_DAY;
    if (standards) {
      z[LEN] = byDay(lengthForAge, s, day, lenhei, false);
      z[HC] = byDay(headForAge, s, day, headCm, false);
      z[WEI] = oedema ? Double.NaN : byDay(weightForAge, s, day, weightKg, true);
      z[BMI] = oedema ? Double.NaN : byDay(bmiForAge, s, day, bmi, true);
      boolean from91Days = day >= 91;
      z[AC] = from91Days ? byDay(armForAge, s, day, armCm, true) : Double.NaN;
      z[TS] = from91Days ? byDay(tricepsForAge, s, day, tricepsMm, true) : Double.NaN;
      z[SS] = from91Days ? byDay(subscapularForAge, s, day, subscapularMm, true) : Double.NaN;
    } else {
      z[LEN] = z[HC] = z[WEI] = z[BMI] = z[AC] = z[TS] = z[SS] = Double.NaN;
    }
    // Weight-for-length/height also works without age, as in anthro.
    boolean wflAge = !ageKnown || (months < 60 && day <= LAST_DAY);
    z[WFL] = s >= 0 && wflAge && !oedema ? weightForLengthHeight(s, ageKnown, day, measure, weightKg, lenhei) : Double.NaN;

    // WHO Growth Reference 2007 (anthroplus): 60 <= months <= 228 (120 for weight), height as given.
    if (s >= 0 && ageKnown && months >= 60 && months <= 228) {
      z[HFA] = byMonth(heightForAge2007, s, months, lengthHeightCm >= 0 ? lengthHeightCm : Double.NaN, false);
      double weight = oedema || !(weightKg >= 0) ? Double.NaN : weightKg;
      z[WFA] = months <= 120 ? byMonth(weightForAge2007, s, months, weight, true) : Double.NaN;
      double heightMetres = lengthHeightCm / 100;
      double bmi2007 = lengthHeightCm >= 0 ? weight / (heightMetres * heightMetres) : Double.NaN;
      z[BFA] = byMonth(bmiForAge2007, s, months, bmi2007, true);
    } else {
      z[HFA] = z[WFA] = z[BFA] = Double.NaN;
    }
  }

  /** Half-up rounding to a whole day, as anthro's {@code round_up}: 730.5 becomes 731. */
  static int roundHalfUp(double days) {
    if (days >= Integer.MAX_VALUE) {
      return Integer.MAX_VALUE;
    }
    double floor = Math.floor(days);
    return (int) floor + (days - floor >= 0.5 ? 1 : 0);
  }

  private static double byDay(LmsTable table, int s, int day, double y, boolean restricted) {
    // anthro: "for all indicators a measure <= 0 should result in zscores being NA".
    if (!(y > 0)) {
      return Double.NaN;
    }
    int i = table.index(day);
    if (i < 0) {
      return Double.NaN;
    }
    double l = table.l[s][i];
    double m = table.m[s][i];
    double sv = table.s[s][i];
    return ZScore.round2(restricted ? Lms.restrictedZScore(y, l, m, sv) : Lms.zScore(y, l, m, sv));
  }

  private double weightForLengthHeight(int s, boolean ageKnown, int day, char measure, double weight, double lenhei) {
    if (Double.isNaN(weight) || Double.isNaN(lenhei)) {
      return Double.NaN;
    }
    boolean length;
    if (ageKnown) {
      length = day < 731;
    } else if (measure != 0) {
      length = measure == 'l';
    } else {
      length = lenhei < 87;
    }
    LmsTable table;
    if (length) {
      if (!(lenhei >= 45 && lenhei <= 110)) {
        return Double.NaN;
      }
      table = weightForLength;
    } else {
      if (!(lenhei >= 65 && lenhei <= 120)) {
        return Double.NaN;
      }
      table = weightForHeight;
    }
    // Same arithmetic as anthro: low = trunc(x*10)/10, upp = trunc(x*10 + 1)/10, diff = (x - low)/0.1.
    double tenths = lenhei * 10;
    double lowKey = Math.floor(tenths);
    double low = lowKey / 10;
    double diff = (lenhei - low) / 0.1;
    int lo = table.index(lowKey);
    if (lo < 0) {
      return Double.NaN;
    }
    double l = table.l[s][lo];
    double m = table.m[s][lo];
    double sv = table.s[s][lo];
    if (diff > 0) {
      int up = table.index(Math.floor(tenths + 1));
      if (up < 0) {
        return Double.NaN;
      }
      m = m + diff * (table.m[s][up] - m);
      l = l + diff * (table.l[s][up] - l);
      sv = sv + diff * (table.s[s][up] - sv);
    }
    return ZScore.round2(Lms.restrictedZScore(weight, l, m, sv));
  }

  private static double byMonth(LmsTable table, int s, double months, double y, boolean restricted) {
    if (Double.isNaN(y)) {
      return Double.NaN;
    }
    double lowMonth = Math.floor(months);
    double diff = months - lowMonth;
    int lo = table.index(lowMonth);
    if (lo < 0) {
      return Double.NaN;
    }
    double l = table.l[s][lo];
    double m = table.m[s][lo];
    double sv = table.s[s][lo];
    if (diff > 0) {
      int up = table.index(Math.floor(months + 1));
      if (up < 0) {
        return Double.NaN;
      }
      m = m + diff * (table.m[s][up] - m);
      l = l + diff * (table.l[s][up] - l);
      sv = sv + diff * (table.s[s][up] - sv);
    }
    return ZScore.round2(restricted ? Lms.restrictedZScore(y, l, m, sv) : Lms.zScore(y, l, m, sv));
  }

  /**
   * The LMS parameters of a WHO 2006 age-based indicator on one day of age, for drawing the SD curves of a growth
   * chart ({@link Lms#valueAt}). Only the by-day tables of the Child Growth Standards are covered.
   *
   * @return empty for indicators that are not by day of age, or a day outside the table
   */
  public java.util.Optional<Lms> lmsOnDay(Indicator indicator, Sex sex, int day) {
    LmsTable table =
        switch (indicator) {
          case WEIGHT_FOR_AGE -> weightForAge;
          case LENGTH_HEIGHT_FOR_AGE -> lengthForAge;
          case BMI_FOR_AGE -> bmiForAge;
          case HEAD_CIRCUMFERENCE_FOR_AGE -> headForAge;
          case ARM_CIRCUMFERENCE_FOR_AGE -> armForAge;
          case TRICEPS_SKINFOLD_FOR_AGE -> tricepsForAge;
          case SUBSCAPULAR_SKINFOLD_FOR_AGE -> subscapularForAge;
          default -> null;
        };
    int i = table == null || sex == null ? -1 : table.index(day);
    if (i < 0) {
      return java.util.Optional.empty();
    }
    int s = sex.code() - 1;
    return java.util.Optional.of(new Lms(table.l[s][i], table.m[s][i], table.s[s][i]));
  }
}
