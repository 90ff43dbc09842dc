package org.tonkla.core.standard;

/**
 * How an item gets its level.
 *
 * @see DspmOutcomeBands (THAI-RULES §1.5)
 */
public enum ItemKind {
    /** The assessor rates it 0–3 against the item's criteria. */
    RATED,
    /** A child-outcome item of Standard 3, scored from the share of children developing age-appropriately per DSPM. */
    DSPM_OUTCOME
}
