package org.tonkla.demo;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tonkla.core.thai.BuddhistEra;
import org.tonkla.assessment.AssessmentStatus;
import org.tonkla.assessment.BulkCenters;
import org.tonkla.assessment.CenterProfile.CaresFor;
import org.tonkla.assessment.CenterProfile.Qualification;
import org.tonkla.assessment.CenterProfile.StaffRole;
import org.tonkla.core.standard.AgeGroup;
import org.tonkla.core.standard.CatalogueItem;
import org.tonkla.core.standard.ItemLevel;
import org.tonkla.core.standard.StandardCatalogue;
import org.tonkla.directory.Area;
import org.tonkla.directory.AreaLevel;
import org.tonkla.directory.Directory;
import org.tonkla.directory.ServiceUnit;
import org.tonkla.directory.ServiceUnitType;
import org.tonkla.platform.ThaiDates;

/**
 * {@code ./tonkla generate --centers N}: a national set of synthetic early-childhood centers with
 * profiles, staff and three years of assessments in every state, for demonstrations and the
 * monitoring benchmark. Every name ends in (จำลอง), synthetic.
 *
 * <p>Centers are spread over the 7,436 subdistricts uniformly, so provinces and districts get them
 * in proportion to their number of subdistricts (local governments, which run most ศพด.); with
 * N ≥ about 10,000 every one of the 928 districts has some. Affiliations follow the national mix
 * roughly (DLA, OBEC and private kindergartens; BMA and private ones in Bangkok); the exact
 * national counts per affiliation were not found (THAI-RULES §1.7 [U]). Units go in through the
 * directory's API, batch by batch in one transaction; everything else through
 * {@link BulkCenters} with COPY. The same seed gives the same centers; running it twice with one
 * seed is refused.
 */
@Component
class SyntheticCenters {

    private static final int BATCH = 1000;
    private static final String[] GIVEN = {"สมศรี", "วันเพ็ญ", "สุดารัตน์", "กาญจนา", "ปราณี", "มาลัย", "รัตนา", "อรุณี",
        "จันทร์เพ็ญ", "นงลักษณ์", "สมใจ", "พรทิพย์", "ศิริพร", "อัญชลี", "บุญเรือน", "ละเอียด", "สมชาย", "ประเสริฐ"};
    private static final String[] FAMILY = {"ใจดี", "ศรีสุข", "บุญมา", "แก้วมณี", "ทองดี", "สุขสวัสดิ์", "พรหมมา", "จันทร์หอม",
        "วงศ์ใหญ่", "ศรีวงศ์", "มีสุข", "ชัยมงคล", "คำแสน", "ภูมิภักดิ์"};

    private final Directory directory;
    private final BulkCenters bulk;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SyntheticCenters(Directory directory, BulkCenters bulk, TransactionTemplate transactions, Clock clock) {
        this.directory = directory;
        this.bulk = bulk;
        this.transactions = transactions;
        this.clock = clock;
    }

    void generate(int count, long seed) {
        generate(count, seed, BATCH);
    }

