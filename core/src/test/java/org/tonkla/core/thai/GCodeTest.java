package org.tonkla.core.thai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * THAI-RULES §4, G-code. Primary sources: datacenter.loei1.go.th/qa/dmc-gcode (format and
 * example G644200000001), khonkaen4.org/g-code.
 */
class GCodeTest {

    @Test
    void readsThePublishedExample() {
        GCode code = GCode.parse("G644200000001");
        assertThat(code.issuedBuddhistYear()).isEqualTo(2564);
        assertThat(code.provinceCode()).isEqualTo("42");
        assertThat(code.value()).isEqualTo("G644200000001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"g644200000001", "G-6442-00000-001", " G 64 42 00000001 "})
    void normalisesCaseAndSeparators(String text) {
        assertThat(GCode.parse(text).value()).isEqualTo("G644200000001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"G64420000001", "G6442000000011", "H644200000001", "1101700203450", "G64420000000A"})
    void rejectsWrongShapes(String text) {
        assertThat(GCode.tryParse(text)).isEmpty();
        assertThatThrownBy(() -> GCode.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isNotTreatedAsACitizenId() {
        // §4: "A G-code is not mod-11-valid. Model it as a separate identifier type."
        assertThat(NationalId.isValid("644200000001")).isFalse();
        assertThat(ChildIdentifier.parse("G644200000001")).isInstanceOf(GCode.class);
        assertThat(ChildIdentifier.parse("1-1017-00203-45-0")).isInstanceOf(NationalId.class);
    }

    @Test
    void toStringIsMasked() {
        GCode code = GCode.parse("G644200000001");
        assertThat(code.toString()).doesNotContain("6442").contains("0001");
        assertThat(code.masked()).isEqualTo("Gxxxxxxxx0001");
    }

    @Test
    void childWithoutIdentifierCarriesAReason() {
        ChildIdentifier none = new ChildIdentifier.None("awaiting birth registration");
        assertThat(none.masked()).isEqualTo("awaiting birth registration");
        assertThatThrownBy(() -> new ChildIdentifier.None(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
