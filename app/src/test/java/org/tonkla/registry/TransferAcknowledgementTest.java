package org.tonkla.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;
import org.tonkla.WebClientSession;
import org.tonkla.demo.DemoUnits;
import org.tonkla.directory.Directory;
import org.tonkla.directory.ServiceUnit;
import org.tonkla.directory.ServiceUnitType;
import org.tonkla.identity.Accounts;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;
import org.tonkla.identity.Scope;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 10 §3, on the server: a transfer is only made after the confirmation step; the sender may undo it until
 * the receiving unit acknowledges (and reads, but no longer writes, meanwhile); only the receiver acknowledges,
 * only the sender undoes, and a settled transfer cannot be settled again.
 */
class TransferAcknowledgementTest extends IntegrationTest {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final UUID KINDERGARTEN = DemoUnits.KHON_KAEN_KINDERGARTEN;
    /** This test's own center (the demo center's roster is counted by other tests), with its head's account. */
    private static UUID CENTER;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Directory directory;
    @Autowired
    Accounts accounts;

    @BeforeEach
    void center() {
        if (CENTER != null) return;
        CENTER = directory.addServiceUnit(new ServiceUnit(null, ServiceUnitType.EARLY_CHILDHOOD_CENTER,
                "ศูนย์พัฒนาเด็กเล็กส่งต่อ (ทดสอบ)", null, "DLA", "400101", "40", null, null, null, null));
        accounts.create(new Accounts.AccountForm("head.transfers", "หัวหน้าศูนย์ส่งต่อ", Role.CENTER_HEAD,
                new Scope("DLA", OrgUnit.serviceUnit(CENTER)), "tonkla-demo", true), true);
    }

    private WebClientSession as(String username) {
        var s = session();
        assertThat(s.login(username, "tonkla-demo")).isEqualTo("/");
        return s;
    }

    /** A child enrolled at the demo center, made by its head for this test (not in the demo class counts). */
    private UUID childAtTheCenter(WebClientSession head, String given) {
        var r = head.postJson("/api/v1/children", """
                {"givenNameTh":"%s","familyNameTh":"ทดสอบส่งต่อ","sex":"M","dateOfBirth":"%s","noIdentifierReason":"ไม่มีเอกสาร",
                 "unitId":"%s","className":"ทดสอบส่งต่อ","confirmedNew":true}""".formatted(given, today().minusYears(4), CENTER));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return UUID.fromString(json.readTree(r.body()).get("id").asString());
    }

    private UUID enrolledAt(UUID child) {
        return jdbc.sql("SELECT unit_id FROM enrolment WHERE child_id = ? AND ended_on IS NULL AND kind = 'ENROLLED'")
                .param(child).query(UUID.class).single();
    }

    private UUID transferOf(UUID child) {
        return jdbc.sql("SELECT id FROM transfer WHERE child_id = ? ORDER BY created_at DESC LIMIT 1").param(child)
                .query(UUID.class).single();
    }

    @Test
    void theConfirmationStepChangesNothingAndTheSenderUndoesUntilAcknowledged() {
        var head = as("head.transfers");
        UUID child = childAtTheCenter(head, "ส่งผิด");
        String form = "toUnitId=" + KINDERGARTEN + "&className=" + URLEncoder.encode("อ.1", StandardCharsets.UTF_8);

        // Without the confirmation nothing moves; the page asks, naming the child and the school.
        var asked = head.postForm("/children/" + child + "/transfer", form);
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("ส่งต่อ ส่งผิด ทดสอบส่งต่อ ไปยัง โรงเรียนอนุบาลขอนแก่น (สาธิต) ใช่หรือไม่");
        assertThat(enrolledAt(child)).isEqualTo(CENTER);

        var sent = head.postForm("/children/" + child + "/transfer", form + "&confirmed=yes");
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(enrolledAt(child)).isEqualTo(KINDERGARTEN);
        UUID transfer = transferOf(child);
        assertThat(head.get("/units/" + CENTER + "/transfers", "text/html").body())
                .contains("ส่งต่อ ส่งผิด ทดสอบส่งต่อ ไปยัง โรงเรียนอนุบาลขอนแก่น (สาธิต) แล้ว รอหน่วยที่รับรับทราบ");

        // Meanwhile the sender reads the child, but no longer writes to the record.
        assertThat(head.getJson("/api/v1/children/" + child).statusCode()).isEqualTo(200);
        assertThat(head.postJson("/api/v1/children/" + child + "/measurements",
                "{\"measuredOn\":\"" + today() + "\",\"weightKg\":16}").statusCode()).isEqualTo(403);
        // The receiving unit cannot undo; the sender can.
        var school = as("school.kk");
        assertThat(school.postForm("/transfers/" + transfer + "/undo", "unitId=" + KINDERGARTEN).statusCode()).isEqualTo(403);
        var undone = head.postForm("/transfers/" + transfer + "/undo", "unitId=" + CENTER);
        assertThat(undone.statusCode()).isEqualTo(302);
        assertThat(enrolledAt(child)).isEqualTo(CENTER);
        assertThat(head.get("/units/" + CENTER + "/transfers", "text/html").body()).contains("ยกเลิกการส่งต่อแล้ว");
        // The kindergarten no longer reaches the child; an undone transfer cannot be acknowledged.
        assertThat(school.getJson("/api/v1/children/" + child).statusCode()).isEqualTo(403);
        assertThat(school.postForm("/transfers/" + transfer + "/acknowledge", "unitId=" + KINDERGARTEN).statusCode())
                .isEqualTo(302);
        assertThat(jdbc.sql("SELECT acknowledged_at IS NULL FROM transfer WHERE id = ?").param(transfer)
                .query(Boolean.class).single()).isTrue();
        // And the child writes again at the center.
        assertThat(head.postJson("/api/v1/children/" + child + "/measurements",
                "{\"measuredOn\":\"" + today() + "\",\"weightKg\":16}").statusCode()).isIn(200, 201);
    }

    @Test
    void onlyTheReceiverAcknowledgesAndThenTheSenderNeitherUndoesNorReads() {
        var head = as("head.transfers");
        UUID child = childAtTheCenter(head, "ส่งถูก");
        head.postForm("/children/" + child + "/transfer", "toUnitId=" + KINDERGARTEN + "&confirmed=yes");
        UUID transfer = transferOf(child);
        var school = as("school.kk");
        assertThat(school.get("/units/" + KINDERGARTEN + "/arrivals", "text/html").body()).contains("ส่งถูก").contains("รอรับทราบ");

        assertThat(head.postForm("/transfers/" + transfer + "/acknowledge", "unitId=" + CENTER).statusCode()).isEqualTo(403);
        assertThat(school.postForm("/transfers/" + transfer + "/acknowledge", "unitId=" + KINDERGARTEN).statusCode())
                .isEqualTo(302);
        assertThat(head.getJson("/api/v1/children/" + child).statusCode()).isEqualTo(403);
        head.postForm("/transfers/" + transfer + "/undo", "unitId=" + CENTER);
        assertThat(enrolledAt(child)).isEqualTo(KINDERGARTEN);
        assertThat(school.get("/units/" + KINDERGARTEN + "/arrivals", "text/html").body()).doesNotContain("รอรับทราบ");
    }
}
