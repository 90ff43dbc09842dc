package org.tonkla.recordbook;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A vaccine dose given to the child, as the MOPH 43-file EPI row records it.
 *
 * @param vaccineCode THCC code set 198 ({@code EPI.VACCINETYPE}), e.g. {@code 010} for BCG
 * @param unitId the service unit that gave or recorded it, if the recorder works at one
 */
public record Immunization(UUID id, String vaccineCode, LocalDate givenOn, String lot, UUID unitId, String recordedBy) {}
