package org.tonkla.registry;

import java.time.LocalDate;

/**
 * A child's date of birth was corrected. Whatever was computed from it (ages, z-scores, DSPM key
 * ages) must be computed again; published inside the correcting transaction.
 */
public record ChildDateOfBirthCorrected(ChildId child, Sex sex, LocalDate from, LocalDate to) {}
