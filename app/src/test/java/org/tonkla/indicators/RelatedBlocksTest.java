package org.tonkla.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tonkla.indicators.internal.RelatedBlocks;
import org.tonkla.indicators.internal.Suppression;

/**
 * The blocks of a year and province protected together, against the linear-programming attacker, who also knows that
 * counts are not negative and that stunted ≤ growth_hfa ≤ children cell by cell. Its least and greatest values are
 * solved cell by cell ({@link LinearProgrammingAttack#recovered}), with no knowledge of the true counts.
 */
class RelatedBlocksTest {

    private static final Map<String, Set<String>> WHOLES = Map.of("children", Set.of(), "growth_hfa", Set.of("children"),
            "stunted", Set.of("growth_hfa", "children"));

    /**
     * The review's kind of leak. In one district, boys aged 0-2: 10 children, 3 measured (withheld as small), none
     * stunted; every other cell has all children measured and all measured stunted. Protected block by block, growth_hfa
     * withholds boys aged 3-5 (6) as a complement, but stunted ≤ growth_hfa ≤ children, both published as 6, pins it.
     */
    @Test
    void aCountBetweenAnEqualPartAndAnEqualWholeIsNotGivenAway() {
        int nd = 3;
        long[] children = new long[nd * 9];
        long[] measured = new long[nd * 9];
        long[] stunted = new long[nd * 9];
        long[][] leaves = {{10, 6, 7, 9}, {8, 12, 11, 5}};
        for (int d = 0; d < 2; d++) for (int s = 0; s < 2; s++) for (int a = 0; a < 2; a++) {
            long v = leaves[d][s * 2 + a];
            boolean boys02 = d == 0 && s == 0 && a == 0;
            children[OpenData.index(d, s, a)] = v;
            measured[OpenData.index(d, s, a)] = boys02 ? 3 : v;
            stunted[OpenData.index(d, s, a)] = boys02 ? 0 : v;
        }
        // Each block protected on its own (the method before the bounds were part of it) gives cells away.
        Map<String, long[]> values = values(nd, children, measured, stunted);
        Map<String, BitSet> alone = new HashMap<>();
        values.forEach((fact, v) -> alone.put(fact, Suppression.protect(v, OpenData.relations(nd), SuppressionTest.totalsOf(nd))));
        assertThat(attack(nd, values, alone)).isNotEmpty();
        assertProtected(nd, children, measured, stunted);
    }

    @Test
    void randomRelatedBlocksLeakNothingToTheLinearProgrammingAttacker() {
        Random random = new Random(2569);
        for (int trial = 0; trial < 40; trial++) {
            int nd = 2 + random.nextInt(3);
            long[] children = new long[nd * 9];
            long[] measured = new long[nd * 9];
            long[] stunted = new long[nd * 9];
            for (int d = 0; d < nd - 1; d++) for (int s = 0; s < 2; s++) for (int a = 0; a < 2; a++) {
                int i = OpenData.index(d, s, a);
                children[i] = random.nextDouble() < 0.4 ? random.nextInt(5) : 5 + random.nextInt(20);
                measured[i] = random.nextDouble() < 0.6 ? children[i] : random.nextInt((int) children[i] + 1);
                stunted[i] = random.nextDouble() < 0.3 ? measured[i] : random.nextInt((int) measured[i] / 2 + 1);
            }
            assertProtected(nd, children, measured, stunted);
        }
    }

    private static Map<String, long[]> values(int nd, long[] children, long[] measured, long[] stunted) {
        Map<String, long[]> values = new LinkedHashMap<>();
        values.put("children", children);
        values.put("growth_hfa", measured);
        values.put("stunted", stunted);
        values.values().forEach(v -> SuppressionTest.totals(v, nd));
        return values;
    }

    private static void assertProtected(int nd, long[] children, long[] measured, long[] stunted) {
        Map<String, long[]> values = values(nd, children, measured, stunted);
        Map<String, BitSet> withheld = new RelatedBlocks(values, WHOLES, OpenData.relations(nd), SuppressionTest.totalsOf(nd)).protect();
        Map<String, Long> published = new HashMap<>();
        values.forEach((fact, v) -> { for (int i = 0; i < v.length; i++) if (!withheld.get(fact).get(i)) published.put(fact + "c" + i, v[i]); });
        published.values().forEach(v -> assertThat(v).isNotIn(1L, 2L, 3L, 4L));
        // A part published beside its published whole is not short of it by 1 to 4.
        values.forEach((fact, v) -> WHOLES.get(fact).forEach(whole -> {
            for (int i = 0; i < v.length; i++) {
                Long p = published.get(fact + "c" + i);
                Long w = published.get(whole + "c" + i);
                if (p != null && w != null && p > 0) assertThat(w - p).isNotIn(1L, 2L, 3L, 4L);
            }
        }));
        assertThat(attack(nd, values, withheld)).isEmpty();
        // Nor is a zero withheld that the published cells give away anyway (29 were in these trials before such zeros
        // were published): an empty cell then tells the reader nothing the file does not.
        assertThat(zerosPinned(nd, values, withheld)).isEmpty();
    }

    /** What the attacker knows: every block's equations, part ≤ whole cell by cell, and the published cells. */
    private record Knowledge(List<DifferencingAttack.Equation> equations, List<LinearProgrammingAttack.AtMost> bounds,
            Map<String, Long> published) {

        static Knowledge of(int nd, Map<String, long[]> values, Map<String, BitSet> withheld) {
            Knowledge k = new Knowledge(new ArrayList<>(), new ArrayList<>(), new HashMap<>());
            values.forEach((fact, v) -> {
                for (DifferencingAttack.Equation e : SuppressionTest.equations(nd)) {
                    k.equations.add(new DifferencingAttack.Equation(fact + e.total(), e.parts().stream().map(p -> fact + p).toList()));
                }
                for (int i = 0; i < v.length; i++) {
                    if (!withheld.get(fact).get(i)) k.published.put(fact + "c" + i, v[i]);
                    for (String whole : WHOLES.get(fact)) k.bounds.add(new LinearProgrammingAttack.AtMost(fact + "c" + i, whole + "c" + i));
                }
            });
            return k;
        }
    }

    private static java.util.Set<String> zerosPinned(int nd, Map<String, long[]> values, Map<String, BitSet> withheld) {
        Knowledge k = Knowledge.of(nd, values, withheld);
        return LinearProgrammingAttack.pinnedAtZero(k.equations(), k.bounds(), k.published());
    }

    /** The withheld cells the attacker pins, with their values. */
    private static Map<String, Long> attack(int nd, Map<String, long[]> values, Map<String, BitSet> withheld) {
        Knowledge k = Knowledge.of(nd, values, withheld);
        Map<String, Long> recovered = LinearProgrammingAttack.recovered(k.equations(), k.bounds(), k.published());
        // The audit at the true counts, which OpenDataTest uses on tables too large for the attacker, agrees.
        Map<String, Long> truth = new HashMap<>();
        values.forEach((fact, v) -> { for (int i = 0; i < v.length; i++) truth.put(fact + "c" + i, v[i]); });
        assertThat(LinearProgrammingAttack.pinnedAtTruth(k.equations(), k.bounds(), k.published(), truth)).isEqualTo(recovered);
        return recovered;
    }
}
