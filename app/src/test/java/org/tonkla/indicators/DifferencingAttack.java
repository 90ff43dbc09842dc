package org.tonkla.indicators;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The attacker of the suppression tests, written independently of the production code: given published
 * equations "total = sum of parts" where some values are withheld, which withheld values follow exactly?
 * Exact integer arithmetic (fraction-free elimination); a withheld cell is recovered when adding its unit
 * vector to the equations (restricted to the withheld cells) does not raise their rank.
 */
final class DifferencingAttack {

    /** An equation over named cells: {@code total = sum(parts)}. */
    record Equation(String total, List<String> parts) {}

    private DifferencingAttack() {}

    /**
     * As {@link #recovered}, by an attacker who also knows that counts are never negative: an equation whose published
     * total equals its published parts makes every withheld part 0, and so do {@code zeros} (cells known to be 0 from
     * another table). Those zeros are then known; returned are the other withheld cells the equations determine.
     */
    static Set<String> recoveredKnowingZeros(List<Equation> equations, Map<String, Long> published, Set<String> zeros) {
        Map<String, Long> known = new HashMap<>(published);
        Set<String> pinned = new HashSet<>();
        for (String z : zeros) if (!published.containsKey(z)) {
            known.put(z, 0L);
            pinned.add(z);
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Equation e : equations) {
                if (!known.containsKey(e.total())) continue;
                long residual = known.get(e.total());
                List<String> withheld = new ArrayList<>();
                for (String p : e.parts()) {
                    if (known.containsKey(p)) residual -= known.get(p);
                    else withheld.add(p);
                }
                if (!withheld.isEmpty() && residual == 0) {
                    for (String p : withheld) {
                        known.put(p, 0L);
                        pinned.add(p);
                    }
                    changed = true;
                }
            }
        }
        Set<String> out = recovered(equations, known);
        out.removeAll(pinned);
        return out;
    }

    /** The withheld cells (absent from {@code published}) whose value the equations determine. */
    static Set<String> recovered(List<Equation> equations, Map<String, Long> published) {
        List<String> unknowns = new ArrayList<>();
        Map<String, Integer> column = new HashMap<>();
        for (Equation e : equations) {
            List<String> cells = new ArrayList<>(e.parts());
            cells.add(e.total());
            for (String c : cells) if (!published.containsKey(c) && !column.containsKey(c)) {
                column.put(c, unknowns.size());
                unknowns.add(c);
            }
        }
        List<BigInteger[]> rows = new ArrayList<>();
        for (Equation e : equations) {
            BigInteger[] row = zero(unknowns.size());
            boolean any = false;
            for (String p : e.parts()) if (column.containsKey(p)) {
                row[column.get(p)] = row[column.get(p)].add(BigInteger.ONE);
                any = true;
            }
            if (column.containsKey(e.total())) {
                row[column.get(e.total())] = row[column.get(e.total())].subtract(BigInteger.ONE);
                any = true;
            }
            if (any) rows.add(row);
        }
        int rank = rank(copy(rows), unknowns.size());
        Set<String> out = new HashSet<>();
        for (int i = 0; i < unknowns.size(); i++) {
            List<BigInteger[]> with = copy(rows);
            BigInteger[] unit = zero(unknowns.size());
            unit[i] = BigInteger.ONE;
            with.add(unit);
            if (rank(with, unknowns.size()) == rank) out.add(unknowns.get(i));
        }
        return out;
    }

    private static int rank(List<BigInteger[]> rows, int k) {
        int r = 0;
        for (int c = 0; c < k && r < rows.size(); c++) {
            int pivot = -1;
            for (int i = r; i < rows.size(); i++) if (rows.get(i)[c].signum() != 0) {
                pivot = i;
                break;
            }
            if (pivot < 0) continue;
            BigInteger[] p = rows.get(pivot);
            rows.set(pivot, rows.get(r));
            rows.set(r, p);
            for (int i = r + 1; i < rows.size(); i++) {
                BigInteger[] o = rows.get(i);
                if (o[c].signum() == 0) continue;
                BigInteger f = o[c];
                for (int j = 0; j < k; j++) o[j] = o[j].multiply(p[c]).subtract(p[j].multiply(f));
                BigInteger g = BigInteger.ZERO;
                for (BigInteger v : o) g = g.gcd(v);
                if (g.signum() != 0 && !g.equals(BigInteger.ONE)) for (int j = 0; j < k; j++) o[j] = o[j].divide(g);
            }
            r++;
        }
        return r;
    }

    private static BigInteger[] zero(int k) {
        BigInteger[] row = new BigInteger[k];
        java.util.Arrays.fill(row, BigInteger.ZERO);
        return row;
    }

    private static List<BigInteger[]> copy(List<BigInteger[]> rows) {
        List<BigInteger[]> out = new ArrayList<>();
        for (BigInteger[] r : rows) out.add(r.clone());
        return out;
    }
}
