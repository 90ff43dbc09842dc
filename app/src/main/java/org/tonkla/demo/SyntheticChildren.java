package org.tonkla.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.tonkla.core.development.DspmDomain;
import org.tonkla.core.development.DspmSchedule;
import org.tonkla.core.development.DspmScreeningAge;
import org.tonkla.core.development.ScreeningResult;
import org.tonkla.core.development.ScreeningWindow;
import org.tonkla.core.growth.Indicator;
import org.tonkla.core.growth.Lms;
import org.tonkla.core.growth.GrowthStandards;
import org.tonkla.core.immunization.ScheduledDose;
import org.tonkla.core.thai.NationalId;
import org.tonkla.directory.Area;
import org.tonkla.directory.Directory;
import org.tonkla.directory.ServiceUnit;
import org.tonkla.directory.ServiceUnitType;
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
 * The synthetic child population of the Khon Kaen pilot (Mueang Khon Kaen, Nam Phong, Chonnabot):
 * children aged 0–6 spread over the districts' health centers, child-development centers and
 * kindergartens, with Thai names, growth drawn from the WHO standards, DSPM screenings at the key
 * ages with re-checks, and vaccinations with gaps. Deterministic for a seed; ids are name-based, so
 * running it again adds nothing twice and a run cut short resumes where it stopped.
 *
 * <p>The rates are round figures of the order Thailand's MICS 2019 reports (about 13 % stunting, 7 %
 * wasting, 90 % full immunization) and the DSPM programme's (about a quarter suspected at first
 * screening); they make dashboards and work lists look real, they are not statistics.
 */
@Component
class SyntheticChildren {

    /** About 48,000 children aged 0–6 in Mueang Khon Kaen, Nam Phong and Chonnabot. */
    static final int PILOT_CHILDREN = 48_000;
    static final List<String> PILOT_DISTRICTS = List.of("4001", "4007", "4018");
    static final String GENERATOR = "tonkla-generate";
    private static final int BATCH = 2_000;

    private final Directory directory;
    private final ChildImports childImports;
    private final RecordBookImports entries;
    private final Clock clock;
    private final SyntheticRecords records = new SyntheticRecords();
    private final SyntheticReferrals referralHistory = new SyntheticReferrals();
    private final org.tonkla.referral.ReferralImports referrals;

    SyntheticChildren(Directory directory, ChildImports childImports, RecordBookImports entries, Clock clock,
            org.tonkla.referral.ReferralImports referrals) {
        this.referrals = referrals;
        this.directory = directory;
        this.childImports = childImports;
        this.entries = entries;
        this.clock = clock;
    }

    /** The service units of one subdistrict that the population uses. */
    record LocalUnits(Area subdistrict, ServiceUnit healthCenter, List<ServiceUnit> centers, ServiceUnit kindergarten) {}

    /** Generates {@code count} children with their records, printing progress; returns the children inserted. */
    long generate(int count, long seed) {
        return generate(count, seed, null);
    }

    /** Like {@link #generate(int, long)}; with {@code field}, also the pilot's home-visit campaign and its visits. */
    long generate(int count, long seed, SyntheticField field) {
        long started = System.nanoTime();
        LocalDate today = LocalDate.now(clock.withZone(ThaiDates.BANGKOK));
        List<LocalUnits> units = pilotUnits();
        System.out.printf("Generating %,d children in %d subdistricts of %s (seed %d)%n", count, units.size(),
                String.join(", ", PILOT_DISTRICTS), seed);
        long inserted = 0;
        var totals = new long[6];
        long fieldNanos = 0;
        if (field != null) field.open(units, seed);
        for (int from = 0; from < count; from += BATCH) {
            var batch = new Batch();
            for (int i = from; i < Math.min(count, from + BATCH); i++) {
                var random = new SplittableRandom(seed * 1_000_003L + i);
                LocalUnits home = units.get(random.nextInt(units.size()));
                child(batch, random, "pilot:" + seed + ":" + i, (int) ((seed * 100_000 + i) % 10_000_000), count, home, today);
            }
            inserted += write(batch, seed, totals, GENERATOR);
            if (field != null) {
                long t = System.nanoTime();
                totals[5] += field.visits(batch.children, seed);
                fieldNanos += System.nanoTime() - t;
            }
            int done = Math.min(count, from + BATCH);
            System.out.printf("  %,7d / %,d children (%3d %%), %s%n", done, count, done * 100L / count,
                    elapsed(started));
        }
        System.out.printf("Done in %s: %,d new children, %,d measurements, %,d DSPM screenings, %,d vaccinations, "
                + "%,d health notes, %,d referrals, %,d home visits%n", elapsed(started), inserted, totals[0], totals[1],
                totals[2], totals[3], totals[4], totals[5]);
        if (field != null) System.out.printf("  (home visits took %.1f s of it)%n", fieldNanos / 1e9);
        return inserted;
    }

