package org.tonkla.core.immunization;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One dose of the national schedule: which series it belongs to, the 43-file codes that record
 * it, and when it is recommended.
 *
 * @param series the antigen line, e.g. {@code DTP} (doses 1–3 given as DTP-HB-Hib, 4–5 as DTP)
 * @param dose the dose number within the series, from 1
 * @param vaccineCodes THCC 198 {@code VACCINETYPE} codes that record this dose; the first is written
 * @param labelTh the Thai name
 * @param labelEn the English name
 * @param age recommended age, from the date of birth
 * @param minIntervalDays least days after the previous dose of the series (0 if none)
 * @param requiresPriorCodes if not empty, the dose applies only when an earlier dose of the series
 *     was recorded with one of these codes (the third dose of a three-dose product)
 * @param maxAge the age after which the dose is no longer given, or {@code null}
 * @param evidence how firmly the source backs this row
 * @param note a short remark from the data file
 * @see EpiSchedule#thaiNational()
 */
public record ScheduledDose(
        String series,
        int dose,
        List<String> vaccineCodes,
        String labelTh,
        String labelEn,
        Period age,
        int minIntervalDays,
        Set<String> requiresPriorCodes,
        Period maxAge,
        Evidence evidence,
        String note) {

    public ScheduledDose {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(age, "age");
        Objects.requireNonNull(evidence, "evidence");
        if (dose < 1) throw new IllegalArgumentException("dose numbers start at 1");
        if (vaccineCodes == null || vaccineCodes.isEmpty()) throw new IllegalArgumentException("a dose needs a vaccine code");
        if (minIntervalDays < 0) throw new IllegalArgumentException("minIntervalDays must not be negative");
        vaccineCodes = List.copyOf(vaccineCodes);
        requiresPriorCodes = Set.copyOf(requiresPriorCodes == null ? Set.of() : requiresPriorCodes);
        labelTh = labelTh == null ? "" : labelTh;
        labelEn = labelEn == null ? "" : labelEn;
        note = note == null ? "" : note;
    }

    /** The day the dose is recommended for a child born on {@code dateOfBirth}. */
    public LocalDate recommendedOn(LocalDate dateOfBirth) {
        return dateOfBirth.plus(age);
    }

    /** The last day the dose may be given, if it has an upper age limit. */
    public Optional<LocalDate> lastDay(LocalDate dateOfBirth) {
        return maxAge == null ? Optional.empty() : Optional.of(dateOfBirth.plus(maxAge));
    }

    /** The code Tonkla writes to the 43-file EPI.VACCINETYPE for this dose. */
    public String primaryCode() {
        return vaccineCodes.getFirst();
    }

    /** Whether a recorded VACCINETYPE code is this dose. */
    public boolean isRecordedBy(String vaccineCode) {
        return vaccineCode != null && vaccineCodes.contains(vaccineCode.strip().toUpperCase(java.util.Locale.ROOT));
    }
}
