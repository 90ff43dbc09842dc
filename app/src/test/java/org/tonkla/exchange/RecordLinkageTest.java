package org.tonkla.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;
import org.tonkla.core.thai.NationalId;
import org.tonkla.demo.DemoUnits;
import org.tonkla.directory.Directory;
import org.tonkla.directory.ServiceUnit;
import org.tonkla.directory.ServiceUnitType;
import org.tonkla.exchange.linkage.LinkageWeights;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;
import org.tonkla.identity.Scope;
import org.tonkla.platform.Conflict;
import org.tonkla.platform.NotFound;
import org.tonkla.registry.ChildId;
import org.tonkla.registry.ChildImports;
import org.tonkla.registry.EnrolmentKind;
import org.tonkla.registry.NewChild;
import org.tonkla.registry.Registration;
import org.tonkla.registry.Sex;

/**
 * Record linkage (issue 14 point 2): the same child registered at two health centers, once with a national ID
 * and once without, is linked; a pair in the middle band waits for review, is merged and unmerged, and is not
 * proposed again; two records with different valid national IDs are never merged, not even by a direct write; two
 * likely matches both wait for review.
 */
class RecordLinkageTest extends IntegrationTest {

    /** A second health center in Khon Kaen (this test's own), next to the demo's Samran health center (99001). */
    static final UUID OTHER_HEALTH_CENTER = UUID.nameUUIDFromBytes("linkage-test:health-center".getBytes());

    @Autowired
    RecordLinkage linkage;
    @Autowired
    ChildImports children;
    @Autowired
    Registration registration;
    @Autowired
    Directory directory;
    @Autowired
    JdbcClient jdbc;

    /** Provincial health staff of Khon Kaen: reach both health centers (same agency, province 40). */
    final CurrentUser reviewer = new CurrentUser(UUID.randomUUID(), "linkage.reviewer", "ผู้ตรวจทาน", Role.HEALTH_WORKER,
            new Scope("OPS-MOPH", OrgUnit.area("40")), "th");
    final CurrentUser chiangMai = new CurrentUser(UUID.randomUUID(), "linkage.cm", "เชียงใหม่", Role.HEALTH_WORKER,
            new Scope("OPS-MOPH", OrgUnit.area("50")), "th");
    final CurrentUser otherCenterNurse = new CurrentUser(UUID.randomUUID(), "linkage.nurse", "พยาบาล", Role.HEALTH_WORKER,
            new Scope("OPS-MOPH", OrgUnit.serviceUnit(OTHER_HEALTH_CENTER)), "th");

    @BeforeEach
    void otherHealthCenter() {
        if (directory.serviceUnit(OTHER_HEALTH_CENTER).isEmpty()) {
            directory.addServiceUnit(new ServiceUnit(OTHER_HEALTH_CENTER, ServiceUnitType.HEALTH_CENTER,
                    "รพ.สต.ทดสอบการเชื่อมระเบียน", "Linkage test health center", "OPS-MOPH", "400103", "40", null, null,
                    "99778", null));
        }
    }

    private ChildId withId(String key, String given, String family, Sex sex, LocalDate born, String first12) {
        var id = new ChildId(UUID.nameUUIDFromBytes(("linkage-test:" + key).getBytes()));
        children.importChildren(List.of(new ChildImports.ImportedChild(id, given, family, sex, born,
                first12 + NationalId.checkDigit(first12), "400102", "1", null, null, List.of(),
                List.of(new ChildImports.ImportedEnrolment(DemoUnits.KHON_KAEN_HEALTH_CENTER, EnrolmentKind.REGISTERED, null,
                        born, null)))), "linkage-test");
        return id;
    }

    /** Registered at the other health center without a national ID, as its nurse does. */
    private ChildId withoutId(String given, String family, Sex sex, LocalDate born) {
        var outcome = registration.register(new NewChild(given, family, null, null, sex, born, "THA", null, null,
                "ไม่มีสูติบัตร (ทดสอบ)", OTHER_HEALTH_CENTER, EnrolmentKind.REGISTERED, null, born, null, null, null, null,
                true), otherCenterNurse);
        return ((Registration.Created) outcome).child();
    }

