package org.tonkla.indicators;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.linear.UnboundedSolutionException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * A stronger attacker than {@link DifferencingAttack}, written independently of the production code. Besides the
 * equations it knows that counts are never negative and that a count of children with a property is at most the count
 * it is taken from, cell by cell across tables (stunted ≤ growth_hfa ≤ children). For each withheld cell it solves two
 * linear programs: the least and the greatest value consistent with everything published. A cell whose range holds a
 * single whole number of at least 1 is recovered.
 */
final class LinearProgrammingAttack {

    /** {@code part ≤ whole}, both cells (published or not). */
    record AtMost(String part, String whole) {}

    private LinearProgrammingAttack() {}

    /** The withheld cells pinned to one whole number of at least 1, with that number. */
    static Map<String, Long> recovered(List<DifferencingAttack.Equation> equations, List<AtMost> bounds, Map<String, Long> published) {
        return pinned(equations, bounds, published, false);
    }

    /** The withheld cells whose greatest value is 0: withheld, yet known to be 0. */
    static java.util.Set<String> pinnedAtZero(List<DifferencingAttack.Equation> equations, List<AtMost> bounds, Map<String, Long> published) {
        return pinned(equations, bounds, published, true).keySet();
    }

    private static Map<String, Long> pinned(List<DifferencingAttack.Equation> equations, List<AtMost> bounds, Map<String, Long> published,
            boolean zeros) {
        Map<String, Integer> column = new LinkedHashMap<>();
        for (DifferencingAttack.Equation e : equations) {
            unknown(e.total(), published, column);
            e.parts().forEach(p -> unknown(p, published, column));
        }
        for (AtMost b : bounds) {
            unknown(b.part(), published, column);
            unknown(b.whole(), published, column);
        }
        Map<String, Long> out = new LinkedHashMap<>();
        for (List<String> group : groups(equations, bounds, column)) {
            Map<String, Integer> index = new HashMap<>();
            for (String c : group) index.put(c, index.size());
            List<LinearConstraint> constraints = new ArrayList<>();
            for (DifferencingAttack.Equation e : equations) {
                double[] row = new double[group.size()];
                double rhs = 0;
                boolean mine = false;
                for (String p : e.parts()) {
                    if (index.containsKey(p)) {
                        row[index.get(p)] += 1;
                        mine = true;
                    } else if (published.containsKey(p)) rhs -= published.get(p);
                }
                if (index.containsKey(e.total())) {
                    row[index.get(e.total())] -= 1;
                    mine = true;
                } else if (published.containsKey(e.total())) rhs += published.get(e.total());
                if (mine) constraints.add(new LinearConstraint(row, Relationship.EQ, rhs));
            }
            for (AtMost b : bounds) {
                boolean part = index.containsKey(b.part());
                boolean whole = index.containsKey(b.whole());
                if (!part && !whole) continue;
                double[] row = new double[group.size()];
                double rhs = 0;
                if (part) row[index.get(b.part())] += 1;
                else rhs -= published.get(b.part());
                if (whole) row[index.get(b.whole())] -= 1;
                else rhs += published.get(b.whole());
                constraints.add(new LinearConstraint(row, Relationship.LEQ, rhs));
            }
            for (String cell : group) {
                double[] objective = new double[group.size()];
                objective[index.get(cell)] = 1;
                Double max = solve(objective, constraints, GoalType.MAXIMIZE);
                if (zeros) {
                    if (max != null && max < 1e-6) out.put(cell, 0L);
                    continue;
                }
                if (max == null || Math.floor(max + 1e-6) < 1) continue;
                Double min = solve(objective, constraints, GoalType.MINIMIZE);
                if (min != null && Math.ceil(min - 1e-6) == Math.floor(max + 1e-6)) out.put(cell, (long) Math.floor(max + 1e-6));
            }
        }
        return out;
    }

