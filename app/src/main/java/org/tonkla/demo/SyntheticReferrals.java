package org.tonkla.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.tonkla.core.development.ScreeningResult;
import org.tonkla.core.growth.GrowthStandards;
import org.tonkla.core.growth.Indicator;
import org.tonkla.platform.ThaiDates;
import org.tonkla.recordbook.RecordBookImports;
import org.tonkla.referral.ReferralImports;
import org.tonkla.referral.ReferralImports.ImportedReferral;
import org.tonkla.referral.ReferralImports.Step;
import org.tonkla.referral.ReferralOutcome;
import org.tonkla.referral.ReferralStatus;
import org.tonkla.registry.ChildImports.ImportedChild;
import org.tonkla.registry.ChildImports.ImportedEnrolment;
import org.tonkla.registry.EnrolmentKind;
import org.tonkla.registry.Sex;

/**
 * The pilot's referral history (issue 12 §8), drawn from each synthetic child's own record: a DSPM screening
 * that still fails its re-check (or calls for referral at once) and a stunted or underweight measurement taken
 * at the child's center or kindergarten are referred by that unit to the child's health center. Each referral
 * then runs its course on a timeline ending today: most are received within days, accepted within a week or
 * two and completed with an outcome; some are declined or closed, and about one in ten stalls, so the
 * overdue queues and escalations have something in them. Deterministic for a seed (ids are name-based).
 */
final class SyntheticReferrals {

    private static final double REFER_DELAY = 0.8;
    private static final double REFER_GROWTH = 0.5;
    private final GrowthStandards who = GrowthStandards.load();

    /** The batch's referrals, for {@link ReferralImports}. */
    List<ImportedReferral> of(SyntheticChildren.Batch batch, long seed, Instant now) {
        Map<UUID, List<RecordBookImports.ImportedScreening>> screenings = new HashMap<>();
        for (var s : batch.screenings) screenings.computeIfAbsent(s.child().id().value(), k -> new ArrayList<>()).add(s);
        Map<UUID, List<RecordBookImports.ImportedMeasurement>> measurements = new HashMap<>();
        for (var m : batch.measurements) measurements.computeIfAbsent(m.child().id().value(), k -> new ArrayList<>()).add(m);
        List<ImportedReferral> out = new ArrayList<>();
        for (ImportedChild c : batch.children) {
            UUID id = c.id().value();
            var random = new SplittableRandom(seed * 7_919L + id.getLeastSignificantBits());
            UUID healthCenter = c.enrolments().getFirst().unitId();
            delay(c, screenings.getOrDefault(id, List.of()), random).ifPresent(d -> {
                UUID from = schoolOn(c, d.date());
                if (from != null && random.nextDouble() < REFER_DELAY) {
                    out.add(referral(c, "developmental-delay", "need.dspm.suspected", "DSPM " + d.months() + " เดือน",
                            "DSPM อายุ " + d.months() + " เดือน ไม่ผ่านหลังฝึกที่บ้าน ขอประเมินพัฒนาการ", from,
                            healthCenter, d.date(), now, random));
                }
            });
            var m = lastAtSchool(c, measurements.getOrDefault(id, List.of()));
            if (m != null && small(c, m) && random.nextDouble() < REFER_GROWTH) {
                out.add(referral(c, "growth", "growth.class", null, "ส่วนสูงหรือน้ำหนักต่ำกว่าเกณฑ์จากการชั่งวัดที่ศูนย์",
                        m.unitId(), healthCenter, m.measuredOn(), now, random));
            }
        }
        return out;
    }

    private record Finding(LocalDate date, int months) {}

    /** The latest key age whose screening still fails: a re-check as bad as the first, or "refer now". */
    private static java.util.Optional<Finding> delay(ImportedChild c, List<RecordBookImports.ImportedScreening> list,
            SplittableRandom random) {
        Finding found = null;
        for (var s : list) {
            boolean referNow = s.domains().containsValue(ScreeningResult.REFER_NOW);
            boolean failedRecheck = s.followUpOf() != null && s.domains().containsValue(ScreeningResult.SUSPECTED_DELAY);
            if ((referNow || failedRecheck) && (found == null || s.screenedOn().isAfter(found.date()))) {
                found = new Finding(s.screenedOn(), s.keyAgeMonths() == null ? 0 : s.keyAgeMonths());
            }
        }
        return java.util.Optional.ofNullable(found);
    }

    /** The center or kindergarten the child attended on {@code date}, if any. */
    private static UUID schoolOn(ImportedChild c, LocalDate date) {
        for (ImportedEnrolment e : c.enrolments()) {
            if (e.kind() == EnrolmentKind.ENROLLED && !e.startedOn().isAfter(date)
                    && (e.endedOn() == null || e.endedOn().isAfter(date))) {
                return e.unitId();
            }
        }
        return null;
    }

    private static RecordBookImports.ImportedMeasurement lastAtSchool(ImportedChild c,
            List<RecordBookImports.ImportedMeasurement> list) {
        UUID healthCenter = c.enrolments().getFirst().unitId();
        RecordBookImports.ImportedMeasurement last = null;
        for (var m : list) {
            if (!m.unitId().equals(healthCenter) && (last == null || m.measuredOn().isAfter(last.measuredOn()))) last = m;
        }
        return last;
    }

