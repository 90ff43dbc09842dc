package org.tonkla.recordbook;

import java.time.LocalDate;

/**
 * A measurement as entered. {@code position} is {@code L} (lying) or {@code H} (standing); when
 * blank, the WHO convention applies: lying under 24 months, standing from 24 months.
 *
 * @param confirmImplausible the user checked a flagged value and says it is right
 */
public record MeasurementInput(LocalDate measuredOn, Double weightKg, Double lengthCm, String position, Double headCm,
        Double armCm, boolean oedema, boolean confirmImplausible) {}
