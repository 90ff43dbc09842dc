package org.tonkla.core.standard;

/**
 * The four-level scale on which every item of the standard is rated, scored 0–3.
 *
 * <p>The label for 1 is ผ่านเกณฑ์ขั้นต้น, not ผ่านเกณฑ์พื้นฐาน.
 *
 * @see <a href="https://anyflip.com/ebmni/sbbl/basic/201-250">ONEC book, column header
 *     "๐ ๑ ๒ ๓ / ต้องปรับปรุง ผ่านเกณฑ์ขั้นต้น ดี ดีมาก"</a> (THAI-RULES §1.5)
 */
public enum ItemLevel {
    /** 0: needs improvement. */
    NEEDS_IMPROVEMENT(0, "ต้องปรับปรุง"),
    /** 1: basic pass. */
    BASIC(1, "ผ่านเกณฑ์ขั้นต้น"),
    /** 2: good. */
    GOOD(2, "ดี"),
    /** 3: very good. */
    VERY_GOOD(3, "ดีมาก");

    private final int score;
    private final String thaiLabel;

    ItemLevel(int score, String thaiLabel) {
        this.score = score;
        this.thaiLabel = thaiLabel;
    }

    /** The score, 0–3. */
    public int score() {
        return score;
    }

    /** The label printed on the national form. */
    public String thaiLabel() {
        return thaiLabel;
    }

    /** The level scored {@code score}; {@code IllegalArgumentException} unless 0–3. */
    public static ItemLevel ofScore(int score) {
        if (score < 0 || score > 3) throw new IllegalArgumentException("Item scores are 0–3, got " + score);
        return values()[score];
    }

    /** Whether this level is at least {@code other}. */
    public boolean atLeast(ItemLevel other) {
        return score >= other.score;
    }
}
