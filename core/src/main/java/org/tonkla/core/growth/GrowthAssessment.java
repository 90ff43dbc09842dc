package org.tonkla.core.growth;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The result of {@link GrowthStandards#assess}: the cleaned inputs, every z-score WHO software gives for the child,
 * and the nutritional status they imply.
 *
 * @param lengthHeightCm length/height after the 0.7 cm correction (anthro's {@code clenhei}); NaN if not measured
 * @param position the position used for {@code lengthHeightCm}; {@code null} if unknown or discarded (a standing
 *     measurement under 9 months)
 * @param implausiblePosition whether a standing measurement was given under 9 months (anthro's {@code c9mo_flag})
 * @param bmi weight / (corrected length or height in m)²; NaN if either is missing
 * @param scores the z-scores that exist, by indicator; indicators without a z-score are absent
 * @param status the WHO categories that apply, each with its rule and source
 */
public record GrowthAssessment(
    double lengthHeightCm,
    BodyPosition position,
    boolean implausiblePosition,
    double bmi,
    Map<Indicator, ZScore> scores,
    Set<NutritionalStatus> status) {

  public GrowthAssessment {
    scores = Map.copyOf(scores);
    status = Set.copyOf(status);
  }

  /** The z-score of an indicator, empty when WHO software would report none. */
  public Optional<ZScore> zScore(Indicator indicator) {
    return Optional.ofNullable(scores.get(indicator));
  }
}