    @Test
    void theSameChildFromTwoHealthCentersIsLinked() {
        LocalDate born = LocalDate.now().minusYears(1).minusDays(40);
        ChildId withId = withId("a", "ปิยะดา", "มีสุขสันต์", Sex.F, born, "140019955501");
        ChildId noId = withoutId("ปิยะดา", "มีสุขสันต์", Sex.F, born);

        var result = linkage.scan(noId, "test");

        assertThat(result.merged()).isEqualTo(1);
        assertThat(linkage.linksOf(noId)).containsExactly(new RecordLinkage.Link(withId, false));
        assertThat(linkage.linksOf(withId)).containsExactly(new RecordLinkage.Link(noId, true));
        assertThat(events(noId)).containsExactly("AUTO_MERGED");
    }

    @Test
    void aPairInTheMiddleBandIsReviewedMergedAndUnmerged() {
        LocalDate born = LocalDate.now().minusYears(2).minusDays(10);
        ChildId kept = withId("c", "สมชาย", "ใจงามดี", Sex.M, born, "140019955502");
        // Same name, born three days apart on the other center's paper: not sure enough to merge alone.
        ChildId other = withoutId("สมชาย", "ใจงามดี", Sex.M, born.plusDays(3));

        assertThat(linkage.scan(other, "test").queued()).isEqualTo(1);
        assertThat(linkage.linksOf(other)).isEmpty();
        assertThat(linkage.reviews(chiangMai, 100)).noneMatch(p -> p.duplicate().id().equals(other));
        assertThat(linkage.reviews(reviewer, 100)).as("newest first").anyMatch(p -> p.duplicate().id().equals(other));
        UUID pairId = jdbc.sql("SELECT id FROM linkage_pair WHERE child_b = ?").param(other.value()).query(UUID.class).single();
        assertThat(linkage.pair(pairId, chiangMai)).isEmpty();
        var pair = linkage.pair(pairId, reviewer).orElseThrow();
        assertThat(pair.status()).isEqualTo("REVIEW");
        assertThat(pair.kept().id()).isEqualTo(kept);
        assertThat(pair.score()).isBetween(LinkageWeights.REVIEW, LinkageWeights.LINK);
        assertThatThrownBy(() -> linkage.merge(pair.id(), pair.revision(), chiangMai)).isInstanceOf(NotFound.class);

        linkage.merge(pair.id(), pair.revision(), reviewer);
        assertThat(linkage.linksOf(other)).containsExactly(new RecordLinkage.Link(kept, false));
        assertThatThrownBy(() -> linkage.merge(pair.id(), pair.revision(), reviewer)).isInstanceOf(Conflict.class);

        linkage.unmerge(pair.id(), pair.revision() + 1, reviewer, "คนละคน: แม่คนละคน");
        assertThat(linkage.linksOf(other)).isEmpty();
        assertThat(linkage.linksOf(kept)).isEmpty();
        assertThat(events(other)).containsExactly("QUEUED", "MERGED", "UNMERGED");
        // Unmerged is final for this pair: a new scan does not propose it again.
        assertThat(linkage.scan(other, "test")).isEqualTo(new RecordLinkage.ScanResult(0, 0));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE entity_id = ? AND action LIKE 'LINK_%'")
                .param(other.toString()).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void twoDifferentNationalIdsAreNeverMerged() {
        LocalDate born = LocalDate.now().minusYears(3).minusDays(5);
        ChildId first = withId("e", "กานดา", "ทองดีมาก", Sex.F, born, "140019955503");
        ChildId second = withId("f", "กานดา", "ทองดีมาก", Sex.F, born, "140019955504");

        assertThat(linkage.scan(second, "test")).isEqualTo(new RecordLinkage.ScanResult(0, 0));

        assertThatThrownBy(() -> insertPair(first, second, "MERGED")).isInstanceOf(DataIntegrityViolationException.class);
        UUID review = insertPair(first, second, "REVIEW");
        assertThatThrownBy(() -> linkage.merge(review, 0, reviewer)).isInstanceOf(Conflict.class);
        assertThat(linkage.linksOf(second)).isEmpty();
    }

    @Test
    void theReviewPageMergesAndUnmergesInThai() {
        LocalDate born = LocalDate.now().minusYears(1).minusDays(100);
        withId("g", "วิไลวรรณ", "สุขใจยิ่งยง", Sex.F, born, "140019955505");
        var samranNurse = new CurrentUser(UUID.randomUUID(), "linkage.samran", "พยาบาล", Role.HEALTH_WORKER,
                new Scope("OPS-MOPH", OrgUnit.serviceUnit(DemoUnits.KHON_KAEN_HEALTH_CENTER)), "th");
        var other = ((Registration.Created) registration.register(new NewChild("วิไลวรรณ", "สุขใจยิ่งยง", null, null, Sex.F,
                born.plusDays(2), "THA", null, null, "ไม่มีสูติบัตร (ทดสอบ)", DemoUnits.KHON_KAEN_HEALTH_CENTER,
                EnrolmentKind.REGISTERED, null, born.plusDays(2), null, null, null, null, true), samranNurse)).child();
        assertThat(linkage.scan(other, "test").queued()).isEqualTo(1);
        UUID pair = jdbc.sql("SELECT id FROM linkage_pair WHERE child_b = ?").param(other.value()).query(UUID.class).single();

        var health = session();
        assertThat(health.login("health.kk", "tonkla-demo")).isEqualTo("/");
        var page = health.get("/linkage", "text/html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("ระเบียนที่อาจเป็นเด็กคนเดียวกัน").contains("วิไลวรรณ").contains("/linkage/" + pair + "/merge");
        assertThat(health.getJson("/api/v1/linkage/reviews").body()).contains(pair.toString());

        var merged = health.postForm("/linkage/" + pair + "/merge", "revision=0");
        assertThat(merged.statusCode()).isEqualTo(302);
        assertThat(linkage.linksOf(other)).hasSize(1);
        var again = health.postForm("/linkage/" + pair + "/merge", "revision=0");
        assertThat(again.statusCode()).as("a stale revision").isEqualTo(409);
        var noReason = health.postForm("/linkage/" + pair + "/unmerge", "revision=1&reason=");
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(noReason.body()).contains("กรุณาระบุเหตุผลที่แยกระเบียน");
        assertThat(health.postForm("/linkage/" + pair + "/unmerge", "revision=1&reason=" + java.net.URLEncoder.encode(
                "คนละคน", java.nio.charset.StandardCharsets.UTF_8)).statusCode()).isEqualTo(302);
        assertThat(linkage.linksOf(other)).isEmpty();
    }

    /** Two likely matches: which record is this child is a person's call, so both pairs go to review and none merges. */
    @Test
    void twoRecordsAboveTheLinkThresholdAreBothReviewedAndNoneMerged() {
        LocalDate born = LocalDate.now().minusYears(1).minusDays(55);
        ChildId first = withId("tie-a", "ธันวา", "สองทางเลือก", Sex.M, born, "140019966601");
        ChildId second = withId("tie-b", "ธันวา", "สองทางเลือก", Sex.M, born, "140019966602");
        ChildId noId = withoutId("ธันวา", "สองทางเลือก", Sex.M, born);

        var result = linkage.scan(noId, "test");

        assertThat(result).isEqualTo(new RecordLinkage.ScanResult(0, 2));
        assertThat(linkage.linksOf(noId)).isEmpty();
        assertThat(linkage.linksOf(first)).isEmpty();
        assertThat(linkage.linksOf(second)).isEmpty();
    }

    private UUID insertPair(ChildId a, ChildId b, String status) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO linkage_pair (id, child_a, child_b, score, evidence, status, province_code, decided_by, decided_at)
                VALUES (?, ?, ?, 99, 'forced by the test', ?, '40', 'test', CASE WHEN ? = 'REVIEW' THEN NULL ELSE now() END)""")
                .params(id, a.value(), b.value(), status, status).update();
        return id;
    }

    private List<String> events(ChildId duplicate) {
        return jdbc.sql("""
                SELECT e.action FROM linkage_event e JOIN linkage_pair p ON p.id = e.pair_id
                 WHERE p.child_b = ? ORDER BY e.occurred_at, e.action""").param(duplicate.value()).query(String.class).list();
    }
}