    private static String elapsed(long startedNanos) {
        Duration d = Duration.ofNanos(System.nanoTime() - startedNanos);
        return String.format("%d.%01d s", d.toSeconds(), d.toMillisPart() / 100);
    }

    // --- units

    /** One health center, two child-development centers and one kindergarten per pilot subdistrict. */
    List<LocalUnits> pilotUnits() {
        List<LocalUnits> result = new ArrayList<>();
        int n = 0;
        for (String district : PILOT_DISTRICTS) {
            for (Area sub : directory.childrenOf(district)) {
                n++;
                String name = sub.nameTh();
                String nameEn = sub.nameEn();
                var hc = unit(sub, "hc", ServiceUnitType.HEALTH_CENTER, "โรงพยาบาลส่งเสริมสุขภาพตำบล" + name + " (จำลอง)",
                        nameEn + " Health Promoting Hospital (simulated)", "OPS-MOPH", String.format("98%03d", n), null);
                var c1 = unit(sub, "cdc1", ServiceUnitType.EARLY_CHILDHOOD_CENTER, "ศูนย์พัฒนาเด็กเล็กตำบล" + name + " (จำลอง)",
                        nameEn + " Child Development Center (simulated)", "DLA", null, null);
                var c2 = unit(sub, "cdc2", ServiceUnitType.EARLY_CHILDHOOD_CENTER, "ศูนย์พัฒนาเด็กเล็กบ้าน" + name + " (จำลอง)",
                        "Ban " + nameEn + " Child Development Center (simulated)", "DLA", null, null);
                var kg = unit(sub, "kg", ServiceUnitType.KINDERGARTEN, "โรงเรียนอนุบาล" + name + " (จำลอง)",
                        "Anuban " + nameEn + " School (simulated)", "OBEC", null, String.format("9940%06d", n));
                result.add(new LocalUnits(sub, hc, List.of(c1, c2), kg));
            }
        }
        return result;
    }

    private ServiceUnit unit(Area sub, String kind, ServiceUnitType type, String nameTh, String nameEn, String agency,
            String hospcode, String schoolCode) {
        UUID id = UUID.nameUUIDFromBytes(("pilot-unit:" + sub.code() + ":" + kind).getBytes());
        return directory.serviceUnit(id).orElseGet(() -> {
            var unit = new ServiceUnit(id, type, nameTh, nameEn, agency, sub.code(), sub.code().substring(0, 2), null, null,
                    hospcode, schoolCode);
            directory.addServiceUnit(unit);
            return unit;
        });
    }

    // --- one child

    /** What one batch writes. */
    static final class Batch {
        final List<ImportedChild> children = new ArrayList<>();
        final List<RecordBookImports.ImportedMeasurement> measurements = new ArrayList<>();
        final List<RecordBookImports.ImportedScreening> screenings = new ArrayList<>();
        final List<RecordBookImports.ImportedImmunization> doses = new ArrayList<>();
        final List<RecordBookImports.ImportedNote> notes = new ArrayList<>();
    }

    /**
     * Writes one batch (children first, then their records and referrals) and adds what it wrote to
     * {@code totals} (measurements, screenings, vaccinations, notes, referrals); returns the children inserted.
     * {@code generator} is recorded as who created them.
     */
    long write(Batch batch, long seed, long[] totals, String generator) {
        long inserted = childImports.importChildren(batch.children, generator);
        entries.importEntries(batch.measurements, batch.screenings, batch.doses, batch.notes, generator,
                Instant.now(clock));
        totals[0] += batch.measurements.size();
        totals[1] += batch.screenings.size();
        totals[2] += batch.doses.size();
        totals[3] += batch.notes.size();
        totals[4] += referrals.importHistory(referralHistory.of(batch, seed, Instant.now(clock)), ThaiDates.BANGKOK);
        return inserted;
    }

