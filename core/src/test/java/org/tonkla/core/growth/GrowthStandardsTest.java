package org.tonkla.core.growth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values are the WHO's own, from the sources cited on each test; none come from this code. */
class GrowthStandardsTest {

  private static final GrowthStandards WHO = GrowthStandards.load();
  private static final double NA = Double.NaN;

  private static ScoreSheet score(int sex, double days, double weight, double lenhei, char measure) {
    ScoreSheet sheet = new ScoreSheet();
    WHO.score(sex, days, days / Age.DAYS_PER_MONTH, weight, lenhei, measure, NA, NA, NA, NA, false, sheet);
    return sheet;
  }

  private static ScoreSheet scoreMonths(int sex, double months, double weight, double lenhei, char measure, boolean oedema) {
    ScoreSheet sheet = new ScoreSheet();
    WHO.score(sex, months * Age.DAYS_PER_MONTH, months, weight, lenhei, measure, NA, NA, NA, NA, oedema, sheet);
    return sheet;
  }

  // WorldHealthOrganization/anthro tests/testthat/test-zscore-weight-for-age.R: girl, 1522 days, 17 kg -> 0.24.
  @Test
  void weightForAgeOfAnthroTestSuite() {
    ScoreSheet sheet = score(2, 1522, 17, NA, (char) 0);
    assertThat(sheet.z(Indicator.WEIGHT_FOR_AGE)).isEqualTo(0.24);
    assertThat(sheet.flagged(Indicator.WEIGHT_FOR_AGE)).isFalse();
  }

  // anthro tests/testthat/test-zscores.R: boy, 987 days, 72.86 cm lying -> zlen -6.09, flagged.
  @Test
  void lengthForAgeUsesTheCorrectedLengthAndFlagsBeyondSix() {
    ScoreSheet sheet = score(1, 987, NA, 72.86, 'l');
    assertThat(sheet.lengthHeightCm()).isEqualTo(72.86 - 0.7);
    assertThat(sheet.z(Indicator.LENGTH_HEIGHT_FOR_AGE)).isEqualTo(-6.09);
    assertThat(sheet.flagged(Indicator.LENGTH_HEIGHT_FOR_AGE)).isTrue();
  }

  // anthro tests/testthat/test-zscores.R: 8 and 9 months, 60 cm standing -> clenhei 60 and 60.7, zlen -4.81 and
  // -5.02; the 8-month standing measurement is implausible and not corrected.
  @Test
  void standingUnderNineMonthsIsDiscarded() {
    ScoreSheet eight = scoreMonths(1, 8, NA, 60, 'h', false);
    ScoreSheet nine = scoreMonths(1, 9, NA, 60, 'h', false);
    assertThat(eight.lengthHeightCm()).isEqualTo(60);
    assertThat(eight.implausiblePosition()).isTrue();
    assertThat(eight.position()).isEqualTo((char) 0);
    assertThat(eight.z(Indicator.LENGTH_HEIGHT_FOR_AGE)).isEqualTo(-4.81);
    assertThat(nine.lengthHeightCm()).isEqualTo(60.7);
    assertThat(nine.implausiblePosition()).isFalse();
    assertThat(nine.z(Indicator.LENGTH_HEIGHT_FOR_AGE)).isEqualTo(-5.02);
  }

  // anthro tests/testthat/test-zscores.R "adds adjusted lenhei": 730 and 800 days, 100 cm, h/h/l/l.
  @Test
  void theSevenMillimetreRuleSwitchesAt731Days() {
    assertThat(score(1, 730, NA, 100, 'h').lengthHeightCm()).isEqualTo(100 + 0.7);
    assertThat(score(1, 800, NA, 100, 'h').lengthHeightCm()).isEqualTo(100);
    assertThat(score(1, 730, NA, 100, 'l').lengthHeightCm()).isEqualTo(100);
    assertThat(score(1, 800, NA, 100, 'l').lengthHeightCm()).isEqualTo(100 - 0.7);
    // anthro NEWS 0.9.2: 730.5 days rounds to day 731, which is a height day.
    assertThat(score(1, 730.5, NA, 100, 'l').lengthHeightCm()).isEqualTo(100 - 0.7);
  }

  // anthro tests/testthat/test-zscores.R: girl, 24 months, 77.5 cm -> zlen -2.55 (PROVENANCE.md §3).
  @Test
  void twentyFourMonthsIsAHeightAge() {
    assertThat(scoreMonths(2, 24, NA, 77.5, (char) 0, false).z(Indicator.LENGTH_HEIGHT_FOR_AGE)).isEqualTo(-2.55);
  }