    /** Stunted (height-for-age) or underweight (weight-for-age) below −2 SD of the WHO standards. */
    private boolean small(ImportedChild c, RecordBookImports.ImportedMeasurement m) {
        int day = (int) ChronoUnit.DAYS.between(c.dateOfBirth(), m.measuredOn());
        if (day > 1826) return false;
        var sex = c.sex() == Sex.M ? org.tonkla.core.growth.Sex.MALE : org.tonkla.core.growth.Sex.FEMALE;
        boolean stunted = m.lengthCm() != null && who.lmsOnDay(Indicator.LENGTH_HEIGHT_FOR_AGE, sex, day)
                .map(l -> l.zScore(m.lengthCm()) < -2).orElse(false);
        boolean underweight = m.weightKg() != null && who.lmsOnDay(Indicator.WEIGHT_FOR_AGE, sex, day)
                .map(l -> l.zScore(m.weightKg()) < -2).orElse(false);
        return stunted || underweight;
    }

    private static ImportedReferral referral(ImportedChild c, String needType, String needKey, String detail,
            String reason, UUID from, UUID to, LocalDate found, Instant now, SplittableRandom random) {
        Instant t = found.plusDays(random.nextInt(4)).atTime(8 + random.nextInt(8), random.nextInt(60))
                .atZone(ThaiDates.BANGKOK).toInstant();
        if (!t.isBefore(now)) t = now.minus(Duration.ofHours(1 + random.nextInt(48)));
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("created", t, ReferralStatus.CREATED));
        ReferralOutcome outcome = null;
        String closing = null;
        boolean stalls = random.nextDouble() < 0.1;
        double fate = random.nextDouble();
        t = later(t, 0.2 + random.nextDouble() * (stalls ? 20 : 2));
        if (t.isBefore(now) && !(stalls && fate < 0.5)) {
            steps.add(new Step("received", t, ReferralStatus.RECEIVED));
            t = later(t, Math.min(40, Math.exp(random.nextGaussian() * 0.8 + 1.4)) * (stalls ? 4 : 1));
            if (t.isBefore(now) && fate < 0.07) {
                closing = "ไม่อยู่ในเขตรับผิดชอบ ให้ส่งต่อโรงพยาบาลชุมชน";
                steps.add(new Step("declined", t, ReferralStatus.DECLINED));
            } else if (t.isBefore(now) && fate < 0.10) {
                closing = "ครอบครัวย้ายออกนอกพื้นที่";
                steps.add(new Step("closed", t, ReferralStatus.CLOSED));
            } else if (t.isBefore(now) && !stalls) {
                steps.add(new Step("accepted", t, ReferralStatus.ACCEPTED));
                t = later(t, 2 + random.nextInt(12));
                if (t.isBefore(now) && random.nextDouble() < 0.85) {
                    steps.add(new Step("appointment", t, ReferralStatus.IN_SERVICE));
                    t = later(t, 7 + random.nextInt(34));
                    if (t.isBefore(now)) {
                        outcome = outcome(needType, random);
                        steps.add(new Step("completed", t, ReferralStatus.COMPLETED));
                    }
                }
            }
        }
        ReferralStatus status = steps.getLast().status();
        Instant due = steps.getFirst().at().plus(Duration.ofDays(30));
        Instant escalated = status.isOpen() && due.plus(Duration.ofDays(1)).isBefore(now)
                ? due.plus(Duration.ofDays(1)) : null;
        UUID id = UUID.nameUUIDFromBytes(("pilot-referral:" + c.id().value() + ":" + needType).getBytes());
        return new ImportedReferral(id, c.id().value(), c.subdistrictCode().substring(0, 2),
                c.givenNameTh() + " " + c.familyNameTh(), c.dateOfBirth(), needType, needKey, detail, reason, from, to,
                "ครูผู้ดูแลเด็ก (จำลอง)", steps, outcome, closing, escalated);
    }

    private static ReferralOutcome outcome(String needType, SplittableRandom random) {
        double p = random.nextDouble();
        if (needType.equals("growth")) {
            return p < 0.5 ? ReferralOutcome.SUPPORT_PROVIDED : p < 0.7 ? ReferralOutcome.RESOLVED
                    : p < 0.9 ? ReferralOutcome.CONFIRMED_IN_TREATMENT : ReferralOutcome.FAMILY_DID_NOT_ATTEND;
        }
        return p < 0.35 ? ReferralOutcome.CONFIRMED_IN_TREATMENT : p < 0.6 ? ReferralOutcome.REFERRED_ONWARD
                : p < 0.85 ? ReferralOutcome.NO_PROBLEM_FOUND : ReferralOutcome.FAMILY_DID_NOT_ATTEND;
    }

    private static Instant later(Instant t, double days) {
        return t.plus(Duration.ofMinutes((long) (days * 24 * 60)));
    }
}