    /**
     * One child of {@code home}'s subdistrict with its records, drawn from {@code random}; {@code key} makes its
     * ids, {@code serial} its national ID (unique within the district). {@code count} sizes the classes.
     * {@code home} may lack centers or a kindergarten (a subdistrict of the national set without one).
     */
    void child(Batch batch, SplittableRandom random, String key, int serial, int count, LocalUnits home, LocalDate today) {
        ChildId id = new ChildId(UUID.nameUUIDFromBytes(("child:" + key).getBytes()));
        Sex sex = random.nextBoolean() ? Sex.M : Sex.F;
        LocalDate dob = today.minusDays(random.nextInt(6 * 365));
        String family = ThaiNames.FAMILY.get(random.nextInt(ThaiNames.FAMILY.size()));
        String given = sex == Sex.M ? ThaiNames.BOYS.get(random.nextInt(ThaiNames.BOYS.size()))
                : ThaiNames.GIRLS.get(random.nextInt(ThaiNames.GIRLS.size()));
        String province = home.subdistrict().code().substring(0, 2);
        var facts = new ChildFacts(id, sex, dob, province);

        // Enrolments: registered at the health center from birth; a child-development center from 2 years,
        // kindergarten from 3 (อนุบาล 1–3), as most Thai children go.
        List<ImportedEnrolment> enrolments = new ArrayList<>();
        enrolments.add(new ImportedEnrolment(home.healthCenter().id(), EnrolmentKind.REGISTERED, null, dob, null));
        LocalDate centerFrom = dob.plusYears(2);
        LocalDate kgFrom = dob.plusYears(3);
        ServiceUnit center = null;
        if (!centerFrom.isAfter(today) && !home.centers().isEmpty() && random.nextDouble() < 0.75) {
            center = home.centers().get(random.nextInt(home.centers().size()));
            boolean moved = !kgFrom.isAfter(today);
            enrolments.add(new ImportedEnrolment(center.id(), EnrolmentKind.ENROLLED,
                    "ห้องเด็กเล็ก " + (1 + random.nextInt(rooms(count, 2))), centerFrom, moved ? kgFrom : null));
        }
        boolean inKindergarten = !kgFrom.isAfter(today) && home.kindergarten() != null && random.nextDouble() < 0.9;
        if (inKindergarten) {
            int grade = Math.min(3, (int) ChronoUnit.YEARS.between(dob, today) - 2);
            enrolments.add(new ImportedEnrolment(home.kindergarten().id(), EnrolmentKind.ENROLLED,
                    "อนุบาล " + grade + "/" + (1 + random.nextInt(rooms(count, 1))), kgFrom, null));
        }
        batch.children.add(new ImportedChild(id, given, family, sex, dob, nationalId(home.subdistrict().code(), serial),
                home.subdistrict().code(), (1 + random.nextInt(250)) + "/" + (1 + random.nextInt(12)), null, null,
                List.of(guardian(key, random, family)), enrolments));

        records.growth(batch, random, key, facts, home, center, inKindergarten ? home.kindergarten() : null, today);
        records.development(batch, random, key, facts, home, today);
        records.vaccinations(batch, random, key, facts, home, today);
        if (random.nextDouble() < 0.05) {
            var note = ThaiNames.NOTES.get(random.nextInt(ThaiNames.NOTES.size()));
            batch.notes.add(new RecordBookImports.ImportedNote(uuid(key, "note"), facts, home.healthCenter().id(),
                    note.kind(), note.text()));
        }
    }

    /** Rooms per grade in a unit so that classes hold about 25 children. */
    private static int rooms(int count, int unitsPerSubdistrict) {
        return Math.max(1, (int) Math.round(count / 38.0 / 6 / unitsPerSubdistrict * 0.8 / 25));
    }

    private static ImportedGuardian guardian(String key, SplittableRandom random, String family) {
        String mother = ThaiNames.GIRLS.get(random.nextInt(ThaiNames.GIRLS.size()));
        String phone = String.format("08%d-%03d-%04d", random.nextInt(10), random.nextInt(1000), random.nextInt(10000));
        return new ImportedGuardian(uuid(key, "guardian"), mother, family, "มารดา", phone, null);
    }

    /**
     * A checksum-valid national ID that no real person has: person-type digit 9, which the civil
     * registration does not issue (THAI-RULES §4), then the district's code and a 7-digit serial (each
     * seed starts its serials at another offset). So synthetic data never claims a real child's ID.
     */
    static String nationalId(String subdistrictCode, int serial) {
        String first12 = "9" + subdistrictCode.substring(0, 4) + String.format("%07d", serial % 10_000_000);
        return first12 + NationalId.checkDigit(first12);
    }

    static UUID uuid(String key, String what) {
        return UUID.nameUUIDFromBytes((what + ":" + key).getBytes());
    }
}
