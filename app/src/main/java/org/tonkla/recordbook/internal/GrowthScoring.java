package org.tonkla.recordbook.internal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.tonkla.core.growth.Age;
import org.tonkla.core.growth.BodyPosition;
import org.tonkla.core.growth.GrowthAssessment;
import org.tonkla.core.growth.GrowthStandards;
import org.tonkla.core.growth.Indicator;
import org.tonkla.core.growth.Measurement;
import org.tonkla.core.growth.NutritionalStatus;
import org.tonkla.core.growth.ZScore;
import org.tonkla.recordbook.MeasurementInput;
import org.tonkla.registry.Sex;

/** The record book's use of core's WHO growth engine: one entered measurement in, z-scores and status out. */
@Component
public class GrowthScoring {

    private final GrowthStandards standards = GrowthStandards.load();

    /**
     * @param position the position after the WHO rules ({@code L}/{@code H}), null without length
     * @param flags indicator codes whose z-score is outside the WHO plausible range (plus {@code position}
     *     for a standing measurement under 9 months)
     * @param classification WHO categories by name, e.g. {@code MODERATE_STUNTING}
     */
    public record Scored(String position, Double zWfa, Double zLhfa, Double zWflh, Double zBfa, Double zHcfa,
            Double zAcfa, List<String> flags, List<String> classification) {}

    public Scored score(Sex sex, int ageDays, MeasurementInput in) {
        BodyPosition position = switch (in.position() == null ? "" : in.position()) {
            case "L" -> BodyPosition.RECUMBENT;
            case "H" -> BodyPosition.STANDING;
            // WHO convention when not stated: lying under 24 months (731 days), standing after.
            default -> ageDays < 731 ? BodyPosition.RECUMBENT : BodyPosition.STANDING;
        };
        var m = Measurement.of(sex == Sex.M ? org.tonkla.core.growth.Sex.MALE : org.tonkla.core.growth.Sex.FEMALE,
                Age.ofDays(ageDays)).withOedema(in.oedema());
        if (in.weightKg() != null) m = m.withWeight(in.weightKg());
        if (in.lengthCm() != null) m = m.withLengthHeight(in.lengthCm(), position);
        if (in.headCm() != null) m = m.withHeadCircumference(in.headCm());
        if (in.armCm() != null) m = m.withArmCircumference(in.armCm());
        GrowthAssessment a = standards.assess(m);
        boolean under5 = ageDays / Age.DAYS_PER_MONTH < 60;
        List<String> flags = new ArrayList<>();
        a.scores().values().stream().filter(ZScore::flagged).forEach(z -> flags.add(z.indicator().code()));
        if (a.implausiblePosition()) flags.add("position");
        return new Scored(in.lengthCm() == null ? null : (position == BodyPosition.RECUMBENT ? "L" : "H"),
                z(a, under5 ? Indicator.WEIGHT_FOR_AGE : Indicator.WEIGHT_FOR_AGE_2007),
                z(a, under5 ? Indicator.LENGTH_HEIGHT_FOR_AGE : Indicator.HEIGHT_FOR_AGE_2007),
                z(a, Indicator.WEIGHT_FOR_LENGTH_HEIGHT),
                z(a, under5 ? Indicator.BMI_FOR_AGE : Indicator.BMI_FOR_AGE_2007),
                z(a, Indicator.HEAD_CIRCUMFERENCE_FOR_AGE),
                z(a, Indicator.ARM_CIRCUMFERENCE_FOR_AGE),
                flags,
                a.status().stream().sorted().map(NutritionalStatus::name).toList());
    }

    private static Double z(GrowthAssessment a, Indicator indicator) {
        return a.zScore(indicator).map(ZScore::value).orElse(null);
    }
}
