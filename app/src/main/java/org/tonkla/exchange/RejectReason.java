package org.tonkla.exchange;

/** Why a row of a 43-file zip was not loaded; every rejected row is reported with its zip, file and line. */
public enum RejectReason {
    /** The file lacks a column Tonkla needs: every row of it is rejected. */
    MISSING_COLUMN,
    /** More or fewer fields than the header line. */
    WRONG_WIDTH,
    MISSING_FIELD,
    /** Not 13 digits, or the mod-11 check digit is wrong (THAI-RULES §4). */
    INVALID_NATIONAL_ID,
    /** A Buddhist-era year where the 43 files carry Christian-era dates (§3, §5). */
    BUDDHIST_ERA_DATE,
    INVALID_DATE,
    BEFORE_BIRTH,
    FUTURE_DATE,
    /** A value no child 0–6 has, e.g. a height given in millimetres. */
    IMPLAUSIBLE_VALUE,
    /** A value outside its code set (SEX, VACCINETYPE, PPSPECIAL, CHILDDEVELOP, FOOD, TYPEAREA). */
    UNKNOWN_CODE,
    /** A HOSPCODE that is not in the national list of health units. */
    UNKNOWN_HOSPCODE,
    /** A row whose HOSPCODE and PID have no PERSON row in the zip. */
    ORPHAN,
    /** A row of a person whose PERSON row was rejected. */
    PERSON_REJECTED,
    /** A PERSON row whose PID or CID an earlier row of the zip gave with another name, sex or birth date. */
    CONFLICTING_PERSON,
    /** SPECIALPP codes of one day that contradict each other. */
    CONTRADICTORY_CODES,
    /** A suspected delay without the five domain codes (Tonkla records screenings with all five). */
    INCOMPLETE_SCREENING,
    /** No valid DOPA subdistrict for the child in ADDRESS, HOME or the health center. */
    NO_SUBDISTRICT
}
