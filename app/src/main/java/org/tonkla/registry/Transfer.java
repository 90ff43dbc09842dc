package org.tonkla.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A move to the next unit (center → kindergarten → Prathom 1) with what the receiving unit must know. */
public record Transfer(UUID id, ChildId childId, UUID fromUnitId, UUID toUnitId, LocalDate transferredOn,
        List<String> handover, String note) {}
