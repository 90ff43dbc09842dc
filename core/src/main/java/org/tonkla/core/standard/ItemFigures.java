package org.tonkla.core.standard;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.tonkla.core.development.DspmDomain;

/**
 * Which Standard-3 items map to data in the children's records, and to what (THAI-RULES §1.4, the
 * table "Standard-3 items and the data they need"). Keys are item keys ({@code 3.2.2 ก}), the same in
 * every catalogue version that has the item.
 *
 * <ul>
 *   <li>3.1.1 ก and 3.1.1 ข: the share of measured children who are สูงดีสมส่วน. The item is [P], its
 *       thresholds [U]: the app shows the figure and gives it a level only with configured bands.
 *   <li>3.2.1 ก and 3.2.1 ข ("สมวัยโดยรวม 5 ด้าน"): the overall DSPM share [I].
 *   <li>3.2.2–3.2.6 ก: one DSPM domain each, GM, FM, RL, EL, PS, as their texts name them [I].
 *   <li>3.3.1 ข gross motor → GM, 3.3.2 ข fine motor → FM; 3.4.2–3.4.3 ข emotional → PS; 3.5 ข
 *       cognition → FM (the domain includes cognition); 3.6.1 ข listening and understanding → RL,
 *       3.6.2–3.6.4 ข language use → EL; 3.7 ข social → PS. All [I]: §1.4 names these domains for
 *       the indicators, not per item.
 *   <li>3.4.1 ข: the overall DSPM share. The one mapping the standard states [V]: the ONEC book
 *       names the DSPM manual as its evidence and scores it by the share of children developing
 *       age-appropriately (§1.5), which §2 defines over all five domains.
 * </ul>
 * Any other item of kind {@link ItemKind#DSPM_OUTCOME} (in an imported catalogue) takes the overall
 * share, inferred. 3.1.2 ข (health habits, observation) and 3.1.3 ข (oral health: no dental records)
 * map to nothing.
 */
public final class ItemFigures {

    private static final Map<String, ItemFigure> MAP = new LinkedHashMap<>();

    static {
        put("3.1.1 ก", new ItemFigure(ItemFigure.Source.HEALTHY_GROWTH, null, true));
        put("3.1.1 ข", new ItemFigure(ItemFigure.Source.HEALTHY_GROWTH, null, true));
        put("3.2.1 ก", overall(true));
        put("3.2.1 ข", overall(true));
        put("3.2.2 ก", domain(DspmDomain.GM));
        put("3.2.3 ก", domain(DspmDomain.FM));
        put("3.2.4 ก", domain(DspmDomain.RL));
        put("3.2.5 ก", domain(DspmDomain.EL));
        put("3.2.6 ก", domain(DspmDomain.PS));
        put("3.3.1 ข", domain(DspmDomain.GM));
        put("3.3.2 ข", domain(DspmDomain.FM));
        put("3.4.1 ข", overall(false));
        put("3.4.2 ข", domain(DspmDomain.PS));
        put("3.4.3 ข", domain(DspmDomain.PS));
        for (int i = 1; i <= 5; i++) put("3.5." + i + " ข", domain(DspmDomain.FM));
        put("3.6.1 ข", domain(DspmDomain.RL));
        for (int i = 2; i <= 4; i++) put("3.6." + i + " ข", domain(DspmDomain.EL));
        for (int i = 1; i <= 4; i++) put("3.7." + i + " ข", domain(DspmDomain.PS));
    }

    private ItemFigures() {}

    /** The figure for {@code item}, if the records give one. */
    public static Optional<ItemFigure> of(CatalogueItem item) {
        ItemFigure figure = MAP.get(item.key());
        if (figure != null) return Optional.of(figure);
        return item.kind() == ItemKind.DSPM_OUTCOME ? Optional.of(overall(true)) : Optional.empty();
    }

    /** Every mapped item key and its figure, in catalogue order. */
    public static Map<String, ItemFigure> all() {
        return java.util.Collections.unmodifiableMap(MAP);
    }

    private static void put(String key, ItemFigure figure) {
        MAP.put(key, figure);
    }

    private static ItemFigure overall(boolean inferred) {
        return new ItemFigure(ItemFigure.Source.DSPM_OVERALL, null, inferred);
    }

    private static ItemFigure domain(DspmDomain d) {
        return new ItemFigure(ItemFigure.Source.DSPM_DOMAIN, d, true);
    }
}