    /** With another batch size: the test stops and resumes at a batch boundary with a few centers. */
    void generate(int count, long seed, int batch) {
        long started = System.nanoTime();
        List<Area> subdistricts = directory.areasAtLevel(AreaLevel.SUBDISTRICT);
        if (directory.serviceUnit(unitId(seed, count - 1)).isPresent()) {
            System.out.println("Centers of seed " + seed + " are already here; use another --seed for more.");
            return;
        }
        StandardCatalogue catalogue = bulk.catalogue();
        LocalDate today = LocalDate.now(clock.withZone(ThaiDates.BANGKOK));
        int yearBe = BuddhistEra.toBuddhistYear(today.getYear());
        System.out.printf(Locale.ROOT, "Generating %,d centers over %,d subdistricts with assessments %d–%d (catalogue %s, seed %d)%n",
                count, subdistricts.size(), yearBe - 2, yearBe, catalogue.version(), seed);
        Random random = new Random(seed);
        Map<AssessmentStatus, Integer> tally = new HashMap<>();
        for (int from = 0; from < count; from += batch) {
            int to = Math.min(count, from + batch);
            List<ServiceUnit> units = new ArrayList<>();
            List<BulkCenters.Center> centers = new ArrayList<>();
            for (int i = from; i < to; i++) {
                Area place = subdistricts.get(random.nextInt(subdistricts.size()));
                ServiceUnit unit = unit(unitId(seed, i), place, i, random);
                units.add(unit);
                centers.add(center(unit, place, catalogue, yearBe, today, random, tally));
            }
            // A batch is written whole or not at all, so a rerun after a stop skips the batches whose last center is
            // here and writes the rest; the batches before are drawn again (one random stream) but not written.
            boolean written = directory.serviceUnit(unitId(seed, to - 1)).isPresent();
            if (!written) {
                // A run with fewer centers (a smaller --scale, same seed) wrote the start of this batch, the same centers
                // drawn the same way: only those it did not reach are written.
                if (directory.serviceUnit(units.getFirst().id()).isPresent()) {
                    for (int k = units.size() - 1; k >= 0; k--) {
                        if (directory.serviceUnit(units.get(k).id()).isPresent()) {
                            units.remove(k);
                            centers.remove(k);
                        }
                    }
                }
                transactions.executeWithoutResult(status -> {
                    units.forEach(directory::addServiceUnit);
                    bulk.load(centers);
                });
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "  %,7d / %,d centers  (%3d%%)  %6.1f s%s%n", to, count, 100L * to / count, seconds,
                    written ? "  (already here)" : "");
        }
        System.out.printf(Locale.ROOT, "Done in %.1f s. This year (%d): %s%n", (System.nanoTime() - started) / 1e9, yearBe, tally);
    }

    static UUID unitId(long seed, int index) {
        return UUID.nameUUIDFromBytes(("tonkla-synthetic-center-" + seed + "-" + index).getBytes(StandardCharsets.UTF_8));
    }

    private static ServiceUnit unit(UUID id, Area place, int index, Random random) {
        boolean bangkok = place.code().startsWith("10");
        double r = random.nextDouble();
        String agency;
        if (bangkok) agency = r < 0.45 ? "BMA-SOC" : r < 0.60 ? "OBEC" : "OPEC";
        else agency = r < 0.50 ? "DLA" : r < 0.88 ? "OBEC" : r < 0.97 ? "OPEC" : r < 0.98 ? "BPP" : "DCY";
        ServiceUnitType type = agency.equals("OBEC") || agency.equals("OPEC")
                ? ServiceUnitType.KINDERGARTEN : ServiceUnitType.EARLY_CHILDHOOD_CENTER;
        String name = switch (agency) {
            case "DLA" -> "ศูนย์พัฒนาเด็กเล็กตำบล" + place.nameTh();
            case "OBEC" -> "โรงเรียนบ้าน" + place.nameTh();
            case "OPEC" -> "โรงเรียนอนุบาลเอกชน" + place.nameTh();
            case "BPP" -> "ศูนย์พัฒนาเด็กเล็ก ตชด. " + place.nameTh();
            case "BMA-SOC" -> "ศูนย์พัฒนาเด็กก่อนวัยเรียน" + place.nameTh();
            default -> "สถานรับเลี้ยงเด็ก" + place.nameTh();
        };
        return new ServiceUnit(id, type, name + " " + (index % 97 + 1) + " (จำลอง)", null, agency, place.code(),
                place.code().substring(0, 2), null, null, null, null);
    }

