/**
 * The National Early Childhood Development Center Standard (มาตรฐานสถานพัฒนาเด็กปฐมวัยแห่งชาติ,
 * Cabinet 2 Jan 2562): its catalogue of standards, indicators and items, the four-level item
 * scale, scoring of a centre's self-assessment, and the DSPM rule for child-outcome items.
 *
 * <p>Two versions ship: the default 75 items of the DCY export ({@code ecd-standard-2562.csv},
 * {@code PROVENANCE-2562.md}) and the earlier verified part ({@code ecd-standard-2561.csv}), both read
 * by {@link org.tonkla.core.standard.CatalogueReader}, which the app also uses for administrators' CSV
 * and Excel imports. {@link org.tonkla.core.standard.ItemFigures} says which Standard-3 items map to
 * data in the children's records.
 */
package org.tonkla.core.standard;
