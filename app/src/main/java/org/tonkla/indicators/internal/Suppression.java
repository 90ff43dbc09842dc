package org.tonkla.indicators.internal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Small-cell protection of one table block (docs/open-data-suppression.md): primary suppression of every count
 * from 1 to 4, then complementary suppression until no suppressed cell is determined by the published cells
 * and the block's additive relations (a total equals the sum of its parts), by linear algebra over all of
 * them at once, not just one relation at a time.
 */
public final class Suppression {

    /** {@code total} = sum of {@code parts} (cell indexes of the block). */
    public record Relation(int total, int[] parts) {}

    public static final int MIN_PUBLISHED = 5;
    private static final double EPS = 1e-9;

    private Suppression() {}

    /**
     * The cells to withhold.
     *
     * @param values every cell's count
     * @param relations the block's additive relations
     * @param isTotal cells that are totals: complements are taken among the parts first, so totals stay published
     */
    public static BitSet protect(long[] values, List<Relation> relations, BitSet isTotal) {
        return protect(values, relations, isTotal, new BitSet());
    }

    /**
     * As {@link #protect(long[], List, BitSet)}, with cells an attacker knows to be zero from another table (a count
     * whose denominator is published as 0 in its own block): such a cell, withheld or not, protects nothing.
     */
    public static BitSet protect(long[] values, List<Relation> relations, BitSet isTotal, BitSet knownZero) {
        return protect(values, relations, isTotal, knownZero, new BitSet());
    }

    /**
     * As above, with more cells withheld from the start ({@code alsoSmall}): cells whose complement in another table is
     * small (a count of 14 beside its denominator's 15 tells of one child without).
     */
    public static BitSet protect(long[] values, List<Relation> relations, BitSet isTotal, BitSet knownZero, BitSet alsoSmall) {
        knownZero = (BitSet) knownZero.clone();
        for (int i = knownZero.nextSetBit(0); i >= 0; i = knownZero.nextSetBit(i + 1)) if (values[i] != 0) knownZero.clear(i);
        BitSet suppressed = new BitSet(values.length);
        for (int i = 0; i < values.length; i++) if (values[i] >= 1 && values[i] < MIN_PUBLISHED) suppressed.set(i);
        suppressed.or(alsoSmall);
        while (true) {
            BitSet exposed = exposed(suppressed, values, relations, knownZero);
            if (exposed.isEmpty()) return suppressed;
            int complement = -1;
            for (int cell = exposed.nextSetBit(0); cell >= 0 && complement < 0; cell = exposed.nextSetBit(cell + 1)) {
                complement = complement(cell, values, relations, suppressed, isTotal);
            }
            // Every neighbour of the exposed cells is withheld already: widen to any relation with a withheld cell.
            for (int cell = suppressed.nextSetBit(0); cell >= 0 && complement < 0; cell = suppressed.nextSetBit(cell + 1)) {
                complement = complement(cell, values, relations, suppressed, isTotal);
            }
            if (complement < 0) throw new IllegalStateException("no complement left");
            suppressed.set(complement);
        }
    }

    /** A published cell sharing a relation with {@code cell}: a part before a total, then the smallest count (zeros last). */
    private static int complement(int cell, long[] values, List<Relation> relations, BitSet suppressed, BitSet isTotal) {
        int best = -1;
        for (Relation r : relations) {
            if (!involves(r, cell)) continue;
            List<Integer> members = new ArrayList<>();
            members.add(r.total());
            for (int p : r.parts()) members.add(p);
            for (int m : members) {
                if (m == cell || suppressed.get(m)) continue;
                if (best < 0 || rank(m, values, isTotal) < rank(best, values, isTotal)) best = m;
            }
        }
        return best;
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

    /**
     * The withheld cells an attacker can find: counts are never negative, so a relation whose published total equals
     * its published parts (a residual of 0) makes each of its withheld parts 0, and so does {@code knownZero}; with those
     * zeros known, the cells the linear relations then determine ({@link #determined}), as well as those they determine
     * without them. A zero found only through the sign reveals no one (a withheld 0 is a complement), so it is not
     * reported; what it would give away is.
     */
    public static BitSet exposed(BitSet suppressed, long[] values, List<Relation> relations, BitSet knownZero) {
        BitSet hidden = (BitSet) suppressed.clone();
        hidden.andNot(knownZero);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Relation r : relations) {
                if (hidden.get(r.total())) continue;
                long residual = values[r.total()];
                boolean anyHidden = false;
                for (int p : r.parts()) {
                    if (hidden.get(p)) anyHidden = true;
                    else residual -= values[p];
                }
                if (anyHidden && residual == 0) {
                    for (int p : r.parts()) hidden.clear(p);
                    changed = true;
                }
            }
        }
        // What the relations alone determine (a withheld 0 among them too: an attacker with no notion of sign finds it),
        // and what they determine once the zeros are known.
        BitSet out = determined(suppressed, relations, values.length);
        out.or(determined(hidden, relations, values.length));
        // A non-zero withheld cell no longer hidden was pinned by the zeros (a residual of 0 with it in: impossible
        // for a positive count, but kept for safety).
        for (int i = suppressed.nextSetBit(0); i >= 0; i = suppressed.nextSetBit(i + 1)) {
            if (!hidden.get(i) && values[i] != 0) out.set(i);
        }
        return out;
    }

    /**
     * The suppressed cells whose value follows from the published ones: unit vectors in the row space of the
     * relations restricted to the suppressed cells (reduced row echelon form; a row with one non-zero entry).
     */
    public static BitSet determined(BitSet suppressed, List<Relation> relations, int size) {
        int[] column = new int[size];
        int k = 0;
        for (int i = suppressed.nextSetBit(0); i >= 0; i = suppressed.nextSetBit(i + 1)) column[i] = k++;
        List<double[]> rows = new ArrayList<>();
        for (Relation r : relations) {
            double[] row = new double[k];
            boolean any = false;
            if (suppressed.get(r.total())) {
                row[column[r.total()]] -= 1;
                any = true;
            }
            for (int p : r.parts()) {
                if (suppressed.get(p)) {
                    row[column[p]] += 1;
                    any = true;
                }
            }
            if (any) rows.add(row);
        }
        int[] cellOf = new int[k];
        for (int i = suppressed.nextSetBit(0), j = 0; i >= 0; i = suppressed.nextSetBit(i + 1)) cellOf[j++] = i;
        BitSet out = new BitSet(size);
        for (int pivotRow : reduce(rows, k)) {
            double[] row = rows.get(pivotRow);
            int nonZero = -1;
            int count = 0;
            for (int c = 0; c < k; c++) {
                if (Math.abs(row[c]) > EPS) {
                    count++;
                    nonZero = c;
                }
            }
            if (count == 1) out.set(cellOf[nonZero]);
        }
        return out;
    }

    /** Gauss-Jordan elimination in place; returns the indexes of the non-zero rows. */
    private static List<Integer> reduce(List<double[]> rows, int k) {
        int r = 0;
        for (int c = 0; c < k && r < rows.size(); c++) {
            int pivot = -1;
            for (int i = r; i < rows.size(); i++) if (Math.abs(rows.get(i)[c]) > EPS) {
                pivot = i;
                break;
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
            r++;
        }
        List<Integer> nonZero = new ArrayList<>();
        for (int i = 0; i < r; i++) nonZero.add(i);
        return nonZero;
    }
}
