/**
 * DSPM developmental surveillance and screening: the five domains, the key screening ages
 * (9, 18, 30, 42, 60 months) with their 30-day windows, the MOPH SPECIALPP outcome codes, the
 * 30-day re-check after a suspected delay, and the national "age-appropriate development" KPI.
 *
 * <p>Every function takes the date it reasons about; nothing reads the clock. Sources: THAI-RULES
 * §2 and §2.1 (data.go.th anamai_child-development; HDC DSPM dataset; sil-th/terminology-ig
 * CS_MoPH_SpecialPPService.fsh, THCC code set 205).
 */
package org.tonkla.core.development;
