package org.tonkla.exchange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.UUID;
import org.tonkla.core.development.DspmDomain;
import org.tonkla.core.development.ScreeningResult;
import org.tonkla.core.thai.NationalId;
import org.tonkla.demo.DemoUnits;
import org.tonkla.recordbook.RecordBookImports;
import org.tonkla.recordbook.RecordBookImports.ChildFacts;
import org.tonkla.registry.ChildId;
import org.tonkla.registry.ChildImports;
import org.tonkla.registry.EnrolmentKind;
import org.tonkla.registry.Sex;

/**
 * This test package's own child: registered at the Khon Kaen health center (so health.kk reaches her and
 * officer.chiangmai does not), with a mother, one measurement, one DSPM screening and one BCG dose.
 */
final class FhirFixture {

    private FhirFixture() {}

    static final ChildId CHILD = new ChildId(UUID.nameUUIDFromBytes("fhir-test:child".getBytes()));
    static final UUID GUARDIAN = UUID.nameUUIDFromBytes("fhir-test:guardian".getBytes());
    static final UUID MEASUREMENT = UUID.nameUUIDFromBytes("fhir-test:measurement".getBytes());
    static final UUID SCREENING = UUID.nameUUIDFromBytes("fhir-test:screening".getBytes());
    static final UUID DOSE = UUID.nameUUIDFromBytes("fhir-test:dose".getBytes());
    static final String NATIONAL_ID = "140019977661" + NationalId.checkDigit("140019977661");
    static final String GIVEN = "ฟ้าใส";

    private static volatile boolean made;

    static synchronized void make(ChildImports children, RecordBookImports entries) {
        if (made) return;
        LocalDate born = LocalDate.now().minusYears(2).minusMonths(7);
        children.importChildren(List.of(new ChildImports.ImportedChild(CHILD, GIVEN, "รักษ์ไทย", Sex.F, born, NATIONAL_ID,
                "400101", "9/9", null, null,
                List.of(new ChildImports.ImportedGuardian(GUARDIAN, "สมใจ", "รักษ์ไทย", "มารดา", "081-000-0000", null)),
                List.of(new ChildImports.ImportedEnrolment(DemoUnits.KHON_KAEN_HEALTH_CENTER, EnrolmentKind.REGISTERED, null,
                        born, null)))), "fhir-test");
        var facts = new ChildFacts(CHILD, Sex.F, born, "40");
        var domains = new EnumMap<DspmDomain, ScreeningResult>(DspmDomain.class);
        for (DspmDomain d : DspmDomain.values()) domains.put(d, ScreeningResult.NORMAL);
        domains.put(DspmDomain.RL, ScreeningResult.SUSPECTED_DELAY);
        entries.importEntries(
                List.of(new RecordBookImports.ImportedMeasurement(MEASUREMENT, facts, DemoUnits.KHON_KAEN_HEALTH_CENTER,
                        born.plusMonths(24).plusDays(3), 11.8, 86.0, "H")),
                List.of(new RecordBookImports.ImportedScreening(SCREENING, facts, DemoUnits.KHON_KAEN_HEALTH_CENTER,
                        born.plusMonths(18).plusDays(4), 18, domains, null)),
                List.of(new RecordBookImports.ImportedImmunization(DOSE, facts, DemoUnits.KHON_KAEN_HEALTH_CENTER, "010",
                        born.plusDays(1))),
                List.of(), "fhir-test", Instant.now());
        made = true;
    }
}
