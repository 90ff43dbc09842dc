package org.tonkla.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tonkla.WebClientSession;

/** Shared bits of the referral tests: the demo's ids and reading fields out of JSON answers. */
final class ReferralFixtures {

    static final UUID CENTER = UUID.fromString("0192f0a0-0000-7000-8000-000000000001");
    static final UUID HEALTH_CENTER = UUID.fromString("0192f0a0-0000-7000-8000-000000000002");
    static final UUID KINDERGARTEN = UUID.fromString("0192f0a0-0000-7000-8000-000000000003");
    static final UUID SOCIAL_OFFICE = UUID.fromString("0192f0a0-0000-7000-8000-000000000004");
    /** มะลิ ใจดี: guardian.kk's daughter, enrolled at the center, registered at the health center. */
    static final UUID MALI = UUID.fromString("0192f0a0-0000-7000-8000-0000000000c1");
    static final String PASSWORD = "tonkla-demo";

    private ReferralFixtures() {}

    static WebClientSession as(WebClientSession s, String username) {
        assertThat(s.login(username, PASSWORD)).isEqualTo("/");
        return s;
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\"([^\"]*)\"|(-?\\d+)|null|true|false)").matcher(json);
        if (!m.find()) return null;
        return m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(1);
    }

    /** Refers Mali from teacher.kk's center to {@code to} for a suspected delay; returns the new referral's id. */
    static UUID refer(WebClientSession teacher, UUID to, String extra) {
        HttpResponse<String> r = teacher.postJson("/api/v1/referrals", """
                {"childId":"%s","toUnit":"%s","needType":"developmental-delay","needKey":"need.dspm.suspected",
                 "reason":"ไม่พูดเป็นคำ อายุ 3 ปี"%s}""".formatted(MALI, to, extra));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return UUID.fromString(field(r.body(), "id"));
    }

    static String step(WebClientSession s, UUID id, String step, String body, int expected) {
        HttpResponse<String> r = s.postJson("/api/v1/referrals/" + id + "/" + step, body);
        assertThat(r.statusCode()).as(step + ": " + r.body()).isEqualTo(expected);
        return r.body();
    }
}