  // anthro tests: age 60 months is scored by nothing of the 2006 standards (age in months < 60 only), and
  // test-zscore-weight-for-age.R: no z-score where the tables have no row (day 1857) or weight <= 0.
  @Test
  void standardsStopBelowSixtyMonthsAndIgnoreNonPositiveMeasures() {
    ScoreSheet sixty = scoreMonths(1, 60, 18, 110, 'h', false);
    assertThat(sixty.z(Indicator.WEIGHT_FOR_AGE)).isNaN();
    assertThat(sixty.z(Indicator.LENGTH_HEIGHT_FOR_AGE)).isNaN();
    assertThat(sixty.z(Indicator.WEIGHT_FOR_LENGTH_HEIGHT)).isNaN();
    assertThat(score(1, 1826, 18, 110, 'h').z(Indicator.WEIGHT_FOR_AGE)).isNotNaN();
    assertThat(score(1, 1827, 18, 110, 'h').z(Indicator.WEIGHT_FOR_AGE)).isNaN();
    assertThat(score(1, 10, 0, NA, (char) 0).z(Indicator.WEIGHT_FOR_AGE)).isNaN();
    assertThat(score(1, 10, -1, NA, (char) 0).z(Indicator.WEIGHT_FOR_AGE)).isNaN();
    assertThat(score(0, 10, 4, 55, 'l').z(Indicator.WEIGHT_FOR_AGE)).as("no sex, no z").isNaN();
  }

  // anthroplus tests/testthat/test-zscores.R "computes correct value for age ~ 60 months".
  @Test
  void growthReference2007AtAboutSixtyMonths() {
    ScoreSheet first = scoreMonths(2, 60.32, 18.7, 113.8, (char) 0, false);
    ScoreSheet second = scoreMonths(2, 60.911701, 20.5, 113.6, (char) 0, false);
    assertThat(first.z(Indicator.WEIGHT_FOR_AGE_2007)).isEqualTo(0.21);
    assertThat(second.z(Indicator.WEIGHT_FOR_AGE_2007)).isEqualTo(0.79);
    assertThat(first.z(Indicator.BMI_FOR_AGE_2007)).isEqualTo(-0.58);
    assertThat(second.z(Indicator.BMI_FOR_AGE_2007)).isEqualTo(0.42);
    assertThat(first.z(Indicator.HEIGHT_FOR_AGE_2007)).isEqualTo(0.96);
    assertThat(second.z(Indicator.HEIGHT_FOR_AGE_2007)).isEqualTo(0.85);
  }

  // anthroplus tests/testthat/test-zscores.R "age upper bounds are inclusive", "< 60 months results in all NA",
  // "oedema = y implies NA for weight-for-age and bmi-for-age".
  @Test
  void growthReference2007AgeLimitsAndOedema() {
    double[] ages = {120, 228, 120.1, 228.1};
    boolean[] hfaMissing = {false, false, false, true};
    boolean[] wfaMissing = {false, true, true, true};
    for (int i = 0; i < ages.length; i++) {
      ScoreSheet sheet = scoreMonths(1, ages[i], 30, 60, (char) 0, false);
      assertThat(Double.isNaN(sheet.z(Indicator.HEIGHT_FOR_AGE_2007))).isEqualTo(hfaMissing[i]);
      assertThat(Double.isNaN(sheet.z(Indicator.BMI_FOR_AGE_2007))).isEqualTo(hfaMissing[i]);
      assertThat(Double.isNaN(sheet.z(Indicator.WEIGHT_FOR_AGE_2007))).isEqualTo(wfaMissing[i]);
    }
    ScoreSheet young = scoreMonths(1, 59, 30, 60, (char) 0, false);
    assertThat(young.z(Indicator.HEIGHT_FOR_AGE_2007)).isNaN();
    assertThat(scoreMonths(1, 60, 30, 60, (char) 0, false).z(Indicator.HEIGHT_FOR_AGE_2007)).isNotNaN();
    ScoreSheet oedema = scoreMonths(1, 120, 30, 60, (char) 0, true);
    assertThat(oedema.z(Indicator.WEIGHT_FOR_AGE_2007)).isNaN();
    assertThat(oedema.z(Indicator.BMI_FOR_AGE_2007)).isNaN();
    assertThat(oedema.z(Indicator.HEIGHT_FOR_AGE_2007)).isNotNaN();
  }

