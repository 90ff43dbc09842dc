package org.tonkla.indicators.internal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The blocks of one year and province, protected together (docs/open-data-suppression.md). A count of children with a
 * property is at most, cell by cell, the count it is taken from (its {@code wholes}: stunted of growth_hfa, every fact of
 * the year's children), and an attacker knows it. Where a part and its whole have the same value, that bound meets the
 * true value and can pin a withheld cell, so each block is protected with those bounds ({@link Suppression.Bounds}):
 * <ul>
 *   <li>parts before wholes, and a part's cell equal to its whole's is taken as unable to increase, whether the
 *       whole is published or not (so the whole may move without it);</li>
 *   <li>a whole's cell equal to a published part's cannot decrease, unless that part's cell is withheld too (the whole's
 *       protection may ask for it, and the part is protected again);</li>
 *   <li>a part published beside its published whole, short of it by 1 to 4, tells of so many children without: it is
 *       withheld, and its block protected again.</li>
 * </ul>
 * Withholding more of a part never takes a way out from its wholes, so the blocks done stay protected.
 */
public final class RelatedBlocks {

    private final Map<String, long[]> values;
    private final Map<String, Set<String>> wholes;
    private final List<Suppression.Relation> relations;
    private final BitSet isTotal;
    private final Map<String, BitSet> forced = new HashMap<>();
    private final Map<String, BitSet> zeroByDefinition;
    private final Map<String, BitSet> withheld = new HashMap<>();
    /** For each fact, the facts it is a whole of (the inverse of {@code wholes}), built once. */
    private final Map<String, List<String>> parts = new HashMap<>();

    /**
     * @param values each fact's block, cells indexed alike
     * @param wholes for each fact, the facts it is part of (among those in {@code values})
     */
    public RelatedBlocks(Map<String, long[]> values, Map<String, Set<String>> wholes, List<Suppression.Relation> relations, BitSet isTotal) {
        this(values, wholes, relations, isTotal, Map.of());
    }

    /**
     * @param zeroByDefinition for a fact, the cells that are 0 whatever the data (children whose 5th birthday fell in the
     *     year are 3-5 at its end, never 0-2): an attacker who reads the definitions knows them, so they are treated as
     *     published zeros, never as a complement that could move (a review recovered three cells behind such zeros)
     */
    public RelatedBlocks(Map<String, long[]> values, Map<String, Set<String>> wholes, List<Suppression.Relation> relations, BitSet isTotal,
            Map<String, BitSet> zeroByDefinition) {
        this(values, wholes, relations, isTotal, zeroByDefinition, Set.of());
    }

    /**
     * @param sensitive facts whose zeros are withheld like counts of 1 to 4 (a child-protection concern): beside published
     *     zeros, a blank says "1 to 4 here", and where a province's few cases all fall in one district, sex and age group,
     *     the zeros around them say which (a helper's trial found it). A blank then means 0 to 4. A zero the published
     *     cells pin anyway (no children at all there) is still published.
     */
    public RelatedBlocks(Map<String, long[]> values, Map<String, Set<String>> wholes, List<Suppression.Relation> relations, BitSet isTotal,
            Map<String, BitSet> zeroByDefinition, Set<String> sensitive) {
        this.zeroByDefinition = zeroByDefinition;
        for (String fact : sensitive) {
            long[] v = values.get(fact);
            if (v == null) continue;
            BitSet zeros = new BitSet(v.length);
            for (int i = 0; i < v.length; i++) if (v[i] == 0) zeros.set(i);
            zeros.andNot(zeroByDefinition.getOrDefault(fact, new BitSet()));
            forced.put(fact, zeros);
        }
        this.values = values;
        this.wholes = wholes;
        this.relations = relations;
        this.isTotal = isTotal;
        for (String f : values.keySet()) {
            for (String whole : wholes.getOrDefault(f, Set.of())) parts.computeIfAbsent(whole, k -> new ArrayList<>()).add(f);
        }
    }

    /** Each fact's withheld cells. */
    public Map<String, BitSet> protect() {
        List<String> order = new ArrayList<>(values.keySet());
        order.sort(Comparator.comparingInt((String f) -> -depth(f, 0)).thenComparing(f -> f));
        for (String fact : order) {
            protect(fact);
            for (String part : partsOf(fact)) {
                long[] p = values.get(part);
                long[] w = values.get(fact);
                BitSet more = new BitSet();
                for (int i = 0; i < p.length; i++) {
                    long gap = w[i] - p[i];
                    if (p[i] > 0 && gap >= 1 && gap < Suppression.MIN_PUBLISHED && !withheld.get(part).get(i) && !withheld.get(fact).get(i)) more.set(i);
                }
                if (!more.isEmpty()) force(part, more);
            }
        }
        publishPinnedZeros();
        return withheld;
    }

