package org.tonkla.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A move to the next unit (center → kindergarten → Prathom 1) with what the receiving unit must know.
 *
 * @param handover the summary lines; empty when there is nothing to hand over, null while it is being written
 */
public record Transfer(UUID id, ChildId childId, UUID fromUnitId, UUID toUnitId, LocalDate transferredOn,
        List<String> handover, String note) {}