  /**
   * WHO's published 2007 weight-for-age table for girls with its SD lines (wfa_girls_z_WHO2007_exp.txt, as
   * shipped by ewheeler/pygrowup pygrowup/tables/source/who/): at every month, the weight on the k-SD line scores
   * k, from -4 to +4. The ±4 SD lines are where the restricted LMS method differs from the plain formula.
   */
  @Test
  void sdLinesOfThePublished2007WeightForAgeTableScoreTheirOwnZ() throws IOException {
    List<String[]> rows = read("wfa_girls_z_WHO2007_exp.txt", "\t");
    assertThat(rows).hasSize(60);
    for (String[] row : rows) {
      double month = Double.parseDouble(row[0]);
      for (int k = -4; k <= 4; k++) {
        double weight = Double.parseDouble(row[8 + k]);
        ScoreSheet sheet = scoreMonths(2, month, weight, NA, (char) 0, false);
        assertThat(sheet.z(Indicator.WEIGHT_FOR_AGE_2007)).as("month %s, SD %d", row[0], k).isCloseTo(k, within(0.011));
      }
    }
  }

  /**
   * The WHO igrowup survey example (WHO macro output, ewheeler/pygrowup pygrowup/testdata/survey_z_st.csv): a
   * sample of 59 children covering oedema, missing values, both 0.7 cm corrections and |z| > 3 on every
   * indicator. Every one of the 324 published z-scores is reproduced exactly, flags included; children older
   * than 1826 days were scored with the old 1856-day tables and have no z-score today (anthro commit 8b30b35).
   */
  @Test
  void igrowupSurveyExample() throws IOException {
    List<String[]> rows = read("igrowup_survey_z_st_sample.csv", ",");
    Indicator[] order = {
      Indicator.WEIGHT_FOR_AGE, Indicator.LENGTH_HEIGHT_FOR_AGE, Indicator.WEIGHT_FOR_LENGTH_HEIGHT,
      Indicator.BMI_FOR_AGE, Indicator.HEAD_CIRCUMFERENCE_FOR_AGE, Indicator.ARM_CIRCUMFERENCE_FOR_AGE,
      Indicator.TRICEPS_SKINFOLD_FOR_AGE, Indicator.SUBSCAPULAR_SKINFOLD_FOR_AGE
    };
    int compared = 0;
    for (String[] r : rows) {
      double days = Double.parseDouble(r[13]);
      ScoreSheet sheet = new ScoreSheet();
      WHO.score(Integer.parseInt(r[2]), days, days / Age.DAYS_PER_MONTH, num(r[4]), num(r[5]),
          r[6].isEmpty() ? 0 : r[6].charAt(0), num(r[8]), num(r[9]), num(r[10]), num(r[11]), r[7].equals("y"), sheet);
      for (int i = 0; i < order.length; i++) {
        double expected = num(r[16 + i]);
        double actual = sheet.z(order[i]);
        String what = "child " + r[0] + " " + order[i];
        if (days > 1826 || Double.isNaN(expected)) {
          assertThat(actual).as(what).isNaN();
        } else {
          assertThat(actual).as(what).isCloseTo(expected, within(0.0000001));
          assertThat(sheet.flagged(order[i]) ? "1" : "0").as(what).isEqualTo(r[24 + i]);
          compared++;
        }
      }
    }
    assertThat(compared).isEqualTo(324);
  }

  // R's round(x, 2) (src/nmath/fround.c, R >= 4.0.0): nearest in double arithmetic, exact ties to even.
  @Test
  void roundsLikeR() {
    assertThat(ZScore.round2(2.675)).isEqualTo(2.67); // 2.675 is stored as 2.67499999...
    assertThat(ZScore.round2(0.125)).isEqualTo(0.12); // an exact tie goes to the even digit
    assertThat(ZScore.round2(0.375)).isEqualTo(0.38);
    assertThat(ZScore.round2(-0.125)).isEqualTo(-0.12);
    assertThat(ZScore.round2(-6.0949)).isEqualTo(-6.09);
    assertThat(ZScore.round2(Double.NaN)).isNaN();
    // R 4.2.2: round(4979423644546.4853516, 2) is 4979423644546.48: 100x rounds to ...648.5625, yet the distances
    // to the two candidate doubles are equal, and the even one wins.
    assertThat(ZScore.round2(4979423644546.4853516)).isEqualTo(4979423644546.48);
    // The same answers as whole hundredths, the form the scorer keeps.
    assertThat(ZScore.hundredths(2.675)).isEqualTo(267);
    assertThat(ZScore.hundredths(0.125)).isEqualTo(12);
    assertThat(ZScore.hundredths(0.375)).isEqualTo(38);
    assertThat(ZScore.hundredths(-0.125)).isEqualTo(-12);
    assertThat(ZScore.hundredths(-6.0949)).isEqualTo(-609);
    assertThat(ZScore.hundredths(Double.NaN)).isEqualTo(ZScore.NOT_HUNDREDTHS);
  }

