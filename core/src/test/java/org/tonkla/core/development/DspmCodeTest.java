package org.tonkla.core.development;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * THAI-RULES §2.1: SPECIALPP codes of THCC code set 205. Primary source: sil-th/terminology-ig
 * input/fsh/CodeSystmes-Large/CS_MoPH_SpecialPPService.fsh.
 */
class DspmCodeTest {

    @Test
    void overallScreeningCodes() {
        assertThat(DspmCode.parse("1B260")).contains(new DspmCode.Screening(ScreeningResult.NORMAL));
        assertThat(DspmCode.parse("1B261")).contains(new DspmCode.Screening(ScreeningResult.SUSPECTED_DELAY));
        assertThat(DspmCode.parse("1B262")).contains(new DspmCode.Screening(ScreeningResult.REFER_NOW));
        assertThat(new DspmCode.Screening(ScreeningResult.REFER_NOW).code()).isEqualTo("1B262");
    }

    @ParameterizedTest(name = "{0} = {1} {2}")
    @CsvSource({
        // §2.1 examples: 1B200, 1B211, 1B222, 1B232, 1B242
        "1B200, GM, SCREENING_NORMAL",
        "1B211, FM, SCREENING_SUSPECTED_DELAY",
        "1B222, RL, SCREENING_REFER",
        "1B232, EL, SCREENING_REFER",
        "1B242, PS, SCREENING_REFER",
        "1B203, GM, SURVEILLANCE_NORMAL",
        "1B214, FM, SURVEILLANCE_SUSPECTED_DELAY",
        "1B225, RL, SURVEILLANCE_REFER",
        "1B236, EL, DAIM_NORMAL",
        "1B247, PS, DAIM_REFER",
        "1B249, PS, UNSPECIFIED",
    })
    void perDomainCodesBothWays(String code, DspmDomain domain, DspmCode.Finding finding) {
        DspmCode.DomainFinding expected = new DspmCode.DomainFinding(domain, finding);
        assertThat(DspmCode.parse(code)).contains(expected);
        assertThat(expected.code()).isEqualTo(code);
    }

    @Test
    void teda4iCodes() {
        assertThat(DspmCode.parse("1B270")).contains(new DspmCode.Teda4iNormal());
        assertThat(DspmCode.parse("1B271")).contains(new DspmCode.Teda4iStillDelayed(DspmDomain.GM));
        assertThat(DspmCode.parse("1B275")).contains(new DspmCode.Teda4iStillDelayed(DspmDomain.PS));
        assertThat(new DspmCode.Teda4iStillDelayed(DspmDomain.EL).code()).isEqualTo("1B274");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // §2.1 caution: 1B0260–1B0263 are 9Q depression codes; never prefix-match "1B26".
        "1B0260", "1B0261", "1B0262", "1B0263",
        "1B26", "1B2600", "1B2601", "1B263", "1B208", "1B250", "1B276", "1B2", ""})
    void neverPrefixMatches(String code) {
        assertThat(DspmCode.parse(code)).isEmpty();
    }

    @Test
    void nineQCodesDoNotBecomeScreenings() {
        LocalDate day = LocalDate.of(2025, 7, 1);
        assertThat(DspmScreening.fromSpecialPp(day, List.of("1B0260", "1B0261"))).isEmpty();
    }

    @Test
    void toleratesCaseAndSpaces() {
        assertThat(DspmCode.parse(" 1b260 ")).contains(new DspmCode.Screening(ScreeningResult.NORMAL));
    }

    @Test
    void codeSetIsClosedAndComplete() {
        // 3 overall + 5 domains × 9 findings + 6 TEDA4I
        assertThat(DspmCode.allCodes()).hasSize(3 + 45 + 6).allMatch(c -> c.length() == 5 && c.startsWith("1B2"));
        assertThat(DspmCode.allCodes()).allMatch(c -> DspmCode.parse(c).orElseThrow().code().equals(c));
    }

    @Test
    void screeningToAndFromSpecialPp() {
        LocalDate day = LocalDate.of(2025, 7, 10);
        Map<DspmDomain, ScreeningResult> domains = new EnumMap<>(DspmDomain.class);
        for (DspmDomain d : DspmDomain.values()) domains.put(d, ScreeningResult.NORMAL);
        domains.put(DspmDomain.EL, ScreeningResult.SUSPECTED_DELAY);
        DspmScreening screening = DspmScreening.of(day, domains);

        assertThat(screening.overall()).isEqualTo(ScreeningResult.SUSPECTED_DELAY);
        assertThat(screening.specialPpCodes()).containsExactly("1B261", "1B200", "1B210", "1B220", "1B231", "1B240");
        assertThat(DspmScreening.fromSpecialPp(day, screening.specialPpCodes())).contains(screening);
    }

    @Test
    void overall1B260AloneMeansAllFivePassed() {
        LocalDate day = LocalDate.of(2025, 7, 10);
        assertThat(DspmScreening.fromSpecialPp(day, List.of("1B260", "1A001")).orElseThrow().passedAll()).isTrue();
        assertThat(DspmScreening.fromSpecialPp(day, List.of("1B200", "1B210"))).isEmpty();
    }
}
