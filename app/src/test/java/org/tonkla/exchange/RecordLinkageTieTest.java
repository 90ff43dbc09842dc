package org.tonkla.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;
import org.tonkla.core.thai.NationalId;
import org.tonkla.demo.DemoUnits;
import org.tonkla.directory.Directory;
import org.tonkla.directory.ServiceUnit;
import org.tonkla.directory.ServiceUnitType;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;
import org.tonkla.identity.Scope;
import org.tonkla.registry.ChildId;
import org.tonkla.registry.ChildImports;
import org.tonkla.registry.EnrolmentKind;
import org.tonkla.registry.NewChild;
import org.tonkla.registry.Registration;
import org.tonkla.registry.Sex;

/**
 * Record linkage with two likely matches: which record is this child is a person's call, so both pairs go to
 * review and nothing is merged.
 */
class RecordLinkageTieTest extends IntegrationTest {

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
        var id = new ChildId(UUID.nameUUIDFromBytes(("linkage-tie-test:" + key).getBytes()));
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
}
