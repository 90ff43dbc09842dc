package org.tonkla.core.growth;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * WHO nutritional-status categories derived from z-scores, each with its one-line rule and its source.
 *
 * <p>Flagged (biologically implausible) z-scores are never classified, as in WHO anthro's prevalence estimates.
 * A child with bilateral oedema has no weight-based z-score; following WHO anthro, oedema counts as severe
 * wasting and severe underweight, and it is one of the criteria of severe acute malnutrition.
 *
 * <p>Thai Department of Health labels (e.g. the ±1.5 SD bands of its growth charts) are not included: no
 * citable copy of their cut-offs was available when this was written.
 */
public enum NutritionalStatus {
  SEVERE_STUNTING("length/height-for-age z < -3 (0-59 months), or 2007 height-for-age z < -3", Sources.UNICEF_WHO_2019),
  MODERATE_STUNTING("-3 <= length/height-for-age z < -2 (or 2007 height-for-age)", Sources.UNICEF_WHO_2019),
  SEVERE_WASTING("weight-for-length/height z < -3, or bilateral oedema (0-59 months)", Sources.UNICEF_WHO_2019),
  MODERATE_WASTING("-3 <= weight-for-length/height z < -2 (0-59 months)", Sources.UNICEF_WHO_2019),
  SEVERE_UNDERWEIGHT("weight-for-age z < -3, or bilateral oedema (0-59 months; 2007 reference to 120 months)",
      Sources.UNICEF_WHO_2019),
  MODERATE_UNDERWEIGHT("-3 <= weight-for-age z < -2 (0-59 months; 2007 reference to 120 months)", Sources.UNICEF_WHO_2019),
  OVERWEIGHT("2 < weight-for-length/height z <= 3 (0-59 months); 1 < BMI-for-age z <= 2 (5-19 years)",
      Sources.UNICEF_WHO_2019 + "; " + Sources.DE_ONIS_2007),
  OBESITY("weight-for-length/height z > 3 (0-59 months); BMI-for-age z > 2 (5-19 years)",
      Sources.UNICEF_WHO_2019 + "; " + Sources.DE_ONIS_2007),
  THINNESS("-3 <= BMI-for-age z < -2 (5-19 years)", Sources.DE_ONIS_2007),
  SEVERE_THINNESS("BMI-for-age z < -3 (5-19 years)", Sources.DE_ONIS_2007),
  SEVERE_ACUTE_MALNUTRITION(
      "under 60 months: weight-for-length/height z < -3, or MUAC < 11.5 cm (6-59 months), or bilateral oedema",
      Sources.WHO_SAM_2013);

  private final String rule;
  private final String source;

  NutritionalStatus(String rule, String source) {
    this.rule = rule;
    this.source = source;
  }

  /** The rule in one line. */
  public String rule() {
    return rule;
  }

  /** The publication that defines the rule. */
  public String source() {
    return source;
  }

  static Set<NutritionalStatus> classify(Measurement child, Map<Indicator, ZScore> scores) {
    Set<NutritionalStatus> status = EnumSet.noneOf(NutritionalStatus.class);
    Age age = child.age();
    boolean underFive = age != null && age.months() < 60;
    double haz = usable(scores, underFive ? Indicator.LENGTH_HEIGHT_FOR_AGE : Indicator.HEIGHT_FOR_AGE_2007);
    if (haz < -3) {
      status.add(SEVERE_STUNTING);
    } else if (haz < -2) {
      status.add(MODERATE_STUNTING);
    }
    double waz = usable(scores, underFive ? Indicator.WEIGHT_FOR_AGE : Indicator.WEIGHT_FOR_AGE_2007);
    boolean oedemaUnderFive = child.oedema() && (age == null || underFive);
    if (waz < -3 || (child.oedema() && age != null && age.months() <= 120)) {
      status.add(SEVERE_UNDERWEIGHT);
    } else if (waz < -2) {
      status.add(MODERATE_UNDERWEIGHT);
    }
    if (age == null || underFive) {
      double whz = usable(scores, Indicator.WEIGHT_FOR_LENGTH_HEIGHT);
      if (whz < -3 || oedemaUnderFive) {
        status.add(SEVERE_WASTING);
      } else if (whz < -2) {
        status.add(MODERATE_WASTING);
      }
      if (whz > 3) {
        status.add(OBESITY);
      } else if (whz > 2) {
        status.add(OVERWEIGHT);
      }
      boolean muacSevere = age != null && age.months() >= 6 && child.armCircumferenceCm() < 11.5;
      if (whz < -3 || muacSevere || oedemaUnderFive) {
        status.add(SEVERE_ACUTE_MALNUTRITION);
      }
    } else {
      double baz = usable(scores, Indicator.BMI_FOR_AGE_2007);
      if (baz > 2) {
        status.add(OBESITY);
      } else if (baz > 1) {
        status.add(OVERWEIGHT);
      } else if (baz < -3) {
        status.add(SEVERE_THINNESS);
      } else if (baz < -2) {
        status.add(THINNESS);
      }
    }
    return status;
  }

  /** The z-score if present and plausible, NaN otherwise (NaN compares false with every cut-off). */
  private static double usable(Map<Indicator, ZScore> scores, Indicator indicator) {
    ZScore z = scores.get(indicator);
    return z == null || z.flagged() ? Double.NaN : z.value();
  }

  /** Full citations, kept apart so the enum constants can name them. */
  private static final class Sources {
    static final String UNICEF_WHO_2019 =
        "WHO & UNICEF (2019), Recommendations for data collection, analysis and reporting on anthropometric"
            + " indicators in children under 5 years old, table 3";
    static final String DE_ONIS_2007 =
        "de Onis M. et al. (2007), Development of a WHO growth reference for school-aged children and adolescents,"
            + " Bull WHO 85:660-667; WHO BMI-for-age 5-19 years interpretation";
    static final String WHO_SAM_2013 =
        "WHO (2013), Guideline: updates on the management of severe acute malnutrition in infants and children,"
            + " recommendation 1; WHO & UNICEF (2009) joint statement";
  }
}
