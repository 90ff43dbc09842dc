package org.tonkla.registry;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A child moved to another unit (a transfer, or an approved join request). The record book answers
 * with the handover summary for the receiving unit ({@link Transfers#attachHandover}); the date
 * of birth comes along because what is due depends on age.
 */
public record ChildTransferred(UUID transferId, ChildId child, LocalDate dateOfBirth, UUID fromUnitId, UUID toUnitId,
        LocalDate on) {}
