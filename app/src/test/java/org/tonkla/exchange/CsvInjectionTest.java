package org.tonkla.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** OWASP CSV injection: a field a spreadsheet would run as a formula is written as text. */
class CsvInjectionTest {

    @Test
    void fieldsStartingLikeAFormulaGetAnApostrophe() {
        assertThat(F43Imports.quote("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        for (String s : new String[] {"+1", "-1+2", "@SUM(A1)", "\tx", "\rx"}) {
            assertThat(F43Imports.quote(s)).isEqualTo("\"'" + s + "\"");
        }
        assertThat(F43Imports.quote("WEIGHT NaN")).isEqualTo("\"WEIGHT NaN\"");
    }
}
