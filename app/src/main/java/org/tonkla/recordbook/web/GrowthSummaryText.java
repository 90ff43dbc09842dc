package org.tonkla.recordbook.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.tonkla.platform.ThaiDates;
import org.tonkla.recordbook.FamilyView.Due;
import org.tonkla.recordbook.GrowthSummary;
import org.tonkla.recordbook.GrowthSummary.Status;
import org.tonkla.registry.Child;

/**
 * The growth summary of the family page as sentences a parent reads without a chart: "น้องมะลิหนัก 12.3 กก. …
 * — น้ำหนักและส่วนสูงตามเกณฑ์อายุ", the change since last time, what to do, and when the next check is due.
 */
@Component
class GrowthSummaryText {

    /** The summary's paragraphs: the headline, the change since last time, advice, and what is due next. */
    record Lines(String headline, String trend, List<String> advice, List<String> next, boolean concern) {}

    private final MessageSource messages;
    private final ThaiDates dates;

    GrowthSummaryText(MessageSource messages, ThaiDates dates) {
        this.messages = messages;
        this.dates = dates;
    }

    Lines of(GrowthSummary s, Child child, Locale locale) {
        String name = msg(locale, "family.summary.child", "en".equals(locale.getLanguage()) && child.givenNameEn() != null
                && !child.givenNameEn().isBlank() ? child.givenNameEn() : child.givenNameTh());
        List<String> advice = s.advice().stream().map(a -> msg(locale, "family.summary.advice." + a.name())).toList();
        return new Lines(headline(s, name, locale), trend(s, locale), advice, next(s, locale),
                s.status() == Status.WATCH || s.status() == Status.SEE_STAFF);
    }

    private String headline(GrowthSummary s, String name, Locale locale) {
        if (s.status() == Status.NONE) return msg(locale, "family.summary.none", name);
        var m = s.latest();
        String when = dates.date(m.measuredOn());
        String measured = m.weightKg() != null && m.lengthCm() != null
                ? msg(locale, "family.summary.both", name, kg(m.weightKg()), cm(m.lengthCm()), when)
                : m.weightKg() != null ? msg(locale, "family.summary.weight", name, kg(m.weightKg()), when)
                : msg(locale, "family.summary.height", name, cm(m.lengthCm()), when);
        String reading = s.status() == Status.NORMAL
                ? msg(locale, m.weightKg() != null && m.lengthCm() != null ? "family.summary.normal"
                        : m.weightKg() != null ? "family.summary.normal.weight" : "family.summary.normal.height")
                : msg(locale, "family.summary.concern", String.join(", ", s.concerns().stream()
                        .map(c -> msg(locale, "growth.class." + c)).toList()));
        return measured + " — " + reading;
    }

    private String trend(GrowthSummary s, Locale locale) {
        if (s.latest() == null) return null;
        if (s.previous() == null) return msg(locale, "family.summary.first");
        List<String> parts = new ArrayList<>();
        Double w = s.weightChange();
        if (w != null) {
            parts.add(w > 0 ? msg(locale, "family.summary.weight.up", kg(w))
                    : w < 0 ? msg(locale, "family.summary.weight.down", kg(-w)) : msg(locale, "family.summary.weight.same"));
        }
        Double h = s.heightChange();
        if (h != null) {
            parts.add(h > 0 ? msg(locale, "family.summary.height.up", cm(h))
                    : h < 0 ? msg(locale, "family.summary.height.down", cm(-h)) : msg(locale, "family.summary.height.same"));
        }
        return msg(locale, "family.summary.since", dates.date(s.previous().measuredOn())) + " " + String.join(" ", parts);
    }

    private List<String> next(GrowthSummary s, Locale locale) {
        List<String> next = new ArrayList<>();
        s.nextGrowth().ifPresent(d -> next.add(d.overdue() ? msg(locale, "family.summary.next.growth.overdue", date(d.from()))
                : msg(locale, "family.summary.next.growth", date(d.from()))));
        s.nextDspm().ifPresent(d -> next.add(msg(locale, "family.summary.next.dspm", d.months(), date(d.from()),
                d.by() == null ? date(d.from()) : date(d.by())) + overdue(d, locale)));
        s.nextVaccine().ifPresent(d -> next.add(msg(locale, "family.summary.next.vaccine", d.label(), date(d.from()))
                + overdue(d, locale)));
        return next;
    }

    private String overdue(Due d, Locale locale) {
        return d.overdue() ? " " + msg(locale, "family.summary.next.overdue") : "";
    }

    private String date(java.time.LocalDate d) {
        return dates.date(d);
    }

    private static String kg(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String cm(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private String msg(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
