package org.tonkla.core.thai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every worked example of THAI-RULES §8.1–8.3; primary source: PyThaiNLP pythainlp/soundex/
 * lk82.py, udom83.py, metasound.py (docstring examples).
 */
class ThaiNameKeysTest {

    @ParameterizedTest(name = "LK82 {0} = {1}")
    @CsvSource({
        // THAI-RULES §8.1 examples
        "ลัก, ร1000",
        "รัก, ร1000",
        "รักษ์, ร1000",
        "บูรณการ, บE419",
        "ปัจจุบัน, ป3E54",
    })
    void lk82MatchesPublishedExamples(String word, String key) {
        assertThat(ThaiNameKeys.lk82(word)).isEqualTo(key);
    }

    @ParameterizedTest(name = "Udom83 {0} = {1}")
    @CsvSource({
        // THAI-RULES §8.2 examples
        "ลัก, ร100000",
        "รัก, ร100000",
        "รักษ์, ร100000",
        "บูรณการ, บ931900",
        // pythainlp udom83.py docstring: only the implementation's table (จ = 7) gives this
        "ปัจจุบัน, ป775300",
    })
    void udom83MatchesPublishedExamples(String word, String key) {
        assertThat(ThaiNameKeys.udom83(word)).isEqualTo(key);
    }

    @ParameterizedTest(name = "MetaSound {0} = {1}")
    @CsvSource({
        // THAI-RULES §8.3 examples
        "ลัก, ล100",
        "รัก, ร100",
        "รักษ์, ร100",
        "บูรณการ, บ551",
    })
    void metaSoundMatchesPublishedExamples(String word, String key) {
        assertThat(ThaiNameKeys.metaSound(word)).isEqualTo(key);
    }

    @Test
    void metaSoundLengthIsAParameter() {
        // pythainlp metasound.py docstring: lengths 5 and 6
        assertThat(ThaiNameKeys.metaSound("บูรณการ", 5)).isEqualTo("บ5515");
        assertThat(ThaiNameKeys.metaSound("บูรณการ", 6)).isEqualTo("บ55150");
        assertThatThrownBy(() -> ThaiNameKeys.metaSound("บูรณการ", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lk82KeysOnTheConsonantAfterALeadingVowel() {
        // §8.1 step 4: TRANS1(second char) then TRANS2(first char): เ = B in the implementation.
        assertThat(ThaiNameKeys.lk82("เก")).isEqualTo("กB000");
        assertThat(ThaiNameKeys.lk82("เกด")).isEqualTo("กB300");
    }

    @Test
    void toneMarksDoNotChangeAnyKey() {
        // §8.1 step 1, §8.2 step 2, §8.3 step 1
        assertThat(ThaiNameKeys.lk82("ก้อง")).isEqualTo(ThaiNameKeys.lk82("กอง"));
        assertThat(ThaiNameKeys.udom83("ก้อง")).isEqualTo(ThaiNameKeys.udom83("กอง"));
        assertThat(ThaiNameKeys.metaSound("ก้อง")).isEqualTo(ThaiNameKeys.metaSound("กอง"));
    }

    @Test
    void udom83RewritesRoRanToAn() {
        // §8.2 step 1: final รร → "ัน", so สรร sounds like สัน
        assertThat(ThaiNameKeys.udom83("สรร")).isEqualTo(ThaiNameKeys.udom83("สัน"));
    }

    @Test
    void emptyAndNullGiveEmptyKeys() {
        assertThat(ThaiNameKeys.lk82(null)).isEmpty();
        assertThat(ThaiNameKeys.lk82("")).isEmpty();
        assertThat(ThaiNameKeys.udom83("")).isEmpty();
        assertThat(ThaiNameKeys.metaSound(null)).isEmpty();
    }
}
