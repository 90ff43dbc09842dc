package org.tonkla.field.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.chrono.ThaiBuddhistChronology;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import org.tonkla.field.Campaign;
import org.tonkla.platform.ThaiDates;

/**
 * The day a home visit was made. Form version 2026113001 carries the phone's {@code end} (else {@code start})
 * timestamp, so a visit kept offline for a week is counted on the day it was made, not on the day it arrived; earlier
 * versions carry no time and a visit is counted on the day received, as before.
 *
 * <p>The stated time is the phone's clock, which the surveyor controls: it only places a visit on a day between the
 * campaign's start and its arrival, and admits it for at most the late-submission grace after the campaign's end.
 * The assignment, scope, consent and access checks never read it.
 *
 * <p>An implausible time (ahead of the arrival beyond the clock-skew allowance, before the campaign started, before
 * a child of the visit was born) is not refused: the visit is recorded on the day received (the campaign's last day
 * when it arrives within the grace after it) and marked, for the supervisor to see. The timestamp is written by the phone when the form is finalized and cannot be corrected on it
 * afterwards, so a refusal would leave a real household visit stranded on a phone whose clock was wrong (cheap phones
 * fall back to 1970 or a factory date after a flat battery); a supervisor would rather count it on the day it came.
 *
 * @param day the visit day counted everywhere (Asia/Bangkok)
 * @param statedAt the time the form states, or null when it states none
 * @param field the form's field that stated it, {@code end} or {@code start}; null with no time
 * @param problem why the stated time was not used ({@link Problem}), or null
 */
public record VisitTime(LocalDate day, Instant statedAt, String field, Problem problem) {

    /** Why a stated time was not believed; the column {@code field_visit.visit_time_problem}. */
    public enum Problem { FUTURE, BEFORE_CAMPAIGN, BEFORE_BIRTH }

    public VisitTime {
        Objects.requireNonNull(day);
    }

    /**
     * Decides the visit day of a form received at {@code received} for {@code campaign}.
     *
     * @param skew how far ahead of the server a phone's clock may be and still be believed
     */
    public static VisitTime of(VisitForm form, Campaign campaign, Instant received, Duration skew) {
        LocalDate receivedDay = received.atZone(ThaiDates.BANGKOK).toLocalDate();
        Instant stated = form.end() != null ? form.end() : form.start();
        if (stated == null) return new VisitTime(receivedDay, null, null, null);
        String field = form.end() != null ? "end" : "start";
        LocalDate statedDay = stated.atZone(ThaiDates.BANGKOK).toLocalDate();
        Problem problem = null;
        if (stated.isAfter(received.plus(skew))) {
            problem = Problem.FUTURE;
        } else if (statedDay.isBefore(campaign.startsOn())) {
            problem = Problem.BEFORE_CAMPAIGN;
        } else if (form.children().stream().anyMatch(c -> c.dateOfBirth() != null && statedDay.isBefore(c.dateOfBirth()))) {
            problem = Problem.BEFORE_BIRTH;
        }
        // Not believed: the day received, but no later than the campaign's last day, so that a visit with a wrong clock
        // that arrives within the late-submission grace is counted (and marked), not stranded on the phone.
        if (problem != null) {
            return new VisitTime(receivedDay.isAfter(campaign.endsOn()) ? campaign.endsOn() : receivedDay, stated, field, problem);
        }
        // A time within the skew allowance ahead is the server's day at most, never a later one.
        return new VisitTime(statedDay.isAfter(receivedDay) ? receivedDay : statedDay, stated, field, null);
    }

    /** Whether the stated time was used for the day. */
    public boolean fromForm() {
        return statedAt != null && problem == null;
    }

    /** What the surveyor is told when the stated time was not used, naming the field; null when it was, or none. */
    public String warning() {
        if (problem == null) return null;
        String stated = THAI_TIME.format(statedAt.atZone(ThaiDates.BANGKOK));
        String why = switch (problem) {
            case FUTURE -> "อยู่ในอนาคต ตรวจนาฬิกาของโทรศัพท์ (is in the future: check the phone's clock)";
            case BEFORE_CAMPAIGN -> "อยู่ก่อนโครงการเริ่ม ตรวจนาฬิกาของโทรศัพท์ (is before the campaign started: check the phone's clock)";
            case BEFORE_BIRTH -> "อยู่ก่อนวันเกิดของเด็ก ตรวจวันเกิดหรือนาฬิกาของโทรศัพท์ (is before a child's date of birth)";
        };
        return "เวลา " + field + " ในแบบบันทึก (" + stated + ") " + why + " จึงบันทึกเป็นวันที่ได้รับ (หรือวันปิดโครงการ"
                + " ถ้าได้รับหลังจากนั้น) " + thai(day) + " (recorded on the day received, or the campaign's last day when"
                + " received after it: " + day + ")";
    }

    private static final DateTimeFormatter THAI_DATE =
            DateTimeFormatter.ofPattern("d MMM uuuu", ThaiDates.THAI).withChronology(ThaiBuddhistChronology.INSTANCE);
    private static final DateTimeFormatter THAI_TIME =
            DateTimeFormatter.ofPattern("d MMM uuuu HH:mm", ThaiDates.THAI).withChronology(ThaiBuddhistChronology.INSTANCE);

    /** A day as the surveyor reads it in a message: Buddhist era, Thai month. */
    static String thai(LocalDate day) {
        return THAI_DATE.format(day);
    }
}
