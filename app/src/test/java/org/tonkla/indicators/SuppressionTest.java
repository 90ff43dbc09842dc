package org.tonkla.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tonkla.indicators.internal.Suppression;

/** Small-cell protection on random blocks, attacked by {@link DifferencingAttack}. */
class SuppressionTest {

    @Test
    void primarySuppressionAloneLeaksAndComplementsStopIt() {
        // One district plus the province total: district 1 girls 0-2 = 3, everything else large.
        Random random = new Random(1);
        int nd = 3;
        long[] values = block(nd, random, 0.0);
        values[OpenData.index(0, 1, 0)] = 3;
        totals(values, nd);
        BitSet primary = new BitSet();
        for (int i = 0; i < values.length; i++) if (values[i] >= 1 && values[i] <= 4) primary.set(i);
        assertThat(DifferencingAttack.recovered(equations(nd), published(values, primary))).isNotEmpty();
        BitSet protectedCells = Suppression.protect(values, OpenData.relations(nd), totalsOf(nd));
        assertThat(DifferencingAttack.recovered(equations(nd), published(values, protectedCells))).isEmpty();
    }

    @Test
    void randomBlocksPublishNoSmallCountAndLeakNothing() {
        Random random = new Random(15);
        for (int trial = 0; trial < 200; trial++) {
            int nd = 2 + random.nextInt(6);
            long[] values = block(nd, random, 0.5);
            totals(values, nd);
            BitSet withheld = Suppression.protect(values, OpenData.relations(nd), totalsOf(nd));
            Map<String, Long> published = published(values, withheld);
            published.values().forEach(v -> assertThat(v).isNotIn(1L, 2L, 3L, 4L));
            assertThat(DifferencingAttack.recovered(equations(nd), published)).as("trial %d", trial).isEmpty();
            assertThat(DifferencingAttack.recoveredKnowingZeros(equations(nd), published, java.util.Set.of()))
                    .as("trial %d, knowing counts are not negative", trial).isEmpty();
        }
    }

    /** Leaf cells (real districts, M/F, two age groups): small counts with probability {@code small}. */
    private static long[] block(int nd, Random random, double small) {
        long[] values = new long[nd * 9];
        for (int d = 0; d < nd - 1; d++) for (int s = 0; s < 2; s++) for (int a = 0; a < 2; a++) {
            values[OpenData.index(d, s, a)] = random.nextDouble() < small ? random.nextInt(5) : 5 + random.nextInt(40);
        }
        return values;
    }

    static void totals(long[] values, int nd) {
        for (int d = 0; d < nd - 1; d++) for (int s = 0; s < 2; s++) {
            values[OpenData.index(d, s, 2)] = values[OpenData.index(d, s, 0)] + values[OpenData.index(d, s, 1)];
        }
        for (int d = 0; d < nd - 1; d++) for (int a = 0; a < 3; a++) {
            values[OpenData.index(d, 2, a)] = values[OpenData.index(d, 0, a)] + values[OpenData.index(d, 1, a)];
        }
        for (int s = 0; s < 3; s++) for (int a = 0; a < 3; a++) {
            long sum = 0;
            for (int d = 0; d < nd - 1; d++) sum += values[OpenData.index(d, s, a)];
            values[OpenData.index(nd - 1, s, a)] = sum;
        }
    }

    static BitSet totalsOf(int nd) {
        BitSet t = new BitSet();
        for (int d = 0; d < nd; d++) for (int s = 0; s < 3; s++) for (int a = 0; a < 3; a++) {
            if (d == nd - 1 || s == 2 || a == 2) t.set(OpenData.index(d, s, a));
        }
        return t;
    }

    static Map<String, Long> published(long[] values, BitSet withheld) {
        Map<String, Long> out = new HashMap<>();
        for (int i = 0; i < values.length; i++) if (!withheld.get(i)) out.put("c" + i, values[i]);
        return out;
    }

    /** The attacker's own reading of the table layout: districts sum to the province, M+F, 0-2 + 3-5. */
    static List<DifferencingAttack.Equation> equations(int nd) {
        List<DifferencingAttack.Equation> eq = new ArrayList<>();
        for (int s = 0; s < 3; s++) for (int a = 0; a < 3; a++) {
            List<String> parts = new ArrayList<>();
            for (int d = 0; d < nd - 1; d++) parts.add("c" + OpenData.index(d, s, a));
            eq.add(new DifferencingAttack.Equation("c" + OpenData.index(nd - 1, s, a), parts));
        }
        for (int d = 0; d < nd; d++) {
            for (int a = 0; a < 3; a++) eq.add(new DifferencingAttack.Equation("c" + OpenData.index(d, 2, a),
                    List.of("c" + OpenData.index(d, 0, a), "c" + OpenData.index(d, 1, a))));
            for (int s = 0; s < 3; s++) eq.add(new DifferencingAttack.Equation("c" + OpenData.index(d, s, 2),
                    List.of("c" + OpenData.index(d, s, 0), "c" + OpenData.index(d, s, 1))));
        }
        return eq;
    }

    /**
     * The review's case: girls 5 in all (published), nobody aged 3-5 (published 0), so girls aged 3-5 are 0 and girls
     * aged 0-2 are 5, though both were withheld, unless non-negativity is part of the check.
     */
    @Test
    void aPublishedZeroTotalDoesNotGiveAWithheldCellAway() {
        // One district and the total (nd = 2), so the district's cells equal the total's.
        int nd = 2;
        long[] values = new long[nd * 9];
        // district 0: M 0-2 = 3 (a primary), F 0-2 = 5, nobody aged 3-5.
        values[OpenData.index(0, 0, 0)] = 3;
        values[OpenData.index(0, 1, 0)] = 5;
        totals(values, nd);
        BitSet withheld = Suppression.protect(values, OpenData.relations(nd), totalsOf(nd));
        Map<String, Long> published = published(values, withheld);
        assertThat(published).doesNotContainKey("c" + OpenData.index(0, 0, 0));
        assertThat(DifferencingAttack.recovered(equations(nd), published)).isEmpty();
        assertThat(DifferencingAttack.recoveredKnowingZeros(equations(nd), published, java.util.Set.of())).isEmpty();
    }
}