    private BulkCenters.Center center(ServiceUnit unit, Area place, StandardCatalogue catalogue, int yearBe, LocalDate today, Random random,
            Map<AssessmentStatus, Integer> tally) {
        boolean servesUnderThree = unit.type() == ServiceUnitType.EARLY_CHILDHOOD_CENTER && random.nextDouble() < 0.35;
        BulkCenters.Profile profile = null;
        if (random.nextDouble() < 0.85) {
            boolean thisYear = random.nextDouble() < 0.65;
            LocalDate updated = thisYear ? today.minusDays(random.nextInt(Math.max(1, today.getDayOfYear())))
                    : LocalDate.of(today.getYear() - 1, 1, 1).plusDays(random.nextInt(365));
            profile = new BulkCenters.Profile("หมู่ " + (1 + random.nextInt(15)) + " ตำบล" + place.nameTh(),
                    20 + random.nextInt(120), 1 + random.nextInt(6), servesUnderThree, instant(updated, random));
        }
        List<BulkCenters.Staff> staff = new ArrayList<>();
        int size = 2 + random.nextInt(7);
        for (int s = 0; s < size; s++) {
            StaffRole role = s == 0 ? StaffRole.HEAD : random.nextDouble() < 0.6 ? StaffRole.CAREGIVER : StaffRole.TEACHER;
            CaresFor caresFor = s == 0 ? CaresFor.NONE : servesUnderThree && s == 1 ? CaresFor.UNDER_THREE : CaresFor.THREE_TO_SIX;
            Qualification q = Qualification.values()[1 + random.nextInt(Qualification.values().length - 1)];
            staff.add(new BulkCenters.Staff(GIVEN[random.nextInt(GIVEN.length)] + " " + FAMILY[random.nextInt(FAMILY.length)],
                    role, q, random.nextInt(121), caresFor));
        }
        double quality = 1.8 + random.nextGaussian() * 0.5;
        List<BulkCenters.Assessment> assessments = new ArrayList<>();
        for (int back = 2; back >= 0; back--) {
            int year = yearBe - back;
            AssessmentStatus status = status(back, random);
            if (back == 0) tally.merge(status, 1, Integer::sum);
            if (status == AssessmentStatus.NOT_STARTED) continue;
            LocalDate yearEnd = back == 0 ? today : LocalDate.of(BuddhistEra.toCommonEraYear(year), 12, 31);
            LocalDate opened = LocalDate.of(BuddhistEra.toCommonEraYear(year), 1, 15).plusDays(random.nextInt(200));
            if (opened.isAfter(yearEnd)) opened = yearEnd;
            LocalDate submitted = min(opened.plusDays(5 + random.nextInt(55)), yearEnd);
            LocalDate reviewed = min(submitted.plusDays(3 + random.nextInt(27)), yearEnd);
            Map<String, ItemLevel> levels = new HashMap<>();
            double yearQuality = quality + 0.15 * (2 - back);
            String returnedItem = null;
            for (CatalogueItem item : catalogue.items()) {
                if (item.ageGroup() == AgeGroup.UNDER_THREE && !servesUnderThree) continue;
                if (status == AssessmentStatus.DRAFT && random.nextDouble() < 0.4) continue;
                int level = (int) Math.round(yearQuality + random.nextGaussian() * 0.6);
                levels.put(item.key(), ItemLevel.ofScore(Math.max(0, Math.min(3, level))));
                if (returnedItem == null && status == AssessmentStatus.RETURNED) returnedItem = item.key();
            }
            assessments.add(new BulkCenters.Assessment(year, status, instant(opened, random),
                    status == AssessmentStatus.DRAFT ? null : instant(submitted, random),
                    status == AssessmentStatus.RETURNED || status == AssessmentStatus.ACCEPTED ? instant(reviewed, random) : null,
                    levels, returnedItem,
                    // Most centers carry out last years' plans; a few let them lapse.
                    back > 0 && random.nextDouble() < 0.9 ? LocalDate.of(BuddhistEra.toCommonEraYear(year), 11, 1).plusDays(random.nextInt(60)) : null));
        }
        return new BulkCenters.Center(unit.id(), unit.provinceCode(), unit.subdistrictCode().substring(0, 4),
                unit.agencyCode(), profile, staff, assessments);
    }

    // This year is in full swing; earlier years are mostly accepted.
    private static AssessmentStatus status(int yearsBack, Random random) {
        double r = random.nextDouble();
        if (yearsBack == 0) {
            return r < 0.12 ? AssessmentStatus.NOT_STARTED : r < 0.30 ? AssessmentStatus.DRAFT
                    : r < 0.55 ? AssessmentStatus.SUBMITTED : r < 0.63 ? AssessmentStatus.RETURNED : AssessmentStatus.ACCEPTED;
        }
        if (yearsBack == 1) {
            return r < 0.06 ? AssessmentStatus.NOT_STARTED : r < 0.08 ? AssessmentStatus.SUBMITTED
                    : r < 0.10 ? AssessmentStatus.RETURNED : AssessmentStatus.ACCEPTED;
        }
        return r < 0.15 ? AssessmentStatus.NOT_STARTED : AssessmentStatus.ACCEPTED;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? b : a;
    }

    private static Instant instant(LocalDate day, Random random) {
        return day.atTime(1 + random.nextInt(10), random.nextInt(60)).toInstant(ZoneOffset.UTC);
    }
}
