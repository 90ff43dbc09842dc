package org.tonkla.indicators.internal;

import java.util.BitSet;
import java.util.List;

/**
 * Small-cell protection of one table block (docs/open-data-suppression.md): primary suppression of every count
 * from 1 to 4, then complementary suppression until no withheld cell is pinned down by the published cells, the
 * block's additive relations (a total equals the sum of its parts), the sign of counts and the bounds other tables
 * give ({@link Disclosure}), all at once, not one relation at a time.
 */
public final class Suppression {

    /** {@code total} = sum of {@code parts} (cell indexes of the block). */
    public record Relation(int total, int[] parts) {}

    /**
     * What other tables tell of this block's cells, where they meet the true value exactly: {@code atLeast}, a cell
     * cannot be below its value (a count that is part of it has the same value); {@code releasable}, the same, but
     * only because that part is published, so withholding the part lifts the bound; {@code atMost}, a cell cannot be
     * above its value (it equals a count it is part of).
     */
    public record Bounds(BitSet atLeast, BitSet releasable, BitSet atMost) {
        public static Bounds none() {
            return new Bounds(new BitSet(), new BitSet(), new BitSet());
        }
    }

    /** The cells to withhold, and the {@code releasable} bounds lifted: their parts must be withheld too. */
    public record Result(BitSet withheld, BitSet released) {}

    public static final int MIN_PUBLISHED = 5;

    private Suppression() {}

    /** The cells to withhold in a block no other table bounds; {@code isTotal}: complements are taken among parts first. */
    public static BitSet protect(long[] values, List<Relation> relations, BitSet isTotal) {
        return protect(values, relations, isTotal, Bounds.none(), new BitSet()).withheld();
    }

    /**
     * The cells to withhold.
     *
     * @param values every cell's count
     * @param relations the block's additive relations
     * @param isTotal cells that are totals: complements are taken among the parts first, so totals stay published
     * @param bounds what other tables tell of the cells
     * @param alsoSmall cells withheld from the start besides counts of 1 to 4 (a count of 14 beside its
     *     denominator's 15 tells of one child without)
     */
    public static Result protect(long[] values, List<Relation> relations, BitSet isTotal, Bounds bounds, BitSet alsoSmall) {
        BitSet withheld = new BitSet(values.length);
        for (int i = 0; i < values.length; i++) if (values[i] >= 1 && values[i] < MIN_PUBLISHED) withheld.set(i);
        withheld.or(alsoSmall);
        BitSet released = new BitSet(values.length);
        // A 0 that cannot increase either (a count of 0 it is part of, or 0 by definition) cannot move: no complement.
        BitSet fixed = (BitSet) bounds.atMost().clone();
        for (int i = fixed.nextSetBit(0); i >= 0; i = fixed.nextSetBit(i + 1)) if (values[i] != 0) fixed.clear(i);
        while (true) {
            BitSet up = (BitSet) bounds.atLeast().clone();
            BitSet releasable = (BitSet) bounds.releasable().clone();
            releasable.andNot(released);
            up.or(releasable);
            for (int i = withheld.nextSetBit(0); i >= 0; i = withheld.nextSetBit(i + 1)) if (values[i] == 0) up.set(i);
            // The quick check first: what it clears is safe, and what the equations alone pin is pinned; only a cell it
            // can neither clear nor blame on the equations needs the linear program.
            Disclosure.Pinned quick = Disclosure.pinned(withheld, relations, values.length, up, bounds.atMost(), false);
            BitSet exposed = exposed(quick, values);
            if (exposed.isEmpty()) return new Result(withheld, released);
            if (quick.plain().isEmpty()) {
                exposed = exposed(Disclosure.pinned(withheld, relations, values.length, up, bounds.atMost(), true), values);
                if (exposed.isEmpty()) return new Result(withheld, released);
            }
            int choice = -1;
            for (int cell = exposed.nextSetBit(0); cell >= 0 && choice < 0; cell = exposed.nextSetBit(cell + 1)) {
                choice = choose(cell, values, relations, withheld, isTotal, releasable, fixed);
            }
            // Every neighbour of the exposed cells is withheld already: widen to any relation with a withheld cell.
            for (int cell = withheld.nextSetBit(0); cell >= 0 && choice < 0; cell = withheld.nextSetBit(cell + 1)) {
                choice = choose(cell, values, relations, withheld, isTotal, releasable, fixed);
            }
            if (choice < 0) throw new IllegalStateException("no complement left");
            if (withheld.get(choice)) released.set(choice);
            else withheld.set(choice);
        }
    }

    /** The non-zero cells pinned, and every cell the equations alone pin (a withheld 0 too). */
    private static BitSet exposed(Disclosure.Pinned pinned, long[] values) {
        BitSet exposed = (BitSet) pinned.bounded().clone();
        for (int i = exposed.nextSetBit(0); i >= 0; i = exposed.nextSetBit(i + 1)) if (values[i] == 0) exposed.clear(i);
        exposed.or(pinned.plain());
        return exposed;
    }

    /**
     * The next step for a pinned {@code cell}: withhold a published cell sharing a relation with it, or lift the bound
     * of a withheld one (its published part is withheld in turn); a part before a total, then the smallest count
     * (zeros last). A withheld cell returned means its bound is lifted.
     */
    private static int choose(int cell, long[] values, List<Relation> relations, BitSet withheld, BitSet isTotal, BitSet releasable,
            BitSet fixed) {
        int best = releasable.get(cell) ? cell : -1;
        for (Relation r : relations) {
            if (!involves(r, cell)) continue;
            best = better(r.total(), cell, best, values, withheld, isTotal, releasable, fixed);
            for (int p : r.parts()) best = better(p, cell, best, values, withheld, isTotal, releasable, fixed);
        }
        return best;
    }

    private static int better(int m, int cell, int best, long[] values, BitSet withheld, BitSet isTotal, BitSet releasable, BitSet fixed) {
        boolean candidate = withheld.get(m) ? releasable.get(m) : m != cell && !fixed.get(m);
        if (!candidate) return best;
        return best < 0 || rank(m, values, isTotal) < rank(best, values, isTotal) ? m : best;
    }

    private static long rank(int m, long[] values, BitSet isTotal) {
        long v = values[m] == 0 ? Long.MAX_VALUE / 4 : values[m];
        return isTotal.get(m) ? Long.MAX_VALUE / 2 + Math.min(v, Long.MAX_VALUE / 4) : v;
    }

    private static boolean involves(Relation r, int cell) {
        if (r.total() == cell) return true;
        for (int p : r.parts()) if (p == cell) return true;
        return false;
    }
}
