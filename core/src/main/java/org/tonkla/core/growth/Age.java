package org.tonkla.core.growth;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A child's age at measurement, kept both in days and in months exactly as WHO anthro derives them.
 *
 * <p>WHO software converts with 30.4375 days per month. When the age is given in days, the months are {@code
 * days / 30.4375}; when it is given in months, the days are {@code months × 30.4375}. Neither value is rounded
 * here: the growth tables round days half up to a whole day, while the 60-month and 9-month limits use the
 * unrounded months. Keeping both values as given avoids a round trip that could move an age across a limit.
 *
 * @param days age in days, possibly fractional, never negative
 * @param months age in months, possibly fractional, never negative
 * @see <a href="https://github.com/WorldHealthOrganization/anthro/blob/master/R/utils.R">WHO anthro {@code
 *     age_to_days}, {@code age_to_months}</a>
 */
public record Age(double days, double months) {

  /** Days per month used by all WHO growth software (365.25 / 12). */
  public static final double DAYS_PER_MONTH = 30.4375;

  public Age {
    if (!(days >= 0) || !(months >= 0) || Double.isInfinite(days) || Double.isInfinite(months)) {
      throw new IllegalArgumentException("age must be a finite number >= 0, was " + days + " days");
    }
  }

  /**
   * An age given in days.
   *
   * @throws IllegalArgumentException if {@code days} is negative, infinite or NaN
   */
  public static Age ofDays(double days) {
    return new Age(days, days / DAYS_PER_MONTH);
  }

  /**
   * An age given in months, for example from a survey that recorded months with decimals.
   *
   * @throws IllegalArgumentException if {@code months} is negative, infinite or NaN
   */
  public static Age ofMonths(double months) {
    return new Age(months * DAYS_PER_MONTH, months);
  }

  /**
   * The age in exact days between a date of birth and a date of measurement.
   *
   * @throws IllegalArgumentException if the measurement is before the birth
   */
  public static Age between(LocalDate birth, LocalDate measured) {
    long days = ChronoUnit.DAYS.between(birth, measured);
    if (days < 0) {
      throw new IllegalArgumentException("measured on " + measured + ", before birth on " + birth);
    }
    return ofDays(days);
  }

  /**
   * The day used as the key of the WHO 2006 tables: days rounded half up ({@code 730.5} becomes 731).
   *
   * @see <a href="https://github.com/WorldHealthOrganization/anthro/blob/master/R/utils.R">{@code round_up}</a>
   */
  public int completedDays() {
    return GrowthStandards.roundHalfUp(days);
  }
}
