package org.tonkla.core.growth;

/**
 * One visit's anthropometric measurements of a child, the input of {@link GrowthStandards#assess}.
 *
 * <p>Missing numbers are {@code NaN}; a missing sex, age or position is {@code null}. Build one with {@link
 * #of(Sex, Age)} and the {@code with…} methods:
 *
 * <pre>{@code
 * Measurement.of(Sex.FEMALE, Age.between(birth, visit)).withWeight(9.2).withLengthHeight(74.5, BodyPosition.RECUMBENT)
 * }</pre>
 *
 * @param sex the child's sex; {@code null} if unknown (then nothing is scored)
 * @param age age at measurement; {@code null} if unknown (then only weight-for-length/height is scored)
 * @param weightKg weight in kilograms
 * @param lengthHeightCm recumbent length or standing height in centimetres, as measured
 * @param position how {@code lengthHeightCm} was measured; {@code null} if not recorded
 * @param headCircumferenceCm head circumference in centimetres
 * @param armCircumferenceCm mid-upper arm circumference (MUAC) in centimetres
 * @param tricepsSkinfoldMm triceps skinfold in millimetres
 * @param subscapularSkinfoldMm subscapular skinfold in millimetres
 * @param oedema whether bilateral pitting oedema was found
 */
public record Measurement(
    Sex sex,
    Age age,
    double weightKg,
    double lengthHeightCm,
    BodyPosition position,
    double headCircumferenceCm,
    double armCircumferenceCm,
    double tricepsSkinfoldMm,
    double subscapularSkinfoldMm,
    boolean oedema) {

  /** A child of the given sex and age with nothing measured yet. */
  public static Measurement of(Sex sex, Age age) {
    double nan = Double.NaN;
    return new Measurement(sex, age, nan, nan, null, nan, nan, nan, nan, false);
  }

  public Measurement withWeight(double kg) {
    return new Measurement(sex, age, kg, lengthHeightCm, position, headCircumferenceCm, armCircumferenceCm,
        tricepsSkinfoldMm, subscapularSkinfoldMm, oedema);
  }

  /** Length or height in cm and how it was measured ({@code null} position if not recorded). */
  public Measurement withLengthHeight(double cm, BodyPosition measuredAs) {
    return new Measurement(sex, age, weightKg, cm, measuredAs, headCircumferenceCm, armCircumferenceCm,
        tricepsSkinfoldMm, subscapularSkinfoldMm, oedema);
  }

  public Measurement withHeadCircumference(double cm) {
    return new Measurement(sex, age, weightKg, lengthHeightCm, position, cm, armCircumferenceCm, tricepsSkinfoldMm,
        subscapularSkinfoldMm, oedema);
  }

  public Measurement withArmCircumference(double cm) {
    return new Measurement(sex, age, weightKg, lengthHeightCm, position, headCircumferenceCm, cm, tricepsSkinfoldMm,
        subscapularSkinfoldMm, oedema);
  }

  public Measurement withSkinfolds(double tricepsMm, double subscapularMm) {
    return new Measurement(sex, age, weightKg, lengthHeightCm, position, headCircumferenceCm, armCircumferenceCm,
        tricepsMm, subscapularMm, oedema);
  }

  public Measurement withOedema(boolean present) {
    return new Measurement(sex, age, weightKg, lengthHeightCm, position, headCircumferenceCm, armCircumferenceCm,
        tricepsSkinfoldMm, subscapularSkinfoldMm, present);
  }
}
