/**
 * WHO Child Growth Standards (2006, birth to 60 months) and WHO Growth Reference (2007, 5 to 19 years): the LMS
 * tables as resources and z-scores computed exactly as WHO's R packages {@code anthro} and {@code anthroplus}
 * compute them. Start at {@link org.tonkla.core.growth.GrowthStandards}.
 *
 * <p>The tables and the method are described in {@code org/tonkla/core/growth/who/PROVENANCE.md}.
 */
package org.tonkla.core.growth;
