package org.tonkla.committee;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.WebClientSession;

/** Shared bits of the committee tests: the demo's ids, a test committee, referrals of demo classmates. */
final class CommitteeFixtures {

    static final UUID CENTER = UUID.fromString("0192f0a0-0000-7000-8000-000000000001");
    static final UUID HEALTH_CENTER = UUID.fromString("0192f0a0-0000-7000-8000-000000000002");
    static final UUID KINDERGARTEN = UUID.fromString("0192f0a0-0000-7000-8000-000000000003");
    static final UUID CHIANG_MAI_CENTER = UUID.fromString("0192f0a0-0000-7000-8000-000000000005");
    static final String PASSWORD = "tonkla-demo";

    private CommitteeFixtures() {}

    /** A classmate of the demo class (DemoChildren), enrolled at teacher.kk's center in Mueang Khon Kaen. */
    static UUID classmate(int i) {
        return UUID.nameUUIDFromBytes(("demo-class:" + i).getBytes());
    }

    static WebClientSession as(WebClientSession s, String username) {
        assertThat(s.login(username, PASSWORD)).isEqualTo("/");
        return s;
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\"([^\"]*)\"|(-?\\d+)|null|true|false)").matcher(json);
        if (!m.find()) return null;
        return m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(1);
    }

    static String ok(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return r.body();
    }

    /** teacher.kk refers the child; returns the referral's id. */
    static UUID refer(WebClientSession teacher, UUID child, UUID to, String needType, String extra) {
        String body = ok(teacher.postJson("/api/v1/referrals", """
                {"childId":"%s","toUnit":"%s","needType":"%s","reason":"ทดสอบคณะกรรมการ"%s}"""
                .formatted(child, to, needType, extra)), 201);
        return UUID.fromString(field(body, "id"));
    }

    /**
     * The test's own committee: the child-protection subcommittee of Mueang Khon Kaen (the demo's committee is the
     * quality-of-life one, which the browser test uses), committee.kk its secretary, health.kk and school.kk members.
     */
    static synchronized UUID testCommittee(WebClientSession admin, JdbcClient jdbc) {
        List<UUID> existing = jdbc.sql("SELECT id FROM committee WHERE district_code = '4001' AND kind = 'CHILD_PROTECTION'")
                .query(UUID.class).list();
        if (!existing.isEmpty()) return existing.getFirst();
        String body = ok(admin.postJson("/api/v1/committees", """
                {"kind":"CHILD_PROTECTION","districtCode":"4001","nameTh":"คณะอนุกรรมการคุ้มครองเด็กอำเภอเมืองขอนแก่น (ทดสอบ)"}"""),
                201);
        UUID id = UUID.fromString(field(body, "id"));
        ok(admin.postJson("/api/v1/committees/" + id + "/members", "{\"username\":\"committee.kk\",\"position\":\"SECRETARY\"}"), 200);
        ok(admin.postJson("/api/v1/committees/" + id + "/members", "{\"username\":\"health.kk\",\"position\":\"MEMBER\"}"), 200);
        ok(admin.postJson("/api/v1/committees/" + id + "/members", "{\"username\":\"school.kk\",\"position\":\"MEMBER\"}"), 200);
        return id;
    }

    /** The secretary's new meeting on {@code heldOn}; returns its id. */
    static UUID meeting(WebClientSession secretary, UUID committee, java.time.LocalDate heldOn) {
        String body = ok(secretary.postJson("/api/v1/committees/" + committee + "/meetings",
                "{\"heldOn\":\"" + heldOn + "\",\"place\":\"ห้องประชุมอำเภอ\"}"), 201);
        return UUID.fromString(field(body, "id"));
    }
}
