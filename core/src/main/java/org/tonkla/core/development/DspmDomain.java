package org.tonkla.core.development;

/**
 * The five DSPM developmental domains, with the digit that SPECIALPP codes use for each
 * ({@code 1B2}<b>d</b>{@code k}).
 *
 * @see <a href="https://www.data.go.th/en/dataset/anamai_child-development">data.go.th: the five domains</a>
 * @see <a href="https://github.com/sil-th/terminology-ig">sil-th/terminology-ig CS_MoPH_SpecialPPService.fsh:
 *     domain digits 0 GM … 4 PS</a> (THAI-RULES §2, §2.1)
 */
public enum DspmDomain {
    /** Gross motor. */
    GM(0, "พัฒนาการด้านการเคลื่อนไหว"),
    /** Fine motor, including cognition. */
    FM(1, "ด้านกล้ามเนื้อมัดเล็กและสติปัญญา"),
    /** Receptive language. */
    RL(2, "ด้านการเข้าใจภาษา"),
    /** Expressive language. */
    EL(3, "ด้านการใช้ภาษา"),
    /** Personal and social. */
    PS(4, "ด้านการช่วยเหลือตนเองและสังคม");

    private final int codeDigit;
    private final String thaiName;

    DspmDomain(int codeDigit, String thaiName) {
        this.codeDigit = codeDigit;
        this.thaiName = thaiName;
    }

    /** The digit after {@code 1B2} in per-domain SPECIALPP codes. */
    public int codeDigit() {
        return codeDigit;
    }

    /** The domain's Thai name as the Department of Health publishes it. */
    public String thaiName() {
        return thaiName;
    }

    /** The domain whose code digit is {@code digit}; {@code IllegalArgumentException} unless 0–4. */
    public static DspmDomain ofCodeDigit(int digit) {
        if (digit < 0 || digit > 4) throw new IllegalArgumentException("DSPM domain digits are 0–4, got " + digit);
        return values()[digit];
    }
}
