package org.tonkla.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;
import org.tonkla.recordbook.RecordBook;
import org.tonkla.registry.ChildId;

/**
 * The defect issue 11's closing note left: a visit was counted on the day it arrived, not the day it was made. Form
 * version 2026113001 carries ODK Collect's {@code start} and {@code end} timestamps; the visit is counted on the day of
 * its end in Thai time, everywhere a day is shown or counted; a visit made before a campaign's end is received for
 * {@code tonkla.field.late-submission-days} (14) after it; a time the server cannot believe is not used.
 */
class VisitDayTest extends IntegrationTest {

    private static final String V3 = "2026113001";
    private static final String V2 = "2026112901";

    @Autowired JdbcClient jdbc;
    @Autowired RecordBook recordBook;
    @Autowired CampaignProgress progress;
    @Autowired org.tonkla.identity.Accounts accounts;

    OpenRosaClient surveyor() {
        return new OpenRosaClient("http://localhost:" + port, "surveyor.kk", "tonkla-demo");
    }

    @Test
    void aVisitFinalizedThreeDaysAgoIsCountedAndShownOnThatDay() throws Exception {
        UUID campaign = demoCampaign();
        LocalDate threeDaysAgo = today().minusDays(3);
        long before = refusedOn(campaign, threeDaysAgo);
        // 10:15 in Bangkok three days ago, as Collect writes it (+07:00); the start an hour earlier.
        OffsetDateTime end = threeDaysAgo.atTime(10, 15).atOffset(ZoneOffset.ofHours(7));
        String id = "uuid:" + UUID.randomUUID();
        var posted = surveyor().submit(refused(V3, id, "400703", end.minusHours(1).toString(), end.toString()), Map.of());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);

