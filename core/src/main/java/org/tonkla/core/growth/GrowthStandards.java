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
 *   <li>z-scores are rounded to two decimals exactly as R's {@code round(z, 2)} rounds them ({@link
 *       ZScore#round2}) before they are flagged.
 * </ul>
 *
 * <p>For speed, age-keyed 2006 z-scores are first computed with multiplications by precomputed reciprocals and
 * kept only where their rounding provably equals WHO's; the few values near a rounding boundary are recomputed
 * exactly, operation for operation (see {@link LmsScoring}).
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
    boolean under60 = ageKnown && months < 60 && day <= LAST_DAY;
    if (s >= 0 && under60) {
      int[] h = out.h;
      h[LEN] = LmsScoring.plainByDay(lengthForAge, s, day, lenhei, out, LEN);
      h[HC] = LmsScoring.plainByDay(headForAge, s, day, headCm, out, HC);
      h[WEI] = oedema ? ScoreSheet.MISSING : LmsScoring.restrictedByDay(weightForAge, s, day, weightKg, out, WEI);
      h[BMI] = oedema ? ScoreSheet.MISSING : LmsScoring.restrictedByDay(bmiForAge, s, day, bmi, out, BMI);
      boolean from91Days = day >= 91;
      h[AC] = from91Days ? LmsScoring.restrictedByDay(armForAge, s, day, armCm, out, AC) : ScoreSheet.MISSING;
      h[TS] = from91Days ? LmsScoring.restrictedByDay(tricepsForAge, s, day, tricepsMm, out, TS) : ScoreSheet.MISSING;
      h[SS] = from91Days ? LmsScoring.restrictedByDay(subscapularForAge, s, day, subscapularMm, out, SS) : ScoreSheet.MISSING;
    } else {
      int[] h = out.h;
      h[LEN] = h[HC] = h[WEI] = h[BMI] = h[AC] = h[TS] = h[SS] = ScoreSheet.MISSING;
    }
    // Weight-for-length/height also works without age, as in anthro.
    boolean wfl = s >= 0 && !oedema && (!ageKnown || under60);
    out.set(WFL, wfl ? weightForLengthHeight(s, ageKnown, day, measure, weightKg, lenhei) : Double.NaN);

    // WHO Growth Reference 2007 (anthroplus): 60 <= months <= 228 (120 for weight), height as given.
    if (s >= 0 && ageKnown && months >= 60 && months <= 228) {
      out.set(HFA, LmsScoring.byMonth(heightForAge2007, s, months, lengthHeightCm >= 0 ? lengthHeightCm : Double.NaN, false));
      double weight = oedema || !(weightKg >= 0) ? Double.NaN : weightKg;
      out.set(WFA, months <= 120 ? LmsScoring.byMonth(weightForAge2007, s, months, weight, true) : Double.NaN);
      double heightMetres = lengthHeightCm / 100;
      double bmi2007 = lengthHeightCm >= 0 ? weight / (heightMetres * heightMetres) : Double.NaN;
      out.set(BFA, LmsScoring.byMonth(bmiForAge2007, s, months, bmi2007, true));
    } else {
      int[] h = out.h;
      h[HFA] = h[WFA] = h[BFA] = ScoreSheet.MISSING;
    }
  }

  /** Half-up rounding to a whole day, as anthro's {@code round_up}: 730.5 becomes 731. */
  static int roundHalfUp(double days) {
    if (days >= Integer.MAX_VALUE) {
      return Integer.MAX_VALUE;
    }
    double floor = floorOfPositive(days);
    return (int) floor + (days - floor >= 0.5 ? 1 : 0);
  }

  /**
   * {@code Math.floor(x)} for {@code 0 <= x < 2^63} by truncation, which it equals there; the {@code zscore}
   * command runs on the C1 compiler, which has no intrinsic for {@code Math.floor}. Anything else takes {@code
   * Math.floor}.
   */
  static double floorOfPositive(double x) {
    return x >= 0 && x < 9.2e18 ? (double) (long) x : Math.floor(x);
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
    double lowKey = floorOfPositive(tenths);
    double diff = (lenhei - lowKey / 10) / 0.1;
    return LmsScoring.interpolated(table, s, lowKey, tenths + 1, diff, weight, true);
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
    int at = table == null || sex == null ? -1 : table.offset(day);
    if (at < 0) {
      return java.util.Optional.empty();
    }
    double[] r = table.row[sex.code() - 1];
    return java.util.Optional.of(new Lms(r[at + LmsTable.L], r[at + LmsTable.M], r[at + LmsTable.S]));
  }
  /**
   * The LMS parameters of weight-for-length (lying, 45–110 cm) or weight-for-height (standing, 65–120 cm) at a
   * length given in tenths of a centimetre, for drawing the SD curves of a weight-for-length/height chart.
   *
   * @return empty outside the table's range
   */
  public java.util.Optional<Lms> lmsOnLength(boolean standing, Sex sex, int tenthsCm) {
    LmsTable table = standing ? weightForHeight : weightForLength;
    int at = sex == null ? -1 : table.offset(tenthsCm);
    if (at < 0) {
      return java.util.Optional.empty();
    }
    double[] r = table.row[sex.code() - 1];
    return java.util.Optional.of(new Lms(r[at + LmsTable.L], r[at + LmsTable.M], r[at + LmsTable.S]));
  }
}
