package org.tonkla.recordbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tonkla.IntegrationTest;
import org.tonkla.WebClientSession;
import org.tonkla.demo.DemoUnits;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 10 §7 and §8 on the child page: of two measurements on one day the one recorded last counts (the page
 * says which, the chart has one point for the day); an unknown or malformed child id answers a page, not a 500.
 */
class SameDayAndStatusesTest extends IntegrationTest {

    private static final JsonMapper json = JsonMapper.builder().build();

    /** The health center's recorder: a child registered there is on no class roster other tests count. */
    private WebClientSession head() {
        var s = session();
        assertThat(s.login("health.kk", "tonkla-demo")).isEqualTo("/");
        return s;
    }

    @Test
    void ofTwoMeasurementsOnOneDayTheLaterCountsAndThePageSaysSo() {
        var head = head();
        var r = head.postJson("/api/v1/children", """
                {"givenNameTh":"ชั่งซ้ำ","familyNameTh":"วันเดียว","sex":"F","dateOfBirth":"%s","noIdentifierReason":"ไม่มีเอกสาร",
                 "unitId":"%s","enrolmentKind":"REGISTERED"}""".formatted(today().minusYears(3), DemoUnits.KHON_KAEN_HEALTH_CENTER));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        String child = json.readTree(r.body()).get("id").asString();
        String day = today().minusDays(2).toString();
        assertThat(head.postJson("/api/v1/children/" + child + "/measurements",
                "{\"measuredOn\":\"" + day + "\",\"weightKg\":13.1,\"lengthCm\":94}").statusCode()).isEqualTo(201);
        assertThat(head.postJson("/api/v1/children/" + child + "/measurements",
                "{\"measuredOn\":\"" + day + "\",\"weightKg\":14.2,\"lengthCm\":94.5}").statusCode()).isEqualTo(201);

        String page = head.get("/children/" + child, "text/html").body();
        String table = page.substring(page.indexOf("id=\"measurements\""), page.indexOf("</table>", page.indexOf("id=\"measurements\"")));
        String[] rows = table.split("<tr");
        String first = java.util.Arrays.stream(rows).filter(x -> x.contains("13.1")).findFirst().orElseThrow();
        String second = java.util.Arrays.stream(rows).filter(x -> x.contains("14.2")).findFirst().orElseThrow();
        assertThat(first).contains("ไม่นับ: วัดซ้ำในวันเดียวกัน ใช้ค่าที่บันทึกหลังสุด").doesNotContain("ค่าที่นับของวันนี้");
        assertThat(second).contains("ค่าที่นับของวันนี้").doesNotContain("ไม่นับ");
        // The chart's weight points: one for the day, the later value.
        String points = page.substring(page.indexOf("&quot;points&quot;:"));
        points = points.substring(0, points.indexOf("]]") + 2);
        assertThat(points).matches("&quot;points&quot;:\\[\\[[0-9.]+,14\\.2\\]\\]");
    }

    @Test
    void anUnknownOrMalformedChildIdAnswersAPageNotA500() {
        var head = head();
        var unknown = head.get("/children/" + UUID.randomUUID(), "text/html");
        // Issue 10 §8: an unknown id answers 404 (page and API), with the error page, not a 500.
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("<main");
        var unknownApi = head.getJson("/api/v1/children/" + UUID.randomUUID());
        assertThat(unknownApi.statusCode()).isEqualTo(404);
        assertThat(unknownApi.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        var malformed = head.get("/children/not-a-child", "text/html");
        assertThat(malformed.statusCode()).isEqualTo(404);
        var unknownUnit = head.get("/units/" + UUID.randomUUID() + "/arrivals", "text/html");
        assertThat(unknownUnit.statusCode()).isIn(403, 404);
        assertThat(Pattern.compile("Whitelabel|Exception").matcher(malformed.body() + unknownUnit.body()).find()).isFalse();
    }

    @Test
    void anExistingChildOutOfScopeStaysRefused() {
        // Mali is enrolled in Khon Kaen; Chiang Mai's officer is outside her reach: 403, page and API alike.
        var officer = session();
        assertThat(officer.login("officer.chiangmai", "tonkla-demo")).isEqualTo("/");
        assertThat(officer.get("/children/" + MALI, "text/html").statusCode()).isEqualTo(403);
        assertThat(officer.getJson("/api/v1/children/" + MALI).statusCode()).isEqualTo(403);
    }

    private static final String MALI = "0192f0a0-0000-7000-8000-0000000000c1";
}
