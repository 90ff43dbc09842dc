package org.tonkla.core.standard;

import java.util.Objects;
import org.tonkla.core.development.DspmDomain;

/**
 * Which figure from the children's records stands for a Standard-3 item, and how firmly the
 * sources back that mapping.
 *
 * @param source what is counted
 * @param domain the DSPM domain for {@link Source#DSPM_DOMAIN}; {@code null} otherwise
 * @param inferred whether the mapping (or its bands) is inferred [I] rather than stated by the
 *     standard [V]; an inferred figure is advice beside the centre's rating unless configured
 * @see ItemFigures (THAI-RULES §1.4 "Standard-3 items and the data they need", §1.5)
 */
public record ItemFigure(Source source, DspmDomain domain, boolean inferred) {

    /** What the records give for an item. */
    public enum Source {
        /** Share of children developing age-appropriately in all five DSPM domains (§2 KPI). */
        DSPM_OVERALL,
        /** Share of children age-appropriate in one DSPM domain. */
        DSPM_DOMAIN,
        /** Share of measured children who are สูงดีสมส่วน (growth items 3.1.1 ก/ข); no bands are known [U]. */
        HEALTHY_GROWTH
    }

    public ItemFigure {
        Objects.requireNonNull(source, "source");
        if ((source == Source.DSPM_DOMAIN) != (domain != null)) {
            throw new IllegalArgumentException("a domain is given exactly for DSPM_DOMAIN");
        }
    }
}