  @Test
  void facadeAssessesFromDatesAndClassifies() {
    LocalDate birth = LocalDate.of(2024, 1, 15);
    // 987 days after birth, as in the anthro test above.
    Measurement child = Measurement.of(Sex.MALE, Age.between(birth, birth.plusDays(987)))
        .withLengthHeight(72.86, BodyPosition.RECUMBENT);
    GrowthAssessment result = WHO.assess(child);
    assertThat(result.zScore(Indicator.LENGTH_HEIGHT_FOR_AGE)).get().extracting(ZScore::value).isEqualTo(-6.09);
    // A flagged z-score is implausible and therefore not classified (WHO anthro prevalence rules).
    assertThat(result.status()).doesNotContain(NutritionalStatus.SEVERE_STUNTING);

    // anthro test-zscores.R girl of 24 months, 77.5 cm: z = -2.55 is moderate stunting (-3 <= z < -2).
    GrowthAssessment stunted = WHO.assess(Measurement.of(Sex.FEMALE, Age.ofMonths(24)).withLengthHeight(77.5, null));
    assertThat(stunted.status()).contains(NutritionalStatus.MODERATE_STUNTING);

    // WHO 2013 SAM guideline: MUAC < 11.5 cm at 6-59 months, or bilateral oedema.
    GrowthAssessment thinArm = WHO.assess(Measurement.of(Sex.FEMALE, Age.ofMonths(12)).withArmCircumference(11.4));
    assertThat(thinArm.status()).contains(NutritionalStatus.SEVERE_ACUTE_MALNUTRITION);
    GrowthAssessment oedema = WHO.assess(Measurement.of(Sex.FEMALE, Age.ofMonths(12)).withWeight(8).withOedema(true));
    assertThat(oedema.zScore(Indicator.WEIGHT_FOR_AGE)).isEmpty();
    assertThat(oedema.status()).contains(NutritionalStatus.SEVERE_ACUTE_MALNUTRITION, NutritionalStatus.SEVERE_WASTING);
  }

  // anthro R/z-score.R docs: without age, lying < 87 cm or a stated 'l' uses the weight-for-length table.
  @Test
  void weightForLengthWithoutAgeFollowsPositionThenEightySevenCentimetres() {
    ScoreSheet withAge = score(1, 400, 9, 75.25, 'l');
    ScoreSheet noAge = new ScoreSheet();
    WHO.score(1, NA, NA, 9, 75.25, (char) 0, NA, NA, NA, NA, false, noAge);
    assertThat(noAge.z(Indicator.WEIGHT_FOR_LENGTH_HEIGHT)).isEqualTo(withAge.z(Indicator.WEIGHT_FOR_LENGTH_HEIGHT));
    ScoreSheet tallNoAge = new ScoreSheet();
    WHO.score(1, NA, NA, 13, 90, (char) 0, NA, NA, NA, NA, false, tallNoAge);
    assertThat(tallNoAge.z(Indicator.WEIGHT_FOR_LENGTH_HEIGHT))
        .isEqualTo(score(1, 1000, 13, 90, 'h').z(Indicator.WEIGHT_FOR_LENGTH_HEIGHT));
    assertThat(score(1, 400, 2, 44.9, 'l').z(Indicator.WEIGHT_FOR_LENGTH_HEIGHT)).as("below 45 cm").isNaN();
  }

  private static double num(String s) {
    return s.isEmpty() ? NA : Double.parseDouble(s);
  }

  private static List<String[]> read(String resource, String separator) throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        GrowthStandardsTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
      in.readLine();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isBlank()) {
          rows.add(line.split(separator, -1));
        }
      }
    }
    return rows;
  }
}
