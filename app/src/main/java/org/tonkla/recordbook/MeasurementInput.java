package org.tonkla.recordbook;

import java.time.LocalDate;
import org.tonkla.platform.Validation;

/**
 * A measurement as entered. {@code position} is {@code L} (lying) or {@code H} (standing); when
 * blank, the WHO convention applies: lying under 24 months, standing from 24 months.
 *
 * @param confirmImplausible the user checked a flagged value and says it is right
 */
public record MeasurementInput(LocalDate measuredOn, Double weightKg, Double lengthCm, String position, Double headCm,
        Double armCm, boolean oedema, boolean confirmImplausible) {

    // What a scale or tape can read on a young child; beyond is a typing error, not a finding. The
    // columns' CHECK constraints hold the same outer limits.
    public static final double MIN_WEIGHT_KG = 0.2, MAX_WEIGHT_KG = 150;
    public static final double MIN_LENGTH_CM = 30, MAX_LENGTH_CM = 220;
    public static final double MIN_HEAD_CM = 20, MAX_HEAD_CM = 70;
    public static final double MIN_ARM_CM = 5, MAX_ARM_CM = 40;

    /** Records every bad field of this input for a child born on {@code dateOfBirth}. */
    public Validation validate(Validation v, LocalDate dateOfBirth, LocalDate today) {
        return v.date("measuredOn", measuredOn, dateOfBirth, today)
                .check(weightKg != null || lengthCm != null || headCm != null || armCm != null, "weightKg",
                        "at least one of weightKg, lengthCm, headCm, armCm")
                .number("weightKg", weightKg, MIN_WEIGHT_KG, MAX_WEIGHT_KG, "kg")
                .number("lengthCm", lengthCm, MIN_LENGTH_CM, MAX_LENGTH_CM, "cm")
                .number("headCm", headCm, MIN_HEAD_CM, MAX_HEAD_CM, "cm")
                .number("armCm", armCm, MIN_ARM_CM, MAX_ARM_CM, "cm")
                .check(position == null || position.matches("[LH]"), "position", "L (lying) or H (standing)");
    }
}
