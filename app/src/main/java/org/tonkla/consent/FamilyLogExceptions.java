package org.tonkla.consent;

import java.util.UUID;
import java.util.function.Predicate;

/**
 * A documented exception to the family's access log: entries another module withholds from the family for now,
 * because showing them could put the child at risk. The only one is child protection (Child Protection Act B.E.
 * 2546): the views of a protection concern stay hidden until the protection worker decides it is safe, a decision
 * that module audits. Nothing is removed from the log itself; auditors and the hash chain see every entry.
 */
public interface FamilyLogExceptions {

    /** Which of the child's entries the family is not shown now; asked once per listing. */
    Predicate<AccessLog.Entry> withheld(UUID childId);
}