    /**
     * Publishes the withheld zeros that the published cells pin anyway. Adding a fact the attacker can already derive
     * leaves the set of values consistent with the release as it was, so no other cell is exposed, and a 0 identifies
     * nobody. Only bounds an attacker really has are used here: a published part or whole of equal value (the
     * protection's own rule takes an unpublished whole as a bound too, which is safe for withholding, not for
     * publishing). A zero published can make a part's or whole's zero pinned in turn, hence the rounds.
     */
    private void publishPinnedZeros() {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String fact : values.keySet()) {
                long[] v = values.get(fact);
                BitSet w = withheld.get(fact);
                BitSet up = new BitSet(v.length);
                for (int i = w.nextSetBit(0); i >= 0; i = w.nextSetBit(i + 1)) if (v[i] == 0) up.set(i);
                if (up.isEmpty()) continue;
                BitSet zeros = (BitSet) up.clone();
                BitSet down = (BitSet) zeroByDefinition.getOrDefault(fact, new BitSet()).clone();
                for (String part : partsOf(fact)) equalAndPublished(values.get(part), withheld.get(part), v, w, up);
                for (String whole : wholes.getOrDefault(fact, Set.of())) equalAndPublished(values.get(whole), withheld.get(whole), v, w, down);
                BitSet pinned = Disclosure.pinned(w, relations, v.length, up, down, true).bounded();
                pinned.and(zeros);
                if (!pinned.isEmpty()) {
                    w.andNot(pinned);
                    changed = true;
                }
            }
        }
    }

    /** Marks in {@code out} the withheld cells of {@code v} where {@code other} is published with the same value. */
    private static void equalAndPublished(long[] other, BitSet otherWithheld, long[] v, BitSet w, BitSet out) {
        for (int i = w.nextSetBit(0); i >= 0; i = w.nextSetBit(i + 1)) if (!otherWithheld.get(i) && other[i] == v[i]) out.set(i);
    }

    private void protect(String fact) {
        long[] v = values.get(fact);
        BitSet atMost = (BitSet) zeroByDefinition.getOrDefault(fact, new BitSet()).clone();
        for (String whole : wholes.getOrDefault(fact, Set.of())) {
            long[] w = values.get(whole);
            for (int i = 0; i < v.length; i++) if (w[i] == v[i]) atMost.set(i);
        }
        BitSet releasable = new BitSet(v.length);
        for (String part : partsOf(fact)) {
            long[] p = values.get(part);
            BitSet partWithheld = withheld.get(part);
            for (int i = 0; i < v.length; i++) if (p[i] == v[i] && v[i] > 0 && !partWithheld.get(i)) releasable.set(i);
        }
        Suppression.Result r;
        try {
            r = Suppression.protect(v, relations, isTotal, new Suppression.Bounds(new BitSet(), releasable, atMost),
                    forced.getOrDefault(fact, new BitSet()));
        } catch (IllegalStateException noComplementLeft) {
            // Not met in any test or at country scale; should it happen, the block is withheld whole rather than the
            // release failing. Its wholes come later and see fewer bounds; its parts' bounds never depended on it.
            BitSet all = new BitSet(v.length);
            all.set(0, v.length);
            r = new Suppression.Result(all, new BitSet());
        }
        withheld.put(fact, r.withheld());
        BitSet released = r.released();
        if (released.isEmpty()) return;
        for (String part : partsOf(fact)) {
            long[] p = values.get(part);
            BitSet more = new BitSet();
            for (int i = released.nextSetBit(0); i >= 0; i = released.nextSetBit(i + 1)) {
                if (p[i] == v[i] && !withheld.get(part).get(i)) more.set(i);
            }
            if (!more.isEmpty()) force(part, more);
        }
    }

    /** Withholds {@code cells} of a part already protected and protects it again (its own parts may follow). */
    private void force(String part, BitSet cells) {
        forced.computeIfAbsent(part, k -> new BitSet()).or(cells);
        forced.get(part).or(withheld.get(part));
        protect(part);
    }

    /** The facts that are part of {@code fact} and already protected, in the order of {@code values}. */
    private List<String> partsOf(String fact) {
        List<String> out = new ArrayList<>();
        for (String f : parts.getOrDefault(fact, List.of())) if (withheld.containsKey(f)) out.add(f);
        return out;
    }

    private int depth(String fact, int guard) {
        int d = 0;
        if (guard > 10) throw new IllegalStateException("facts part of one another: " + fact);
        for (String w : wholes.getOrDefault(fact, Set.of())) d = Math.max(d, 1 + depth(w, guard + 1));
        return d;
    }
}
