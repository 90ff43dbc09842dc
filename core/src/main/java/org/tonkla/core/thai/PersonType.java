package org.tonkla.core.thai;

/**
 * What the first digit of a Thai citizen ID says about how the person entered the civil register.
 *
 * <p>Digit 9 is not defined by the sources read; it maps to {@link #UNDEFINED} rather than being
 * rejected, because the checksum, not the first digit, is what DOPA and HDC validate.
 *
 * @see <a href="https://www.boonmee.net/wp2/index.php/2010/07/">boonmee.net: the meaning of each digit</a>
 *     (THAI-RULES §4, first-digit table)
 */
public enum PersonType {
    /** 0: MOI-registered persons with status problems (ท.ร.38 ก) and employer-registered migrant workers. */
    STATUS_PROBLEM_REGISTERED(0),
    /** 1: Thai, born and registered on time (from 1 Jan 2527). */
    THAI_REGISTERED_ON_TIME(1),
    /** 2: Thai, born and registered late. */
    THAI_REGISTERED_LATE(2),
    /** 3: Thai and aliens already in house registers at the start (1 Jan – 31 May 2527). */
    IN_REGISTER_AT_START(3),
    /** 4: As 3, but moved in without an ID number at the start. */
    MOVED_IN_AT_START_WITHOUT_ID(4),
    /** 5: Thai added to the registers later (missed in the survey, etc.). */
    THAI_ADDED_LATER(5),
    /** 6: Illegal entrants or temporary residents. */
    TEMPORARY_OR_ILLEGAL_ENTRANT(6),
    /** 7: Children of type-6 persons, born in Thailand. */
    CHILD_OF_TEMPORARY_RESIDENT(7),
    /** 8: Aliens with legal permanent residence, or naturalised Thai. */
    PERMANENT_RESIDENT_OR_NATURALISED(8),
    /** 9: not defined in the sources read. */
    UNDEFINED(9);

    private final int digit;

    PersonType(int digit) {
        this.digit = digit;
    }

    /** The leading digit, 0–9. */
    public int digit() {
        return digit;
    }

    /**
     * The person type for a leading digit.
     *
     * @throws IllegalArgumentException if {@code digit} is not 0–9
     */
    public static PersonType ofDigit(int digit) {
        if (digit < 0 || digit > 9) {
            throw new IllegalArgumentException("A person-type digit is 0–9, got " + digit);
        }
        return values()[digit];
    }
}
