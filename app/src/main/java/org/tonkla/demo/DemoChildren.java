package org.tonkla.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.tonkla.core.development.DspmDomain;
import org.tonkla.core.development.ScreeningResult;
import org.tonkla.platform.ThaiDates;
import org.tonkla.recordbook.HealthNote;
import org.tonkla.recordbook.RecordBook;
import org.tonkla.recordbook.RecordBookImports;
import org.tonkla.recordbook.RecordBookImports.ChildFacts;
import org.tonkla.registry.ChildId;
import org.tonkla.registry.ChildImports;
import org.tonkla.registry.ChildImports.ImportedChild;
import org.tonkla.registry.ChildImports.ImportedEnrolment;
import org.tonkla.registry.ChildImports.ImportedGuardian;
import org.tonkla.registry.EnrolmentKind;
import org.tonkla.registry.Sex;

/**
 * The demo class that {@code teacher.kk} teaches at the demo center: 24 children of two to four,
 * among them {@code guardian.kk}'s daughter and a boy whose 42-month DSPM screening found a
 * suspected language delay and who has a peanut allergy, ready to hand over to the kindergarten. The
 * others passed their DSPM screenings at every key age.
 * Their measurements are left to the teacher, so that the roster's bulk entry has work to do.
 */
@Component
class DemoChildren {

    static final String CLASS_NAME = "ห้องดาวเรือง";
    /** มะลิ ใจดี, the child of the demo guardian. */
    static final ChildId GUARDIANS_CHILD = new ChildId(UUID.fromString("0192f0a0-0000-7000-8000-0000000000c1"));
    /** ก้องภพ แสนดี, suspected language delay and a peanut allergy. */
    static final ChildId HANDOVER_CHILD = new ChildId(UUID.fromString("0192f0a0-0000-7000-8000-0000000000c2"));

    private final ChildImports childImports;
    private final RecordBookImports entries;
    private final Clock clock;

    DemoChildren(ChildImports childImports, RecordBookImports entries, Clock clock) {
        this.childImports = childImports;
        this.entries = entries;
        this.clock = clock;
    }

