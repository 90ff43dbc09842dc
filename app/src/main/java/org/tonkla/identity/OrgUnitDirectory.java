package org.tonkla.identity;

import java.util.Locale;
import java.util.Optional;

/**
 * Answers where an org unit lies and what it is called. The directory module implements it;
 * identity only asks.
 */
public interface OrgUnitDirectory {

    /** The placement of a unit, or empty when no such area or service unit exists. */
    Optional<Placement> placementOf(OrgUnit unit);

    /** A human name for the unit in the given language, e.g. "จังหวัดขอนแก่น" or "Khon Kaen". */
    String describe(OrgUnit unit, Locale locale);

    /** Whether an agency with this code exists. */
    boolean isAgency(String code);
}