    /**
     * The same question answered at the true values, for tables too large for two programs per cell: the values
     * consistent with what is published form a convex polyhedron holding the true values {@code truth}, so a withheld
     * cell's least and greatest values differ exactly when some direction d from the truth stays inside it and moves
     * the cell. Such directions keep every equation (with d = 0 on published cells), keep d ≥ 0 where a withheld count
     * is 0, and keep {@code part ≤ whole} where the two are equal; nothing else binds near the truth. Each program
     * looks for a direction moving a cell not yet seen to move (bounded by −1 ≤ d ≤ 1); every cell its answer moves is
     * settled at once. Returns the withheld cells of at least 1 that no direction moves.
     */
    static Map<String, Long> pinnedAtTruth(List<DifferencingAttack.Equation> equations, List<AtMost> bounds,
            Map<String, Long> published, Map<String, Long> truth) {
        Map<String, Integer> column = new LinkedHashMap<>();
        for (String cell : truth.keySet()) unknown(cell, published, column);
        List<AtMost> tight = bounds.stream().filter(b -> truth.get(b.part()).equals(truth.get(b.whole()))
                && (column.containsKey(b.part()) || column.containsKey(b.whole()))).toList();
        Map<String, Long> out = new LinkedHashMap<>();
        for (List<String> group : groups(equations, tight, column)) {
            Map<String, Integer> index = new HashMap<>();
            for (String c : group) index.put(c, index.size());
            int n = group.size();
            List<LinearConstraint> cone = new ArrayList<>();
            for (DifferencingAttack.Equation e : equations) {
                double[] row = new double[n];
                boolean mine = false;
                for (String p : e.parts()) if (index.containsKey(p)) {
                    row[index.get(p)] += 1;
                    mine = true;
                }
                if (index.containsKey(e.total())) {
                    row[index.get(e.total())] -= 1;
                    mine = true;
                }
                if (mine) cone.add(new LinearConstraint(row, Relationship.EQ, 0));
            }
            for (AtMost b : tight) {
                boolean part = index.containsKey(b.part());
                boolean whole = index.containsKey(b.whole());
                if (!part && !whole) continue;
                double[] row = new double[n];
                if (part) row[index.get(b.part())] = 1;
                if (whole) row[index.get(b.whole())] = -1;
                cone.add(new LinearConstraint(row, Relationship.LEQ, 0));
            }
            for (String c : group) {
                double[] row = new double[n];
                row[index.get(c)] = 1;
                if (truth.get(c) == 0) cone.add(new LinearConstraint(row, Relationship.GEQ, 0));
                else cone.add(new LinearConstraint(row, Relationship.GEQ, -1));
                cone.add(new LinearConstraint(row.clone(), Relationship.LEQ, 1));
            }
            java.util.Set<String> moved = new java.util.HashSet<>();
            // First directions that move many cells at once: a random ±1 weight on each cell not yet seen to move.
            java.util.Random random = new java.util.Random(group.size());
            for (int round = 0; round < 5; round++) {
                double[] objective = new double[n];
                boolean any = false;
                for (String c : group) if (truth.get(c) != 0 && !moved.contains(c)) {
                    objective[index.get(c)] = random.nextBoolean() ? 1 : -1;
                    any = true;
                }
                if (!any) break;
                PointValuePair p = new SimplexSolver().optimize(new MaxIter(1_000_000), new LinearObjectiveFunction(objective, 0),
                        new LinearConstraintSet(cone), GoalType.MAXIMIZE, new NonNegativeConstraint(false));
                int before = moved.size();
                for (String other : group) if (Math.abs(p.getPoint()[index.get(other)]) > 1e-7) moved.add(other);
                if (moved.size() == before) break;
            }
            for (String c : group) {
                if (truth.get(c) == 0 || moved.contains(c)) continue;
                boolean moves = false;
                for (GoalType goal : new GoalType[] {GoalType.MAXIMIZE, GoalType.MINIMIZE}) {
                    double[] objective = new double[n];
                    objective[index.get(c)] = 1;
                    PointValuePair p = new SimplexSolver().optimize(new MaxIter(1_000_000), new LinearObjectiveFunction(objective, 0),
                            new LinearConstraintSet(cone), goal, new NonNegativeConstraint(false));
                    for (String other : group) if (Math.abs(p.getPoint()[index.get(other)]) > 1e-7) moved.add(other);
                    if (moved.contains(c)) {
                        moves = true;
                        break;
                    }
                }
                if (!moves) out.put(c, truth.get(c));
            }
        }
        return out;
    }

    private static Double solve(double[] objective, List<LinearConstraint> constraints, GoalType goal) {
        try {
            PointValuePair p = new SimplexSolver().optimize(new MaxIter(100_000), new LinearObjectiveFunction(objective, 0),
                    new LinearConstraintSet(constraints), goal, new NonNegativeConstraint(true));
            return p.getValue();
        } catch (UnboundedSolutionException e) {
            return null;
        }
    }

    /** Cells that share no constraint are separate problems: the groups of linked withheld cells. */
    private static java.util.Collection<List<String>> groups(List<DifferencingAttack.Equation> equations, List<AtMost> bounds,
            Map<String, Integer> column) {
        int[] parent = new int[column.size()];
        for (int i = 0; i < parent.length; i++) parent[i] = i;
        for (DifferencingAttack.Equation e : equations) {
            List<String> cells = new ArrayList<>(e.parts());
            cells.add(e.total());
            link(cells, column, parent);
        }
        for (AtMost b : bounds) link(List.of(b.part(), b.whole()), column, parent);
        Map<Integer, List<String>> groups = new HashMap<>();
        column.forEach((cell, i) -> groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(cell));
        return groups.values();
    }

    private static void unknown(String cell, Map<String, Long> published, Map<String, Integer> column) {
        if (!published.containsKey(cell)) column.putIfAbsent(cell, column.size());
    }

    private static void link(List<String> cells, Map<String, Integer> column, int[] parent) {
        int first = -1;
        for (String c : cells) {
            Integer i = column.get(c);
            if (i == null) continue;
            if (first < 0) first = i;
            else parent[find(parent, i)] = find(parent, first);
        }
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    }
}
