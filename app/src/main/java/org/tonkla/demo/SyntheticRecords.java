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

import org.tonkla.demo.SyntheticChildren.Batch;
import org.tonkla.demo.SyntheticChildren.LocalUnits;

/**
 * The record-book entries of a synthetic child: growth drawn from the WHO standards around the child's own
 * place in the distributions, DSPM screenings at the key ages with the programme's rates, and vaccinations
 * on (or a little after) the national schedule's dates.
 */
final class SyntheticRecords {

    private final GrowthStandards who = GrowthStandards.load();

    // --- growth from the WHO standards

    void growth(Batch batch, SplittableRandom random, String key, ChildFacts facts, LocalUnits home,
            ServiceUnit center, ServiceUnit kindergarten, LocalDate today) {
        // The child's own place in the WHO distributions, kept across visits with a little noise.
        double zHeight = clamp(random.nextGaussian() * 1.1 - 0.7);
        double zWeightForHeight = clamp(random.nextGaussian() * 1.2 - 0.1);
        List<LocalDate> visits = new ArrayList<>();
        List<UUID> where = new ArrayList<>();
        for (int month : new int[] {1, 2, 4, 6, 9, 12, 18, 30, 42, 48}) {
            LocalDate d = facts.dateOfBirth().plusMonths(month).plusDays(random.nextInt(15));
            if (!d.isAfter(today) && random.nextDouble() < 0.85) {
                visits.add(d);
                where.add(home.healthCenter().id());
            }
        }
        // Centers and kindergartens weigh and measure every term (about every three months).
        ServiceUnit school = kindergarten != null ? kindergarten : center;
        if (school != null) {
            for (LocalDate d = today.minusDays(random.nextInt(80)); d.isAfter(facts.dateOfBirth().plusYears(2));
                    d = d.minusMonths(3)) {
                if (random.nextDouble() < 0.85) {
                    visits.add(d);
                    where.add(school.id());
                }
                if (visits.size() > 14) break;
            }
        }
        for (int v = 0; v < visits.size(); v++) {
            LocalDate d = visits.get(v);
            int day = (int) ChronoUnit.DAYS.between(facts.dateOfBirth(), d);
            var s = facts.sex() == Sex.M ? org.tonkla.core.growth.Sex.MALE : org.tonkla.core.growth.Sex.FEMALE;
            double zH = zHeight + random.nextGaussian() * 0.15;
            double zWa = clamp(0.55 * zH + 0.75 * (zWeightForHeight + random.nextGaussian() * 0.3));
            double length = round1(valueAt(Indicator.LENGTH_HEIGHT_FOR_AGE, s, day, zH));
            double weight = round1(valueAt(Indicator.WEIGHT_FOR_AGE, s, day, zWa));
            String position = day < 731 ? "L" : "H";
            batch.measurements.add(new RecordBookImports.ImportedMeasurement(SyntheticChildren.uuid(key, "m" + v), facts, where.get(v), d,
                    weight, length, random.nextDouble() < 0.05 ? null : position));
        }
    }

    /**
     * The value at {@code z} on day {@code day}; past the 2006 tables (1,826 days) the median keeps
     * growing at its rate over the last year of the tables, which is close enough for a 5–6-year-old.
     */
    private double valueAt(Indicator indicator, org.tonkla.core.growth.Sex sex, int day, double z) {
        if (day <= 1826) return who.lmsOnDay(indicator, sex, day).orElseThrow().valueAt(z);
        Lms last = who.lmsOnDay(indicator, sex, 1826).orElseThrow();
        Lms yearBefore = who.lmsOnDay(indicator, sex, 1461).orElseThrow();
        double m = last.m() + (last.m() - yearBefore.m()) / 365 * (day - 1826);
        return new Lms(last.l(), m, last.s()).valueAt(z);
    }

    // --- DSPM at the key ages

