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

    /** Something to choose from a list: an agency or an area, by code, with its names. */
    record Choice(String code, String nameTh, String nameEn) {}

    /** The agencies, for choosing one from a list rather than typing its code (issue 10 §4). */
    java.util.List<Choice> agencyChoices();

    /** The areas directly below {@code parentCode} (the provinces for an empty code), for pickers. */
    java.util.List<Choice> areaChoices(String parentCode);
}
