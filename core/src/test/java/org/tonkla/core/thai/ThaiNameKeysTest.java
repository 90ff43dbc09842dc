package org.tonkla.core.thai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every worked example and characterisation case of THAI-RULES §8.1–8.3: PyThaiNLP {@code main} @
 * {@code 73966cf1} (doctests and {@code tests/core/test_soundex.py}), the characterisation cases of
 * {@code tests/core/test_soundex_engines.py} @ {@code 1188661a} [P], and §8.3's sample names.
 */
class ThaiNameKeysTest {

    @ParameterizedTest(name = "LK82 {0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "ลัก|ร1000", "รัก|ร1000", "รักษ์|ร1000", "บูรณการ|บE419", "ปัจจุบัน|ป3E54", "เหตุ|หB300", "เหด|หB300",
        "รถ|ร3000", "น์|''",
        // step 5 and the ุ quirk
        "ไทย|ท7000", "ะจชถ|จะ300", "ae|ea000", "ตุ๊กตา|ตE139", "ธุระ|ทE400",
        // characterisation cases [P]
        "ทนวฉฟญ|ท4354", "ฃยพฑดะแด|ก53C3", "ชำฮฒูฆ|ช683E", "ไคจหฉ|ก7300", "ีว|วี000", "ุะยฑย|ะE300",
        "ใุ์|ุ7์00", "ก|ก0000", "ๆ|''", "เ|B0000", "1ก|ก1000", "ก็|ก0000",
        // sample names
        "สมชาย|ซ6397", "สมชัย|ซ6370", "ศรีสุข|ซ3E10", "นงลักษณ์|น2413", "ประเสริฐ|ปB330", "ทิพวรรณ|ท5400",
        "ทิพย์วรรณ|ท5400", "สุวรรณ|ซE740", "สุวัน|ซE740",
    })
    void lk82(String word, String key) {
        assertThat(ThaiNameKeys.lk82(word)).isEqualTo(key);
    }

    @ParameterizedTest(name = "Udom83 {0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "ลัก|ร100000", "รัก|ร100000", "รักษ์|ร100000", "บูรณการ|บ931900", "ปัจจุบัน|ป775300", "เหตุ|ฮ400000",
        "เหด|ฮ400000", "รถ|ร800000", "น์|''", "กฬา|กฬ00000",
        "สมชาย|ส072000", "สมชัย|ส072000", "ศรีสุข|ส941000", "นงลักษณ์|น291400", "ประเสริฐ|ป949800",
        "ทิพวรรณ|ท503300", "ทิพย์วรรณ|ท503300", "สุวรรณ|ส033000", "สุวัน|ส030000",
    })
    void udom83(String word, String key) {
        assertThat(ThaiNameKeys.udom83(word)).isEqualTo(key);
    }

    @ParameterizedTest(name = "MetaSound {0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "ลัก|ล100", "รัก|ร100", "รักษ์|ร100", "บูรณการ|บ551", "บูรณะ|บ550", "คน|ค500", "คนA|ค500", "ดา|ด000",
        "เหตุ|ห200", "เหด|ห200", "สรรค์พล|ส553", "รักษ์นา|ร150", "รถ|ร200",
        // characterisation cases [P]
        "ถฏขมชก|ถ216", "กก์ข|ก100",
        "สมชาย|ส627", "สมชัย|ส627", "ศรีสุข|ศ521", "นงลักษณ์|น451", "ประเสริฐ|ป525", "ทิพวรรณ|ท385",
        "ทิพย์วรรณ|ท385", "สุวรรณ|ส855", "สุวัน|ส850",
    })
    void metaSound(String word, String key) {
        assertThat(ThaiNameKeys.metaSound(word)).isEqualTo(key);
    }

    @Test
    void metaSoundCodesTheFourLettersAddedInJune2026AsClassTwo() {
        for (String word : new String[] {"กถ", "กธ", "กฏ", "กฑ"}) {
            assertThat(ThaiNameKeys.metaSound(word, 2)).as(word).isEqualTo("ก2");
        }
    }

    @Test
    void metaSoundLengthIsAParameter() {
        assertThat(ThaiNameKeys.metaSound("บูรณการ", 5)).isEqualTo("บ5515");
        assertThat(ThaiNameKeys.metaSound("บูรณการ", 6)).isEqualTo("บ55150");
        assertThat(ThaiNameKeys.metaSound("ก์", 3)).isEqualTo("000");
        assertThat(ThaiNameKeys.metaSound("กข", 9)).isEqualTo("ก10000000");
        assertThatThrownBy(() -> ThaiNameKeys.metaSound("บูรณการ", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nothingGivesNothing() {
        assertThat(ThaiNameKeys.lk82(null)).isEmpty();
        assertThat(ThaiNameKeys.lk82("")).isEmpty();
        assertThat(ThaiNameKeys.udom83(null)).isEmpty();
        assertThat(ThaiNameKeys.udom83("")).isEmpty();
        assertThat(ThaiNameKeys.metaSound(null)).isEmpty();
        assertThat(ThaiNameKeys.metaSound("")).isEmpty();
    }

    @Test
    void toneMarksDoNotChangeAnyKey() {
        assertThat(ThaiNameKeys.lk82("ก้อง")).isEqualTo(ThaiNameKeys.lk82("กอง"));
        assertThat(ThaiNameKeys.udom83("ก้อง")).isEqualTo(ThaiNameKeys.udom83("กอง"));
        assertThat(ThaiNameKeys.metaSound("ก้อง")).isEqualTo(ThaiNameKeys.metaSound("กอง"));
    }
}
