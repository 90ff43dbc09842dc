package org.tonkla.core.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * THAI-RULES §1.5: child-outcome items from the DSPM share, <75 → 0, 75–79 → 1, 80–84 → 2,
 * ≥85 → 3. Primary source: ONEC book, anyflip ebmni/sbbl/basic/201-250 (item 3.4.1 ข).
 */
class DspmOutcomeBandsTest {

    @ParameterizedTest(name = "{0}/{1} → {2}")
    @CsvSource({
        "74, 100, NEEDS_IMPROVEMENT",
        "75, 100, BASIC",
        "79, 100, BASIC",
        "80, 100, GOOD",
        "84, 100, GOOD",
        "85, 100, VERY_GOOD",
        "100, 100, VERY_GOOD",
        "0, 7, NEEDS_IMPROVEMENT",
        // 3/4 = 75 % exactly; 17/20 = 85 % exactly
        "3, 4, BASIC",
        "17, 20, VERY_GOOD",
        // 799/1000 = 79.9 %: never rounded up into the next band
        "799, 1000, BASIC",
        "849, 1000, GOOD",
    })
    void bands(int ageAppropriate, int screened, ItemLevel expected) {
        assertThat(DspmOutcomeBands.levelFor(ageAppropriate, screened)).contains(expected);
    }

    @Test
    void percentOverloadUsesTheSameThresholds() {
        assertThat(DspmOutcomeBands.levelForPercent(74.99)).isEqualTo(ItemLevel.NEEDS_IMPROVEMENT);
        assertThat(DspmOutcomeBands.levelForPercent(75.0)).isEqualTo(ItemLevel.BASIC);
        assertThat(DspmOutcomeBands.levelForPercent(79.99)).isEqualTo(ItemLevel.BASIC);
        assertThat(DspmOutcomeBands.levelForPercent(85.0)).isEqualTo(ItemLevel.VERY_GOOD);
        assertThatThrownBy(() -> DspmOutcomeBands.levelForPercent(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DspmOutcomeBands.levelForPercent(100.1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noScreenedChildrenHasNoLevel() {
        assertThat(DspmOutcomeBands.levelFor(0, 0)).isEmpty();
        assertThatThrownBy(() -> DspmOutcomeBands.levelFor(5, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DspmOutcomeBands.levelFor(-1, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scaleLabelsAndScores() {
        // §1.5: 0 ต้องปรับปรุง, 1 ผ่านเกณฑ์ขั้นต้น (not ผ่านเกณฑ์พื้นฐาน), 2 ดี, 3 ดีมาก
        assertThat(ItemLevel.values()).extracting(ItemLevel::thaiLabel)
                .containsExactly("ต้องปรับปรุง", "ผ่านเกณฑ์ขั้นต้น", "ดี", "ดีมาก");
        assertThat(ItemLevel.values()).extracting(ItemLevel::score).containsExactly(0, 1, 2, 3);
        assertThat(ItemLevel.ofScore(2)).isEqualTo(ItemLevel.GOOD);
        assertThatThrownBy(() -> ItemLevel.ofScore(4)).isInstanceOf(IllegalArgumentException.class);
    }
}
