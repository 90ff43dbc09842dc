package org.tonkla.core.development;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The five ages at which DSPM is a screening (คัดกรอง); at other ages DSPM is surveillance.
 *
 * @see <a href="https://www.data.go.th/en/dataset/anamai_child-development">data.go.th: screening ages
 *     9, 18, 30, 42, 60 months</a> (THAI-RULES §2)
 */
public enum DspmScreeningAge {
    /** 9 months. */
    M9(9),
    /** 18 months. */
    M18(18),
    /** 30 months. */
    M30(30),
    /** 42 months. */
    M42(42),
    /** 60 months. */
    M60(60);

    private final int months;

    DspmScreeningAge(int months) {
        this.months = months;
    }

    /** The age in completed months. */
    public int months() {
        return months;
    }

    /**
     * The day the child reaches this age: the same day-of-month {@code months} later, or the last
     * day of that month when it is shorter (born 31 Dec: 9 months on 30 Sep).
     */
    public LocalDate reachedOn(LocalDate dateOfBirth) {
        Objects.requireNonNull(dateOfBirth, "dateOfBirth");
        return dateOfBirth.plusMonths(months);
    }
}
