/**
 * Thai identity and calendar rules: the 13-digit citizen ID and the MOE G-code, Buddhist-era
 * dates, and the LK82, Udom83 and MetaSound sound keys for matching Thai names.
 *
 * <p>Everything here is a pure function of its arguments; personal identifiers are masked in
 * every {@code toString()}. Sources are cited per class from the project's THAI-RULES §4 and §8.
 */
package org.tonkla.core.thai;
