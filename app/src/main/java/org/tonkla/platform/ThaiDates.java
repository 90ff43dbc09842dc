package org.tonkla.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.chrono.ThaiBuddhistChronology;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one way Tonkla shows dates: {@code 22 พ.ย. 2569} in Thai (Buddhist era, abbreviated month),
 * {@code 22 Nov 2026} in English; times add {@code HH:mm} in Thailand's time zone. Dates are stored
 * in CE; the era changes only here. Templates call it as {@code ${@thaiDates.date(d)}}.
 */
@Component("thaiDates")
public class ThaiDates {

    public static final Locale THAI = Locale.forLanguageTag("th-TH");
    public static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");
    private static final DateTimeFormatter THAI_DATE =
            DateTimeFormatter.ofPattern("d MMM uuuu", THAI).withChronology(ThaiBuddhistChronology.INSTANCE);
    private static final DateTimeFormatter THAI_DATE_TIME =
            DateTimeFormatter.ofPattern("d MMM uuuu HH:mm", THAI).withChronology(ThaiBuddhistChronology.INSTANCE);
    private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter ENGLISH_DATE_TIME =
            DateTimeFormatter.ofPattern("d MMM uuuu HH:mm", Locale.ENGLISH);

    /** A date in the current request's language; empty for {@code null}. */
    public String date(LocalDate date) {
        if (date == null) return "";
        return (isThai() ? THAI_DATE : ENGLISH_DATE).format(date);
    }

    /** An instant as date and time in Bangkok; empty for {@code null}. */
    public String dateTime(Instant instant) {
        if (instant == null) return "";
        return (isThai() ? THAI_DATE_TIME : ENGLISH_DATE_TIME).format(instant.atZone(BANGKOK));
    }

    private static boolean isThai() {
        return !"en".equals(LocaleContextHolder.getLocale().getLanguage());
    }
}