    void development(Batch batch, SplittableRandom random, String key, ChildFacts facts, LocalUnits home,
            LocalDate today) {
        var schedule = DspmSchedule.NATIONAL;
        for (DspmScreeningAge age : DspmScreeningAge.values()) {
            ScreeningWindow window = schedule.window(age, facts.dateOfBirth());
            if (window.opens().isAfter(today) || random.nextDouble() > 0.9) continue;
            long open = ChronoUnit.DAYS.between(window.opens(), min(window.closes(), today));
            LocalDate on = window.opens().plusDays(random.nextLong(open + 1));
            var first = domains(random);
            UUID firstId = SyntheticChildren.uuid(key, "dspm" + age.months());
            batch.screenings.add(new RecordBookImports.ImportedScreening(firstId, facts, home.healthCenter().id(), on,
                    age.months(), first, null));
            boolean suspected = first.values().contains(ScreeningResult.SUSPECTED_DELAY)
                    && !first.values().contains(ScreeningResult.REFER_NOW);
            LocalDate recheck = on.plusDays(20 + random.nextInt(10));
            if (suspected && !recheck.isAfter(today) && random.nextDouble() < 0.85) {
                var again = random.nextDouble() < 0.8 ? allNormal() : first;
                batch.screenings.add(new RecordBookImports.ImportedScreening(SyntheticChildren.uuid(key, "dspm-recheck" + age.months()),
                        facts, home.healthCenter().id(), recheck, age.months(), again, firstId));
            }
        }
    }

    private static Map<DspmDomain, ScreeningResult> domains(SplittableRandom random) {
        var result = allNormal();
        double p = random.nextDouble();
        if (p < 0.76) return result;
        ScreeningResult finding = p < 0.78 ? ScreeningResult.REFER_NOW : ScreeningResult.SUSPECTED_DELAY;
        int delayed = random.nextDouble() < 0.7 ? 1 : 2;
        for (int i = 0; i < delayed; i++) {
            // Language is the domain most often suspected in Thai DSPM reports, then fine motor.
            double d = random.nextDouble();
            DspmDomain domain = d < 0.35 ? DspmDomain.EL : d < 0.55 ? DspmDomain.FM : d < 0.70 ? DspmDomain.GM
                    : d < 0.85 ? DspmDomain.RL : DspmDomain.PS;
            result.put(domain, finding);
        }
        return result;
    }

    private static Map<DspmDomain, ScreeningResult> allNormal() {
        var result = new EnumMap<DspmDomain, ScreeningResult>(DspmDomain.class);
        for (DspmDomain d : DspmDomain.values()) result.put(d, ScreeningResult.NORMAL);
        return result;
    }

    // --- vaccinations with gaps

    void vaccinations(Batch batch, SplittableRandom random, String key, ChildFacts facts, LocalUnits home,
            LocalDate today) {
        double p = random.nextDouble();
        double compliance = p < 0.85 ? 0.98 : p < 0.97 ? 0.8 : 0.4;
        for (ScheduledDose dose : RecordBook.SCHEDULE.doses()) {
            if (!dose.requiresPriorCodes().isEmpty()) continue; // the synthetic children get the two-dose rotavirus product
            LocalDate due = dose.recommendedOn(facts.dateOfBirth());
            LocalDate given = due.plusDays((long) (-Math.log(1 - random.nextDouble()) * 10));
            if (given.isAfter(today) || random.nextDouble() > compliance) continue;
            if (dose.lastDay(facts.dateOfBirth()).map(given::isAfter).orElse(false)) continue;
            batch.doses.add(new RecordBookImports.ImportedImmunization(SyntheticChildren.uuid(key, "epi" + dose.series() + dose.dose()),
                    facts, home.healthCenter().id(), dose.primaryCode(), given));
        }
    }

    // ---


    private static double clamp(double z) {
        return Math.max(-4.2, Math.min(4.2, z)); // stay inside the WHO plausibility limits (|z| 5–6)
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
