/**
 * The National Early Childhood Development Center Standard (มาตรฐานสถานพัฒนาเด็กปฐมวัยแห่งชาติ,
 * Cabinet 2 Jan 2562): its catalogue of standards, indicators and items, the four-level item
 * scale, scoring of a centre's self-assessment, and the DSPM rule for child-outcome items.
 *
 * <p>Only what THAI-RULES §1 verifies is shipped ({@code ecd-standard-2561.csv}); the full item
 * list comes from the official book through {@link org.tonkla.core.standard.CatalogueReader},
 * which the app also uses for administrators' CSV and Excel imports.
 */
package org.tonkla.core.standard;