        var visit = visit(id);
        assertThat(visit.get("visited_on")).isEqualTo(threeDaysAgo);
        assertThat(visit.get("visited_at")).isEqualTo(end.toInstant());
        assertThat(visit.get("problem")).isNull();
        assertThat(((Instant) visit.get("received_at")).atZone(org.tonkla.platform.ThaiDates.BANGKOK).toLocalDate())
                .as("the receipt is kept apart").isEqualTo(today());
        // Progress per day (kept by the V124 triggers) counts it on the visit day.
        assertThat(refusedOn(campaign, threeDaysAgo)).isEqualTo(before + 1);
        assertThat(progress.of(campaign, user("officer.khonkaen")))
                .anySatisfy(r -> {
                    assertThat(r.day()).isEqualTo(threeDaysAgo);
                    assertThat(r.surveyor()).isEqualTo("surveyor.kk");
                    assertThat(r.refused()).isPositive();
                });
        var officer = session();
        officer.login("officer.khonkaen", "tonkla-demo");
        String page = officer.get("/field/campaigns/" + campaign + "?days=true", "text/html").body();
        assertThat(page).contains(thai(threeDaysAgo), "id=\"visit-day-note\"");
    }

    @Test
    void aChildMeasuredOnAVisitThreeDaysAgoIsMeasuredOnThatDayOnTheChildsPage() throws Exception {
        LocalDate threeDaysAgo = today().minusDays(3);
        String nationalId = OpenRosaClient.nationalId();
        String end = threeDaysAgo.atTime(16, 40).atOffset(ZoneOffset.ofHours(7)).toString();
        String id = "uuid:" + UUID.randomUUID();
        var posted = surveyor().submit(visitedWithChild(V3, id, end, nationalId, today().minusYears(2).minusDays(11)), Map.of());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        UUID child = jdbc.sql("""
                SELECT c.child_id FROM field_visit_child c JOIN field_visit v ON v.id = c.visit_id
                  JOIN field_submission s ON s.id = v.submission_id WHERE s.instance_id = ?""").param(id).query(UUID.class).single();
        var book = recordBook.view(new ChildId(child), user("surveyor.kk"), "care");
        assertThat(book.measurements()).singleElement().satisfies(m -> assertThat(m.measuredOn()).isEqualTo(threeDaysAgo));
        assertThat(jdbc.sql("SELECT DISTINCT found_on FROM field_need WHERE child_id = ?").param(child)
                .query(LocalDate.class).list()).containsExactly(threeDaysAgo);
        var web = session();
        web.login("surveyor.kk", "tonkla-demo");
        assertThat(web.get("/children/" + child, "text/html").body()).contains(thai(threeDaysAgo));
    }

    @Test
    void theOfflineWebFormsVisitQueuedForDaysCountsOnTheDayItWasSaved() {
        var web = session();
        web.login("surveyor.kk", "tonkla-demo");
        String id = "uuid:" + UUID.randomUUID();
        // What visit.js sends: the time the visit was saved on the phone, from new Date().toISOString() (UTC: 06:30 in
        // Bangkok is 23:30 of the day before in UTC, and the visit counts on the Thai day).
        String savedAt = today().minusDays(2).atTime(6, 30).atZone(org.tonkla.platform.ThaiDates.BANGKOK).toInstant().toString();
        var posted = web.postJson("/field/visits", """
                {"instanceId":"%s","subdistrict":"400703","houseNo":"9","outcome":"not_found","consent":false,
                 "visitedAt":"%s"}""".formatted(id, savedAt));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        assertThat(visit(id).get("visited_on")).isEqualTo(today().minusDays(2));

        // A time the phone cannot have saved is refused naming the field the web form sent, not the form's "end".
        var bad = web.postJson("/field/visits", """
                {"instanceId":"uuid:%s","subdistrict":"400703","houseNo":"9","outcome":"not_found","consent":false,
                 "visitedAt":"yesterday"}""".formatted(UUID.randomUUID()));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("visitedAt").doesNotContain("end ");
    }

    @Test
    void aVersionTwoVisitWithoutTimesCountsOnTheDayReceived() {
        String id = "uuid:" + UUID.randomUUID();
        var posted = surveyor().submit(refused(V2, id, "400703", null, null), Map.of());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        var visit = visit(id);
        assertThat(visit.get("visited_on")).isEqualTo(today());
        assertThat(visit.get("visited_at")).isNull();
        assertThat(visit.get("problem")).isNull();
    }

    @Test
    void aVisitMadeBeforeTheCampaignEndedIsReceivedWithinTheGraceAndNotAfterIt() {
        // Ended five days ago: within the 14 days' grace. A visit made the day before it ended is received.
        endedCampaign("400708", today().minusDays(5));
        String made = today().minusDays(6).atTime(9, 0).atOffset(ZoneOffset.ofHours(7)).toString();
        String id = "uuid:" + UUID.randomUUID();
        var late = surveyor().submit(refused(V3, id, "400708", null, made), Map.of());
        assertThat(late.statusCode()).as(late.body()).isEqualTo(201);
        assertThat(visit(id).get("visited_on")).isEqualTo(today().minusDays(6));

        // Made after the end: refused as before, whatever the grace; the message names the campaign's end.
        String after = today().minusDays(2).atTime(9, 0).atOffset(ZoneOffset.ofHours(7)).toString();
        var madeAfter = surveyor().submit(refused(V3, "uuid:" + UUID.randomUUID(), "400708", null, after), Map.of());
        assertThat(madeAfter.statusCode()).isEqualTo(403);
        assertThat(madeAfter.body()).contains("campaign's end " + today().minusDays(5));
        // Without a time of its own (version 2), the visit's day is the day received: after the end, refused.
        assertThat(surveyor().submit(refused(V2, "uuid:" + UUID.randomUUID(), "400708", null, null), Map.of()).statusCode())
                .isEqualTo(403);

        // A phone clock not believed (1970), arriving within the grace: counted on the campaign's last day and marked,
        // not stranded on the phone (a refusal could never be corrected there).
        String lostClock = "uuid:" + UUID.randomUUID();
        var stranded = surveyor().submit(refused(V3, lostClock, "400708", null, "1970-01-01T07:00:00.000+07:00"), Map.of());
        assertThat(stranded.statusCode()).as(stranded.body()).isEqualTo(201);
        assertThat(visit(lostClock).get("visited_on")).isEqualTo(today().minusDays(5));
        assertThat(visit(lostClock).get("problem")).isEqualTo("BEFORE_CAMPAIGN");

        // Ended twenty days ago: past the grace, even a visit made inside the campaign is refused.
        endedCampaign("400709", today().minusDays(20));
        String inside = today().minusDays(22).atTime(9, 0).atOffset(ZoneOffset.ofHours(7)).toString();
        String tooLate = "uuid:" + UUID.randomUUID();
        var refused = surveyor().submit(refused(V3, tooLate, "400709", null, inside), Map.of());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM field_submission WHERE instance_id = ?").param(tooLate)
                .query(Long.class).single()).as("a refused submission stores nothing").isZero();
    }

    @Test
    void aWrongClockVisitGoesToTheCampaignRunningTodayNotToAClosedOnesGrace() {
        // A quarter handover: one campaign over 400710 ended two days ago (still within its grace), the next runs now.
        endedCampaign("400710", today().minusDays(2));
        UUID running = campaign("400710", today().minusDays(1), today().plusDays(10));
        String lostClock = "uuid:" + UUID.randomUUID();
        var posted = surveyor().submit(refused(V3, lostClock, "400710", null, "1970-01-01T07:00:00.000+07:00"), Map.of());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        assertThat(visit(lostClock).get("visited_on")).isEqualTo(today());
        assertThat(jdbc.sql("SELECT v.campaign_id FROM field_visit v JOIN field_submission s ON s.id = v.submission_id"
                + " WHERE s.instance_id = ?").param(lostClock).query(UUID.class).single()).isEqualTo(running);
    }

    @Test
    void aTimeInTheFutureIsRecordedOnTheDayReceivedWithAWarningNamingTheField() {
        UUID campaign = demoCampaign();
        Instant ahead = clock.instant().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String id = "uuid:" + UUID.randomUUID();
        var posted = surveyor().submit(refused(V3, id, "400703", null, ahead.toString()), Map.of());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        assertThat(posted.body()).contains("end", "future", "check the phone's clock");
        var visit = visit(id);
        assertThat(visit.get("visited_on")).isEqualTo(today());
        assertThat(visit.get("visited_at")).as("kept as stated, for the supervisor").isEqualTo(ahead);
        assertThat(visit.get("problem")).isEqualTo("FUTURE");
        var officer = session();
        officer.login("officer.khonkaen", "tonkla-demo");
        assertThat(officer.get("/field/campaigns/" + campaign, "text/html").body())
                .contains("id=\"times-not-believed\"", "surveyor.kk", "<td>อยู่ในอนาคต</td>");

        // A few minutes ahead is a phone's clock drifting: believed, and counted today.
        String drift = "uuid:" + UUID.randomUUID();
        Instant minutesAhead = clock.instant().plus(5, ChronoUnit.MINUTES);
        assertThat(surveyor().submit(refused(V3, drift, "400703", null, minutesAhead.toString()), Map.of()).statusCode())
                .isEqualTo(201);
        assertThat(visit(drift).get("problem")).isNull();
        assertThat(visit(drift).get("visited_on")).as("never a day after the day received").isEqualTo(today());
    }

    @Test
    void aTimeBeforeTheCampaignStartedIsNotUsed() {
        // The demo campaign started seven days ago; a phone that lost its clock says 1 January 1970.
        String id = "uuid:" + UUID.randomUUID();
        var posted = surveyor().submit(refused(V3, id, "400703", null, "1970-01-01T07:00:00.000+07:00"), Map.of());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        assertThat(posted.body()).contains("before the campaign started");
        assertThat(visit(id).get("visited_on")).isEqualTo(today());
        assertThat(visit(id).get("problem")).isEqualTo("BEFORE_CAMPAIGN");
    }

    @Test
    void aCountedVisitsDayCannotBeChangedUnderTheKeptProgress() {
        String id = "uuid:" + UUID.randomUUID();
        assertThat(surveyor().submit(refused(V2, id, "400703", null, null), Map.of()).statusCode()).isEqualTo(201);
        // Progress per day is counted once, on insert (V124): the schema refuses moving a visit to another day.
        assertThatThrownBy(() -> jdbc.sql("""
                UPDATE field_visit SET visited_on = visited_on - 1
                 WHERE submission_id = (SELECT id FROM field_submission WHERE instance_id = ?)""").param(id).update())
                .hasMessageContaining("do not change");
        assertThat(visit(id).get("visited_on")).isEqualTo(today());
    }

    @Test
    void aMalformedTimeIsRefusedNamingTheField() {
        var posted = surveyor().submit(refused(V3, "uuid:" + UUID.randomUUID(), "400703", null, "yesterday"), Map.of());
        assertThat(posted.statusCode()).isEqualTo(400);
        assertThat(posted.body()).contains("end is not a date-time");
        // A valid ISO year no clock has (it would break every date printed from it) is refused the same way.
        var farOff = surveyor().submit(refused(V3, "uuid:" + UUID.randomUUID(), "400703", null, "+999999999-12-31T23:59:59Z"),
                Map.of());
        assertThat(farOff.statusCode()).isEqualTo(400);
        assertThat(farOff.body()).contains("end is not a date-time between the years 1900 and 2199");
    }

    // --- helpers

    private UUID demoCampaign() {
        return jdbc.sql("SELECT id FROM field_campaign WHERE name = 'สำรวจเด็กปฐมวัยอำเภอน้ำพอง (สาธิต)'").query(UUID.class).single();
    }

    /** A campaign of surveyor.kk over one subdistrict that started 40 days before it ended (made directly: past dates). */
    private void endedCampaign(String subdistrict, LocalDate endsOn) {
        campaign(subdistrict, endsOn.minusDays(40), endsOn);
    }

    /** A campaign of surveyor.kk over one subdistrict from {@code startsOn} to {@code endsOn}, made directly. */
    private UUID campaign(String subdistrict, LocalDate startsOn, LocalDate endsOn) {
        UUID unit = jdbc.sql("SELECT registering_unit_id FROM field_campaign WHERE id = ?").param(demoCampaign())
                .query(UUID.class).single();
        UUID surveyor = jdbc.sql("SELECT id FROM app_user WHERE username = 'surveyor.kk'").query(UUID.class).single();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO field_campaign (id, name, province_code, starts_on, ends_on, form_id, form_version,
                  registering_unit_id, created_by) VALUES (?, ?, '40', ?, ?, 'tonkla_home_visit', ?, ?, 'officer.khonkaen')""")
                .params(id, "ทดสอบ " + subdistrict + " " + id, Date.valueOf(startsOn), Date.valueOf(endsOn),
                        FieldForms.HOME_VISIT_VERSION, unit)
                .update();
        jdbc.sql("INSERT INTO field_campaign_area (campaign_id, area_code) VALUES (?, ?)").params(id, subdistrict).update();
        jdbc.sql("INSERT INTO field_assignment (id, campaign_id, surveyor_id, subdistrict_code) VALUES (?, ?, ?, ?)")
                .params(UUID.randomUUID(), id, surveyor, subdistrict).update();
        return id;
    }

    private long refusedOn(UUID campaign, LocalDate day) {
        return jdbc.sql("""
                SELECT coalesce(sum(refused), 0) FROM field_progress_day WHERE campaign_id = ? AND visited_on = ?
                   AND subdistrict_code = '400703'""").params(campaign, Date.valueOf(day)).query(Long.class).single();
    }

    private Map<String, Object> visit(String instanceId) {
        return jdbc.sql("""
                SELECT v.visited_on, v.visited_at, v.visit_time_problem, s.received_at FROM field_visit v
                  JOIN field_submission s ON s.id = v.submission_id WHERE s.instance_id = ?""").param(instanceId)
                .query((rs, n) -> {
                    var m = new java.util.HashMap<String, Object>();
                    m.put("visited_on", rs.getObject(1, LocalDate.class));
                    m.put("visited_at", rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant());
                    m.put("problem", rs.getString(3));
                    m.put("received_at", rs.getTimestamp(4).toInstant());
                    return (Map<String, Object>) m;
                }).single();
    }

    private static byte[] refused(String version, String instanceId, String subdistrict, String start, String end) {
        return ("<data id=\"tonkla_home_visit\" version=\"" + version + "\">"
                + (start == null ? "" : "<start>" + start + "</start>") + (end == null ? "" : "<end>" + end + "</end>")
                + "<visit><subdistrict>" + subdistrict + "</subdistrict><outcome>refused</outcome></visit>"
                + "<meta><instanceID>" + instanceId + "</instanceID></meta></data>").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] visitedWithChild(String version, String instanceId, String end, String nationalId, LocalDate born) {
        return ("""
                <data id="tonkla_home_visit" version="%s"><start>%s</start><end>%s</end>
                <visit><subdistrict>400701</subdistrict><house_no>7</house_no><outcome>visited</outcome></visit>
                <consent><given>yes</given><by_name>แม่</by_name><relation>mother</relation><on>%s</on><purposes>health</purposes></consent>
                <child><given_name>วันเยี่ยม</given_name><family_name>นับวัน%s</family_name><sex>M</sex><dob>%s</dob>
                <id_type>national_id</id_type><national_id>%s</national_id><weight>11.8</weight><height>86.0</height>
                <health_coverage>none</health_coverage></child>
                <meta><instanceID>%s</instanceID></meta></data>""")
                .formatted(version, end, end, end.substring(0, 10), nationalId.substring(8), born, nationalId, instanceId)
                .getBytes(StandardCharsets.UTF_8);
    }

    private org.tonkla.identity.CurrentUser user(String username) {
        var a = accounts.search(username).stream().filter(v -> v.username().equals(username)).findFirst().orElseThrow();
        return new org.tonkla.identity.CurrentUser(a.id(), a.username(), a.displayName(), a.role(), a.scope(), "th");
    }

    private static String thai(LocalDate day) {
        return java.time.format.DateTimeFormatter.ofPattern("d MMM uuuu", org.tonkla.platform.ThaiDates.THAI)
                .withChronology(java.time.chrono.ThaiBuddhistChronology.INSTANCE).format(day);
    }
}
