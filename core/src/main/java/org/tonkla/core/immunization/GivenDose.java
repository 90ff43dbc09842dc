package org.tonkla.core.immunization;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A vaccination the child received, as the 43-file EPI row records it.
 *
 * @param vaccineCode THCC 198 {@code VACCINETYPE}, e.g. {@code 010} for BCG
 * @param date {@code DATE_SERV}, in CE
 */
public record GivenDose(String vaccineCode, LocalDate date) {
    public GivenDose {
        Objects.requireNonNull(vaccineCode, "vaccineCode");
        Objects.requireNonNull(date, "date");
    }
}
