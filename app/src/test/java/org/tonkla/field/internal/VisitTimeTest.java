package org.tonkla.field.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tonkla.field.Campaign;

/** The visit day rule on its own: Thai time, the skew allowance, and which stated times are not believed. */
class VisitTimeTest {

    private static final Campaign CAMPAIGN = new Campaign(UUID.randomUUID(), "c", "40", LocalDate.of(2026, 11, 1),
            LocalDate.of(2026, 11, 30), "tonkla_home_visit", "2026113001", UUID.randomUUID(), List.of("4007"));
    private static final Instant RECEIVED = Instant.parse("2026-11-29T08:00:00Z"); // 15:00 in Bangkok
    private static final Duration SKEW = Duration.ofMinutes(15);

    @Test
    void theDayIsTheEndsDayInBangkokNotInUtc() {
        // 23:30 UTC on the 25th is 06:30 on the 26th in Bangkok (UTC+7).
        var t = VisitTime.of(form(null, "2026-11-25T23:30:00Z", null), CAMPAIGN, RECEIVED, SKEW);
        assertThat(t.day()).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(t.fromForm()).isTrue();
        assertThat(t.warning()).isNull();
    }

    @Test
    void theEndComesBeforeTheStartAndNoTimeIsTheDayReceived() {
        var both = VisitTime.of(form("2026-11-20T09:00:00+07:00", "2026-11-21T10:00:00+07:00", null), CAMPAIGN, RECEIVED, SKEW);
        assertThat(both.day()).isEqualTo(LocalDate.of(2026, 11, 21));
        assertThat(both.field()).isEqualTo("end");
        var start = VisitTime.of(form("2026-11-20T09:00:00+07:00", null, null), CAMPAIGN, RECEIVED, SKEW);
        assertThat(start.day()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(start.field()).isEqualTo("start");
        var none = VisitTime.of(form(null, null, null), CAMPAIGN, RECEIVED, SKEW);
        assertThat(none.day()).isEqualTo(LocalDate.of(2026, 11, 29));
        assertThat(none.statedAt()).isNull();
        assertThat(none.fromForm()).isFalse();
    }

    @Test
    void aheadWithinTheSkewIsBelievedBeyondItIsNot() {
        var drift = VisitTime.of(form(null, "2026-11-29T15:10:00+07:00", null), CAMPAIGN, RECEIVED, SKEW);
        assertThat(drift.problem()).isNull();
        assertThat(drift.day()).isEqualTo(LocalDate.of(2026, 11, 29));
        var future = VisitTime.of(form(null, "2026-11-29T15:16:00+07:00", null), CAMPAIGN, RECEIVED, SKEW);
        assertThat(future.problem()).isEqualTo(VisitTime.Problem.FUTURE);
        assertThat(future.day()).isEqualTo(LocalDate.of(2026, 11, 29));
        assertThat(future.warning()).contains("end", "future");
        // Just before midnight received, a drift into the next day still counts the day received, never a later one.
        var lateNight = VisitTime.of(form(null, "2026-11-30T00:05:00+07:00", null), CAMPAIGN,
                Instant.parse("2026-11-29T16:55:00Z"), SKEW);
        assertThat(lateNight.problem()).isNull();
        assertThat(lateNight.day()).isEqualTo(LocalDate.of(2026, 11, 29));
    }

    @Test
    void beforeTheCampaignOrBeforeAChildWasBornIsNotUsed() {
        var early = VisitTime.of(form(null, "2026-10-31T20:00:00+07:00", null), CAMPAIGN, RECEIVED, SKEW);
        assertThat(early.problem()).isEqualTo(VisitTime.Problem.BEFORE_CAMPAIGN);
        assertThat(early.day()).isEqualTo(LocalDate.of(2026, 11, 29));
        var unborn = VisitTime.of(form(null, "2026-11-10T10:00:00+07:00", LocalDate.of(2026, 11, 12)), CAMPAIGN, RECEIVED, SKEW);
        assertThat(unborn.problem()).isEqualTo(VisitTime.Problem.BEFORE_BIRTH);
        assertThat(unborn.day()).isEqualTo(LocalDate.of(2026, 11, 29));
        assertThat(unborn.warning()).contains("date of birth");
        var born = VisitTime.of(form(null, "2026-11-12T10:00:00+07:00", LocalDate.of(2026, 11, 12)), CAMPAIGN, RECEIVED, SKEW);
        assertThat(born.problem()).isNull();
    }

    @Test
    void theReaderTakesCollectsTimestampsWithOrWithoutAnOffset() {
        var f = VisitFormReader.read(("<data id=\"x\" version=\"1\"><start>2026-11-26T10:15:30.123+07:00</start>"
                + "<end>2026-11-26T11:00:00.000+07</end><meta><instanceID>uuid:1</instanceID></meta></data>").getBytes());
        assertThat(f.start()).isEqualTo(Instant.parse("2026-11-26T03:15:30.123Z"));
        assertThat(f.end()).isEqualTo(Instant.parse("2026-11-26T04:00:00Z"));
        var local = VisitFormReader.read(("<data id=\"x\" version=\"1\"><end>2026-11-26T11:00:00</end>"
                + "<meta><instanceID>uuid:1</instanceID></meta></data>").getBytes());
        assertThat(local.end()).as("no offset: Thai time").isEqualTo(Instant.parse("2026-11-26T04:00:00Z"));
    }

    private static VisitForm form(String start, String end, LocalDate born) {
        var children = born == null ? List.<VisitForm.ChildEntry>of() : List.of(new VisitForm.ChildEntry("ก", "ข", "F", born,
                "none", null, null, "unknown", null, null, null, null, null, null, null, List.of(), null));
        return new VisitForm("tonkla_home_visit", "2026113001", "uuid:1", "400701", null, null, "visited", null, null,
                children, start == null ? null : java.time.OffsetDateTime.parse(start).toInstant(),
                end == null ? null : java.time.OffsetDateTime.parse(end).toInstant());
    }
}
