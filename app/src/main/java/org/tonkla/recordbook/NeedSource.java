package org.tonkla.recordbook;

import java.time.LocalDate;
import java.util.List;
import org.tonkla.registry.ChildId;

/**
 * Needs another module finds for a child (e.g. the field module's screening of a home visit), shown on the child's
 * record-book page after the record book's own. Implementations are beans; the record book asks each one after the
 * reader's access to the child was checked and logged, so an implementation checks nothing itself.
 */
public interface NeedSource {

    /** The child's needs this source knows on {@code day}; empty when none. */
    List<Need> needsOf(ChildId child, LocalDate day);
}
