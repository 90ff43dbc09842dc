package org.tonkla.core.development;

import java.util.Collections;
import java.util.TreeMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A DSPM-related code of MOPH 43-file {@code SPECIALPP.PPSPECIAL} (THCC code set 205), in both
 * directions: {@link #code()} writes it, {@link #parse} reads it.
 *
 * <p>Only whole codes from the closed set below are recognised; nothing is prefix-matched, because
 * {@code 1B0260}–{@code 1B0263} are 9Q depression codes and would be caught by a careless
 * {@code LIKE '1B26%'}.
 * <ul>
 *   <li>{@code 1B260}/{@code 1B261}/{@code 1B262}: overall screening result ({@link Screening});
 *   <li>{@code 1B2dk}, d = domain digit 0–4, k = finding 0–7 or 9 ({@link DomainFinding});
 *   <li>{@code 1B270}: TEDA4I stimulation, normal ({@link Teda4iNormal});
 *       {@code 1B271}–{@code 1B275}: still delayed in GM, FM, RL, EL, PS ({@link Teda4iStillDelayed}).
 * </ul>
 * The DAIM neurological items {@code 1B250}–{@code 1B259} are not modelled.
 *
 * @see <a href="https://github.com/sil-th/terminology-ig">sil-th/terminology-ig
 *     input/fsh/CodeSystmes-Large/CS_MoPH_SpecialPPService.fsh</a> (THAI-RULES §2.1)
 */
public sealed interface DspmCode
        permits DspmCode.Screening, DspmCode.DomainFinding, DspmCode.Teda4iNormal, DspmCode.Teda4iStillDelayed {

    /** The five-character SPECIALPP code. */
    String code();

    /**
     * The DSPM code {@code text} stands for, or empty if it is not one; surrounding spaces and
     * letter case are ignored ({@code " 1b260 "} reads as {@code 1B260}).
     */
    static Optional<DspmCode> parse(String text) {
        if (text == null) return Optional.empty();
        return Optional.ofNullable(Codes.ALL.get(text.strip().toUpperCase(Locale.ROOT)));
    }

    /** Every code this type recognises, in code order. */
    static Set<String> allCodes() {
        return Codes.ALL.keySet();
    }

    /** Overall DSPM screening result: {@code 1B260}, {@code 1B261}, {@code 1B262}. */
    record Screening(ScreeningResult result) implements DspmCode {
        public Screening {
            Objects.requireNonNull(result, "result");
        }

        @Override
        public String code() {
            return "1B26" + result.ordinal();
        }
    }

    /** One domain's finding: {@code 1B2} + domain digit + finding digit. */
    record DomainFinding(DspmDomain domain, Finding finding) implements DspmCode {
        public DomainFinding {
            Objects.requireNonNull(domain, "domain");
            Objects.requireNonNull(finding, "finding");
        }

        /** The domain finding of a screening result ({@code 1B2d0}, {@code 1B2d1}, {@code 1B2d2}). */
        public static DomainFinding ofScreening(DspmDomain domain, ScreeningResult result) {
            return new DomainFinding(domain, switch (result) {
                case NORMAL -> Finding.SCREENING_NORMAL;
                case SUSPECTED_DELAY -> Finding.SCREENING_SUSPECTED_DELAY;
                case REFER_NOW -> Finding.SCREENING_REFER;
            });
        }

        @Override
        public String code() {
            return "1B2" + domain.codeDigit() + finding.digit();
        }
    }

    /** {@code 1B270}: stimulation with TEDA4I (or another standard tool), normal. */
    record Teda4iNormal() implements DspmCode {
        @Override
        public String code() {
            return "1B270";
        }
    }

    /** {@code 1B271}–{@code 1B275}: after TEDA4I stimulation, still delayed in one domain. */
    record Teda4iStillDelayed(DspmDomain domain) implements DspmCode {
        public Teda4iStillDelayed {
            Objects.requireNonNull(domain, "domain");
        }

        @Override
        public String code() {
            return "1B27" + (domain.codeDigit() + 1);
        }
    }

    /** The last digit of a per-domain code: which tool, and what it found. */
    enum Finding {
        /** DSPM screening, normal. */
        SCREENING_NORMAL(0),
        /** DSPM screening, suspected delay, stimulate for one month. */
        SCREENING_SUSPECTED_DELAY(1),
        /** DSPM screening, delayed, refer. */
        SCREENING_REFER(2),
        /** DSPM surveillance (เฝ้าระวัง), normal. */
        SURVEILLANCE_NORMAL(3),
        /** DSPM surveillance, suspected delay. */
        SURVEILLANCE_SUSPECTED_DELAY(4),
        /** DSPM surveillance, delayed, refer. */
        SURVEILLANCE_REFER(5),
        /** DAIM surveillance, normal. */
        DAIM_NORMAL(6),
        /** DAIM surveillance, delayed, refer. */
        DAIM_REFER(7),
        /** Unspecified. */
        UNSPECIFIED(9);

        private final int digit;

        Finding(int digit) {
            this.digit = digit;
        }

        /** The code's last digit. */
        public int digit() {
            return digit;
        }

        /** The screening result this finding records, if it is a DSPM screening finding. */
        public Optional<ScreeningResult> screeningResult() {
            return switch (this) {
                case SCREENING_NORMAL -> Optional.of(ScreeningResult.NORMAL);
                case SCREENING_SUSPECTED_DELAY -> Optional.of(ScreeningResult.SUSPECTED_DELAY);
                case SCREENING_REFER -> Optional.of(ScreeningResult.REFER_NOW);
                default -> Optional.empty();
            };
        }
    }
}

/** The closed code table, built once. */
final class Codes {
    static final Map<String, DspmCode> ALL;

    static {
        Map<String, DspmCode> all = new TreeMap<>();
        for (DspmDomain domain : DspmDomain.values()) {
            for (DspmCode.Finding finding : DspmCode.Finding.values()) {
                put(all, new DspmCode.DomainFinding(domain, finding));
            }
        }
        for (ScreeningResult result : ScreeningResult.values()) put(all, new DspmCode.Screening(result));
        put(all, new DspmCode.Teda4iNormal());
        for (DspmDomain domain : DspmDomain.values()) put(all, new DspmCode.Teda4iStillDelayed(domain));
        ALL = Collections.unmodifiableMap(all);
    }

    private static void put(Map<String, DspmCode> all, DspmCode code) {
        if (all.put(code.code(), code) != null) throw new IllegalStateException("duplicate code " + code.code());
    }

    private Codes() {}
}
