package org.tonkla.recordbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;
import org.tonkla.WebClientSession;
import org.tonkla.directory.Directory;
import org.tonkla.directory.ServiceUnit;
import org.tonkla.directory.ServiceUnitType;
import org.tonkla.identity.Accounts;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;
import org.tonkla.identity.Scope;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 10 §6 and §8, the home page of a unit's staff: links to the class (named for the unit's type) and the
 * work list, "weighed x/y this month", and at the receiving unit the arrivals awaiting acknowledgement.
 */
class UnitHomeTest extends IntegrationTest {

    private static final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    Directory directory;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    private UUID center(String name, String head) {
        UUID unit = directory.addServiceUnit(new ServiceUnit(null, ServiceUnitType.EARLY_CHILDHOOD_CENTER, name + " (ทดสอบ)",
                null, "DLA", "400101", "40", null, null, null, null));
        accounts.create(new Accounts.AccountForm(head, head, Role.CENTER_HEAD, new Scope("DLA", OrgUnit.serviceUnit(unit)),
                "tonkla-demo", true), true);
        return unit;
    }

    private WebClientSession as(String username) {
        var s = session();
        assertThat(s.login(username, "tonkla-demo")).isEqualTo("/");
        return s;
    }

    private String child(WebClientSession head, UUID unit, String given) {
        var r = head.postJson("/api/v1/children", """
                {"givenNameTh":"%s","familyNameTh":"หน้าแรกทดสอบ","sex":"F","dateOfBirth":"%s","noIdentifierReason":"ไม่มีเอกสาร",
                 "unitId":"%s","confirmedNew":true}""".formatted(given, today().minusYears(3), unit));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json.readTree(r.body()).get("id").asString();
    }

    @Test
    void theHomePageLinksTheClassAndCountsTheMonthsWeighingAndArrivals() {
        UUID sending = center("ศูนย์หน้าแรก", "head.home");
        UUID receiving = center("ศูนย์รับหน้าแรก", "head.home.receiving");
        var head = as("head.home");
        String weighed = child(head, sending, "ชั่งแล้ว");
        String notYet = child(head, sending, "ยังไม่ชั่ง");
        assertThat(head.postJson("/api/v1/children/" + weighed + "/measurements",
                "{\"measuredOn\":\"" + today() + "\",\"weightKg\":14}").statusCode()).isEqualTo(201);

        String home = head.get("/", "text/html").body();
        assertThat(home).contains("ชั่งน้ำหนักแล้ว 1/2 คน เดือนนี้")
                .contains("href=\"/units/" + sending + "/roster\"").contains("href=\"/units/" + sending + "/worklist\"")
                .contains(">ห้องเรียน</a>");
        assertThat(home).doesNotContain("รอรับทราบ");

        // A child sent on: the receiving head sees the arrival to acknowledge on arrival, until acknowledged.
        head.postForm("/children/" + notYet + "/transfer", "toUnitId=" + receiving + "&confirmed=yes");
        assertThat(head.get("/", "text/html").body()).contains("ชั่งน้ำหนักแล้ว 1/1 คน เดือนนี้");
        var receiver = as("head.home.receiving");
        assertThat(receiver.get("/", "text/html").body()).contains("เด็กย้ายเข้า 1 คน รอรับทราบ")
                .contains("href=\"/units/" + receiving + "/arrivals\"");
        UUID transfer = jdbc.sql("SELECT id FROM transfer WHERE child_id = ?").param(UUID.fromString(notYet))
                .query(UUID.class).single();
        receiver.postForm("/transfers/" + transfer + "/acknowledge", "unitId=" + receiving);
        assertThat(receiver.get("/", "text/html").body()).doesNotContain("รอรับทราบ").contains("ชั่งน้ำหนักแล้ว 0/1 คน เดือนนี้");
    }

    @Test
    void aHealthWorkersListIsNotAClassroomAndAGuardianHasNoAreaScope() {
        String health = as("health.kk").get("/", "text/html").body();
        assertThat(health).contains(">เด็กที่รับบริการ</a>").doesNotContain(">ห้องเรียน</a>");
        String guardian = as("guardian.kk").get("/", "text/html").body();
        assertThat(guardian).doesNotContain("id=\"scope\"").doesNotContain("ทั้งประเทศ");
    }
}
