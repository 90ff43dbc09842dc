package org.tonkla.indicators.internal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * Which withheld cells of a block an attacker pins down (docs/open-data-suppression.md). The attacker knows the block's
 * equations, that counts are never negative, and bounds from other tables: a cell that cannot be below its value (a
 * published part equals it) or above it (it equals the count it is part of). The set of values consistent with all that
 * is a convex polyhedron holding the true values x, so a withheld cell is pinned exactly when every direction that
 * stays inside it from x leaves the cell unchanged; only the bounds x meets with equality shape those directions.
 * One linear program finds the bounds that hold with equality in every direction (they act as equations), then
 * elimination tells which cells the equations fix.
 */
final class Disclosure {

    private static final double EPS = 1e-9;

    static {
        // ojAlgo prints a paragraph about hardware profiles to standard output on first use unless told not to (its own
        // switch); a server's log is no place for it.
        if (System.getProperty("shut.up.ojAlgo") == null) System.setProperty("shut.up.ojAlgo", "true");
    }

    private Disclosure() {}

    /**
     * The withheld cells pinned to one value: by the equations alone ({@code plain}, zeros included), and by the
     * equations with the bounds ({@code bounded}).
     */
    record Pinned(BitSet plain, BitSet bounded) {}

    /**
     * The withheld cells pinned.
     *
     * @param up withheld cells that cannot decrease (zeros, and cells a published count is part of with the same value)
     * @param down withheld cells that cannot increase (equal to the count they are part of)
     * @param exact false: a bounded cell that no basis direction of the null space moves is taken as held, with no
     *     linear program, so a cell reported may be a false alarm, but a cell not reported is safe
     */
    static Pinned pinned(BitSet withheld, List<Suppression.Relation> relations, int size, BitSet up, BitSet down, boolean exact) {
        int[] column = new int[size];
        int[] cellOf = new int[withheld.cardinality()];
        int k = 0;
        for (int i = withheld.nextSetBit(0); i >= 0; i = withheld.nextSetBit(i + 1)) {
            column[i] = k;
            cellOf[k++] = i;
        }
        // Each equation restricted to the withheld cells, as (column, coefficient) pairs.
        List<int[]> rowColumns = new ArrayList<>();
        List<double[]> rowCoefficients = new ArrayList<>();
        for (Suppression.Relation r : relations) {
            Map<Integer, Double> row = new java.util.TreeMap<>();
            if (withheld.get(r.total())) row.merge(column[r.total()], -1.0, Double::sum);
            for (int p : r.parts()) if (withheld.get(p)) row.merge(column[p], 1.0, Double::sum);
            if (row.isEmpty()) continue;
            rowColumns.add(row.keySet().stream().mapToInt(Integer::intValue).toArray());
            rowCoefficients.add(row.values().stream().mapToDouble(Double::doubleValue).toArray());
        }
        // Cells sharing no equation are independent: each group of linked cells is its own, smaller problem.
        int[] parent = new int[k];
        for (int i = 0; i < k; i++) parent[i] = i;
        for (int[] cols : rowColumns) for (int c : cols) parent[find(parent, c)] = find(parent, cols[0]);
        Map<Integer, List<Integer>> groups = new HashMap<>();
        for (int c = 0; c < k; c++) groups.computeIfAbsent(find(parent, c), g -> new ArrayList<>()).add(c);
        Map<Integer, List<Integer>> rowsOf = new HashMap<>();
        for (int r = 0; r < rowColumns.size(); r++) rowsOf.computeIfAbsent(find(parent, rowColumns.get(r)[0]), g -> new ArrayList<>()).add(r);
        BitSet plain = new BitSet(size);
        BitSet bounded = new BitSet(size);
        int[] local = new int[k];
        for (Map.Entry<Integer, List<Integer>> entry : groups.entrySet()) {
            List<Integer> group = entry.getValue();
            int n = group.size();
            for (int j = 0; j < n; j++) local[group.get(j)] = j;
            List<double[]> equations = new ArrayList<>();
            for (int r : rowsOf.getOrDefault(entry.getKey(), List.of())) {
                double[] g = new double[n];
                int[] cols = rowColumns.get(r);
                for (int x = 0; x < cols.length; x++) g[local[cols[x]]] = rowCoefficients.get(r)[x];
                equations.add(g);
            }
            // One elimination serves the equations' own verdict and the null space of the quick check; the bounds that
            // act as equations are then added to the reduced rows, not to the original ones (most groups have none).
            Echelon reduced = Echelon.of(equations, n);
            for (int j : reduced.determined()) plain.set(cellOf[group.get(j)]);
            // The bounds met with equality: direction d must keep sign[j]·d[j] ≥ 0.
            List<double[]> fixedRows = new ArrayList<>();
            List<Integer> signed = new ArrayList<>();
            List<Integer> sign = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                int cell = cellOf[group.get(j)];
                boolean u = up.get(cell);
                boolean d = down.get(cell);
                if (u && d) {
                    fixedRows.add(unit(j, n));
                } else if (u || d) {
                    signed.add(j);
                    sign.add(u ? 1 : -1);
                }
            }
            Echelon held = reduced.with(fixedRows);
            List<double[]> implicit = new ArrayList<>();
            // The program gets the sparse whole-number rows themselves: the reduced ones are dense and fractional.
            equations.addAll(fixedRows);
            for (int s : implicitEqualities(equations, held, n, signed, sign, exact)) implicit.add(unit(s, n));
            for (int j : held.with(implicit).determined()) bounded.set(cellOf[group.get(j)]);
        }
        return new Pinned(plain, bounded);
    }

    /**
     * The signed cells held at 0 by every direction d with E·d = 0 and sign·d ≥ 0 on the signed cells: maximise Σ t
     * with 0 ≤ t ≤ 1 and t ≤ sign·d. A direction strictly inside on every cell that can move exists (the cone is
     * convex, and d is unbounded), so the optimum has t = 1 on each of those and 0 on the rest.
     */
    private static List<Integer> implicitEqualities(List<double[]> equations, Echelon reduced, int n, List<Integer> signed,
            List<Integer> sign, boolean exact) {
        if (signed.isEmpty()) return List.of();
        int[] signOf = new int[n];
        for (int s = 0; s < signed.size(); s++) signOf[signed.get(s)] = sign.get(s);
        // Most signed cells move along one of the null space's basis directions (a "cycle" of the table) that respects
        // every sign; those need no program. The rest, usually none, go to the linear program.
        boolean[] moves = new boolean[n];
        for (double[] v : reduced.nullSpace()) {
            for (int direction : new int[] {1, -1}) {
                boolean ok = true;
                for (int j = 0; j < n && ok; j++) if (signOf[j] != 0 && direction * signOf[j] * v[j] < -EPS) ok = false;
                if (ok) for (int j = 0; j < n; j++) if (Math.abs(v[j]) > EPS) moves[j] = true;
            }
        }
        List<Integer> open = new ArrayList<>();
        for (int j : signed) if (!moves[j]) open.add(j);
        if (open.isEmpty() || !exact) return open;
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Variable[] d = new Variable[n];
        for (int j = 0; j < n; j++) d[j] = model.addVariable("d" + j);
        for (double[] e : equations) {
            Expression row = model.addExpression().level(0);
            for (int j = 0; j < n; j++) if (e[j] != 0) row.set(d[j], e[j]);
        }
        for (int j : signed) {
            if (moves[j]) model.addExpression().lower(0).set(d[j], signOf[j]);
        }
        Variable[] t = new Variable[open.size()];
        for (int s = 0; s < t.length; s++) {
            t[s] = model.addVariable("t" + s).lower(0).upper(1).weight(1);
            model.addExpression().lower(0).set(d[open.get(s)], signOf[open.get(s)]).set(t[s], -1);
        }
        Optimisation.Result best = model.maximise();
        if (!best.getState().isOptimal()) throw new IllegalStateException("open-data disclosure program: " + best.getState());
        List<Integer> out = new ArrayList<>();
        for (int s = 0; s < t.length; s++) if (t[s].getValue().doubleValue() < 0.5) out.add(open.get(s));
        return out;
    }

    /** Rows in reduced row echelon form (no zero rows), with each row's pivot column. */
    private record Echelon(List<double[]> rows, int[] pivots, int k) {

        static Echelon of(List<double[]> rows, int k) {
            List<double[]> copy = copy(rows);
            int[] pivots = reduce(copy, k);
            return new Echelon(new ArrayList<>(copy.subList(0, pivots.length)), pivots, k);
        }

        /** The same span with {@code more} rows added; reducing the reduced rows again costs little. */
        Echelon with(List<double[]> more) {
            if (more.isEmpty()) return this;
            List<double[]> all = new ArrayList<>(rows);
            all.addAll(more);
            return of(all, k);
        }

        /** The columns whose unit vector lies in the rows' span: a row with one non-zero entry. */
        List<Integer> determined() {
            List<Integer> out = new ArrayList<>();
            for (double[] row : rows) {
                int nonZero = -1;
                int count = 0;
                for (int c = 0; c < k; c++) if (Math.abs(row[c]) > EPS) {
                    count++;
                    nonZero = c;
                }
                if (count == 1) out.add(nonZero);
            }
            return out;
        }

        /** A basis of {d : rows·d = 0}: one vector per column without a pivot. */
        List<double[]> nullSpace() {
            List<double[]> out = new ArrayList<>();
            boolean[] pivot = new boolean[k];
            for (int p : pivots) pivot[p] = true;
            for (int free = 0; free < k; free++) {
                if (pivot[free]) continue;
                double[] v = new double[k];
                v[free] = 1;
                for (int r = 0; r < pivots.length; r++) v[pivots[r]] = -rows.get(r)[free];
                out.add(v);
            }
            return out;
        }
    }

    private static double[] unit(int j, int n) {
        double[] row = new double[n];
        row[j] = 1;
        return row;
    }

    /** Gauss-Jordan elimination in place (partial pivoting); returns each non-zero row's pivot column, rows first. */
    private static int[] reduce(List<double[]> rows, int k) {
        List<Integer> pivots = new ArrayList<>();
        int r = 0;
        for (int c = 0; c < k && r < rows.size(); c++) {
            int pivot = -1;
            double best = EPS;
            for (int i = r; i < rows.size(); i++) if (Math.abs(rows.get(i)[c]) > best) {
                pivot = i;
                best = Math.abs(rows.get(i)[c]);
            }
            if (pivot < 0) continue;
            double[] p = rows.get(pivot);
            rows.set(pivot, rows.get(r));
            rows.set(r, p);
            double scale = p[c];
            for (int j = 0; j < k; j++) p[j] /= scale;
            for (int i = 0; i < rows.size(); i++) {
                if (i == r) continue;
                double[] other = rows.get(i);
                double f = other[c];
                if (Math.abs(f) > EPS) for (int j = 0; j < k; j++) other[j] -= f * p[j];
            }
            pivots.add(c);
            r++;
        }
        return pivots.stream().mapToInt(Integer::intValue).toArray();
    }

    private static List<double[]> copy(List<double[]> rows) {
        List<double[]> out = new ArrayList<>();
        for (double[] r : rows) out.add(r.clone());
        return out;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    }
}
