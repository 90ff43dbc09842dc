package org.tonkla.registry;

import java.util.Optional;
import java.util.UUID;

/**
 * Where a fact of a child's record was recorded, for the modules that hold facts the registry does not
 * (the record book implements it): a correction request goes to that unit. Keeps the registry free of a
 * dependency on the modules that build on it.
 */
public interface RecordedFacts {

    /**
     * The unit that recorded the fact, if the fact is this child's and its recorder worked at a unit;
     * empty when no such fact of this child exists (or no unit was recorded with it).
     */
    Optional<UUID> recordingUnit(ChildId child, CorrectionRequest.Kind kind, UUID factId);

    /** Whether a fact of this kind and id belongs to the child at all. */
    boolean exists(ChildId child, CorrectionRequest.Kind kind, UUID factId);
}
