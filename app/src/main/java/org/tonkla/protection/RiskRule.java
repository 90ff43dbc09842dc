package org.tonkla.protection;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The screening rule in force for a province: a weight for each item and the scores at which the level becomes
 * MEDIUM and HIGH. {@code provinceCode} is the province whose own rule this is, or {@code TH} for the national
 * default a province without its own rule uses.
 */
public record RiskRule(String provinceCode, Map<String, Integer> weights, int mediumAt, int highAt, int revision) {

    /** The national default's code. */
    public static final String NATIONAL = "TH";

    /** A screening's result: the level, the score and the items that caused it (those with a weight), in order. */
    public record Result(RiskLevel level, int score, List<String> causes) {}

    /** Scores the items found: the sum of their weights against the thresholds. Unknown items count nothing. */
    public Result assess(Set<String> found) {
        List<String> causes = weights.keySet().stream().filter(found::contains).filter(i -> weights.get(i) > 0).toList();
        int score = causes.stream().mapToInt(weights::get).sum();
        RiskLevel level = score >= highAt ? RiskLevel.HIGH : score >= mediumAt ? RiskLevel.MEDIUM : RiskLevel.LOW;
        return new Result(level, score, causes);
    }

    /** Whether this is the national default rather than the province's own. */
    public boolean national() {
        return NATIONAL.equals(provinceCode);
    }
}
