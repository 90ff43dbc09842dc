package org.tonkla.registry;

import java.time.LocalDate;
import java.util.List;

/**
 * What a receiving unit must know about a child: suspected delay, chronic conditions, disability,
 * allergies, nutrition status, missing vaccines. The record book implements it; the registry asks
 * when a child is transferred and keeps the answer with the transfer.
 */
public interface HandoverSummaries {

    /** Lines of the handover summary, in Thai, as of {@code day}; empty when there is nothing to hand over. */
    List<String> summarize(ChildId child, LocalDate day);
}