    void load(UUID guardianUser) {
        LocalDate today = LocalDate.now(clock.withZone(ThaiDates.BANGKOK));
        String subdistrict = "400101";
        List<ImportedChild> children = new ArrayList<>();
        List<RecordBookImports.ImportedImmunization> doses = new ArrayList<>();
        var mali = new ImportedChild(GUARDIANS_CHILD, "มะลิ", "ใจดี", Sex.F, today.minusYears(3).minusMonths(2),
                SyntheticChildren.nationalId("400101", 9_000_001), subdistrict, "45/2", 16.4400, 102.8300,
                List.of(new ImportedGuardian(UUID.fromString("0192f0a0-0000-7000-8000-0000000000e1"), "สมหญิง", "ใจดี",
                        "มารดา", "081-234-5678", guardianUser)),
                enrolled(today.minusYears(3).minusMonths(2)));
        var kong = new ImportedChild(HANDOVER_CHILD, "ก้องภพ", "แสนดี", Sex.M, today.minusYears(3).minusMonths(8),
                SyntheticChildren.nationalId("400101", 9_000_002), subdistrict, "112", null, null,
                List.of(new ImportedGuardian(UUID.fromString("0192f0a0-0000-7000-8000-0000000000e2"), "บุษบา", "แสนดี",
                        "มารดา", "089-876-5432", null)),
                enrolled(today.minusYears(3).minusMonths(8)));
        children.add(mali);
        children.add(kong);
        for (int i = 0; i < 22; i++) {
            boolean boy = i % 2 == 0;
            var id = new ChildId(UUID.nameUUIDFromBytes(("demo-class:" + i).getBytes()));
            LocalDate dob = today.minusYears(2).minusDays(15 + i * 31L);
            children.add(new ImportedChild(id,
                    (boy ? ThaiNames.BOYS : ThaiNames.GIRLS).get(i * 7 % 50), ThaiNames.FAMILY.get(i * 11 % 60),
                    boy ? Sex.M : Sex.F, dob, SyntheticChildren.nationalId(subdistrict, 9_000_100 + i), subdistrict,
                    (10 + i) + "/1", null, null,
                    List.of(new ImportedGuardian(UUID.nameUUIDFromBytes(("demo-guardian:" + i).getBytes()),
                            ThaiNames.GIRLS.get(i * 3 % 50), ThaiNames.FAMILY.get(i * 11 % 60), "มารดา", null, null)),
                    enrolled(dob)));
        }
        childImports.importChildren(children, "demo");

        // Every child had the vaccines due before the class started; Mali's record is complete.
        for (ImportedChild c : children) {
            var facts = new ChildFacts(c.id(), c.sex(), c.dateOfBirth(), "40");
            for (var dose : RecordBook.SCHEDULE.doses()) {
                LocalDate due = dose.recommendedOn(c.dateOfBirth());
                boolean gap = c.id().equals(HANDOVER_CHILD) && dose.series().equals("MMR") && dose.dose() == 2;
                if (!dose.requiresPriorCodes().isEmpty() || due.isAfter(today) || gap) continue;
                doses.add(new RecordBookImports.ImportedImmunization(
                        UUID.nameUUIDFromBytes(("demo-epi:" + c.id() + dose.series() + dose.dose()).getBytes()), facts,
                        DemoUnits.KHON_KAEN_HEALTH_CENTER, dose.primaryCode(), due.plusDays(3)));
            }
        }
        var kongFacts = new ChildFacts(HANDOVER_CHILD, Sex.M, kong.dateOfBirth(), "40");
        var language = new EnumMap<DspmDomain, ScreeningResult>(DspmDomain.class);
        for (DspmDomain d : DspmDomain.values()) language.put(d, ScreeningResult.NORMAL);
        language.put(DspmDomain.EL, ScreeningResult.SUSPECTED_DELAY);
        UUID first = UUID.fromString("0192f0a0-0000-7000-8000-0000000000d1");
        LocalDate screened = kong.dateOfBirth().plusMonths(42).plusDays(5);
        var screenings = new ArrayList<>(List.of(
                new RecordBookImports.ImportedScreening(first, kongFacts, DemoUnits.KHON_KAEN_HEALTH_CENTER, screened, 42,
                        language, null),
                new RecordBookImports.ImportedScreening(UUID.fromString("0192f0a0-0000-7000-8000-0000000000d2"), kongFacts,
                        DemoUnits.KHON_KAEN_HEALTH_CENTER, screened.plusDays(28), 42, language, first)));
        // The class was screened at the health center at every key age it has passed, and passed; only
        // Kong's 42-month screening found a delay. (The center's Standard 3 items are scored from these.)
        var passed = new EnumMap<DspmDomain, ScreeningResult>(DspmDomain.class);
        for (DspmDomain d : DspmDomain.values()) passed.put(d, ScreeningResult.NORMAL);
        for (ImportedChild c : children) {
            var facts = new ChildFacts(c.id(), c.sex(), c.dateOfBirth(), "40");
            for (var age : org.tonkla.core.development.DspmScreeningAge.values()) {
                LocalDate on = age.reachedOn(c.dateOfBirth()).plusDays(3);
                if (on.isAfter(today) || (c.id().equals(HANDOVER_CHILD) && age.months() == 42)) continue;
                screenings.add(new RecordBookImports.ImportedScreening(
                        UUID.nameUUIDFromBytes(("demo-dspm:" + c.id() + age.months()).getBytes()), facts,
                        DemoUnits.KHON_KAEN_HEALTH_CENTER, on, age.months(), passed, null));
            }
        }
        var notes = List.of(new RecordBookImports.ImportedNote(UUID.fromString("0192f0a0-0000-7000-8000-0000000000f1"),
                kongFacts, DemoUnits.KHON_KAEN_HEALTH_CENTER, HealthNote.Kind.ALLERGY, "แพ้ถั่วลิสง"));
        entries.importEntries(List.of(), screenings, doses, notes, "demo", Instant.now(clock));
    }

    private static List<ImportedEnrolment> enrolled(LocalDate dob) {
        return List.of(
                new ImportedEnrolment(DemoUnits.KHON_KAEN_HEALTH_CENTER, EnrolmentKind.REGISTERED, null, dob, null),
                new ImportedEnrolment(DemoUnits.KHON_KAEN_CENTER, EnrolmentKind.ENROLLED, CLASS_NAME,
                        dob.plusYears(2), null));
    }
}
