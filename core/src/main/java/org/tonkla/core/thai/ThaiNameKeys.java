package org.tonkla.core.thai;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Sound keys for Thai names (Thai soundex): two spellings that sound alike get the same key, so a
 * registry can find "รัก" when "ลัก" was typed.
 *
 * <p>Three published algorithms, each a character-for-character port of the PyThaiNLP
 * implementation (Apache-2.0) that THAI-RULES §8 describes. Where §8's prose and that code differ,
 * the code wins, because only the code reproduces the worked examples:
 * <ul>
 *   <li>LK82: §8.1's code table (ไใ 8, หฮ 9, า A, …) is one position off from the code's
 *       ({@code ไใ 7, หฮ 8, า 9, ๅึื A, เ B, แ C, โ D, ุู E, อ F}); §8.1's own example
 *       {@code บูรณการ → บE419} needs า = 9, so the code's table is the one used.
 *   <li>Udom83: the code's table differs from §8.2's list the same way (ง 2, ญ 3, หอฮ 6,
 *       จฉชซฌ 7, ฐฑฒถทธ 8); §8.2's examples come out the same either way, and the reference's
 *       documented {@code ปัจจุบัน → ป775300} needs the code's table.
 * </ul>
 * Keys made here therefore equal PyThaiNLP's, so records keyed elsewhere with PyThaiNLP still match.
 *
 * <p>{@link #VERSION} names the tables and steps in force. Keys stored for matching carry it, so
 * that a change here (as MetaSound's of June 2026) is followed by recomputing every stored key.
 *
 * <p>The three keys:
 * <ul>
 *   <li>{@link #lk82} (Lorchirachoonkul 1982): 5 characters;
 *   <li>{@link #udom83} (Udompanich 1983): 7 characters;
 *   <li>{@link #metaSound} (Snae &amp; Brückner 2009): 4 characters by default.
 * </ul>
 * Each takes one word (a given name or a surname, not both): spaces, Latin letters and digits are
 * not Thai phonemes and pass through as the reference implementation passes them. {@code null} and
 * the empty string give {@code ""}.
 *
 * @see <a href="https://github.com/PyThaiNLP/pythainlp/tree/dev/pythainlp/soundex">pythainlp/soundex</a>
 *     (THAI-RULES §8.1–8.3)
 */
public final class ThaiNameKeys {

    /**
     * The version of the three algorithms as implemented here: PyThaiNLP {@code main} at
     * {@code 73966cf1} (2026-08-20), which includes MetaSound's June 2026 change.
     */
    public static final String VERSION = "pythainlp-73966cf1";

    private ThaiNameKeys() {}

    // ---- LK82 (THAI-RULES §8.1; pythainlp/soundex/lk82.py) ----

    private static final char[] LK82_TRANS1 = table(
            "กขฃคฅฆงจฉชฌซศษสญยฎดฏตณนฐฑฒถทธบปผพภฝฟมรลฬฤฦวหฮอ",
            "กกกกกกงจชชชซซซซยยดดตตนนททททททบปพพพฟฟมรรรรรวหหอ");
    private static final char[] LK82_TRANS2 = table(
            "กขฃคฅฆงจฉชซฌฎฏฐฑฒดตถทธศษสญณนรลฬฤฦบปพฟภผฝมำยวไใหฮาๅึืเแโุูอ",
            "1111112333333333333333333444444445555555667777889AAABCDEEF");
    private static final Pattern LK82_TONES = Pattern.compile("[\u0E48-\u0E4B]");
    private static final Pattern LK82_SILENT = Pattern.compile(
            "จน์|มณ์|ณฑ์|ทร์|ตร์|[\u0E01-\u0E2E]์|[\u0E01-\u0E2E][\u0E30-\u0E39]์");
    private static final Pattern LK82_MARKS = Pattern.compile("[็ํฺๆฯ]");

    /**
     * The LK82 key: the first consonant (folded to its group letter) and four codes, e.g.
     * {@code ลัก}, {@code รัก} and {@code รักษ์} all give {@code ร1000}.
     *
     * <p>A word that starts with a leading vowel (เ แ โ ไ ใ) is keyed on the consonant after it,
     * followed by the vowel's code. Vowels ะ ั ิ ี emit nothing but keep the codes on either side
     * from being merged as duplicates.
     */
    public static String lk82(String text) {
        if (text == null || text.isEmpty()) return "";
        text = LK82_TONES.matcher(text).replaceAll("");
        text = LK82_SILENT.matcher(text).replaceAll("");
        text = LK82_MARKS.matcher(text).replaceAll("");
        if (text.isEmpty()) return "";

        // "" entries are the separators of step 7: they take a slot so that the duplicate
        // collapse below does not merge codes either side of a vowel.
        List<String> res = new ArrayList<>();
        char first = text.charAt(0);
        if (isConsonant(first)) {
            res.add(String.valueOf(translate(LK82_TRANS1, first)));
            text = text.substring(1);
        } else {
            if (text.length() > 1) res.add(String.valueOf(translate(LK82_TRANS1, text.charAt(1))));
            res.add(String.valueOf(translate(LK82_TRANS2, first)));
            text = text.length() > 2 ? text.substring(2) : "";
        }

        int lastVowel = Integer.MIN_VALUE;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean beforeLongVowel = i + 1 < text.length() && "ึืุู".indexOf(text.charAt(i + 1)) >= 0;
            if ("ะัิี".indexOf(c) >= 0) {
                lastVowel = i;
                res.add("");
            } else if ("าๅึืู".indexOf(c) >= 0) {
                lastVowel = i;
                res.add(String.valueOf(translate(LK82_TRANS2, c)));
            } else if (c == 'ุ') {
                lastVowel = i;
                // ุ after ต or ธ is silent (ธาตุ); elsewhere it is coded.
                res.add(i == 0 || "ตธ".indexOf(text.charAt(i - 1)) < 0 ? String.valueOf(translate(LK82_TRANS2, c)) : "");
            } else if ("หอ".indexOf(c) >= 0) {
                if (beforeLongVowel) res.add(String.valueOf(translate(LK82_TRANS2, c)));
            } else if ("รวยฤฦ".indexOf(c) >= 0) {
                if (lastVowel == i - 1 || beforeLongVowel) res.add(String.valueOf(translate(LK82_TRANS2, c)));
            } else {
                res.add(String.valueOf(translate(LK82_TRANS2, c)));
            }
        }

        StringBuilder key = new StringBuilder(res.get(0));
        for (int i = 1; i < res.size(); i++) {
            if (!res.get(i).equals(res.get(i - 1))) key.append(res.get(i));
        }
        return pad(key.toString(), '0', 5);
    }

    // ---- Udom83 (THAI-RULES §8.2; pythainlp/soundex/udom83.py) ----

    // PyThaiNLP's thai_consonants: 44 letters, without ฤ and ฦ.
    private static final String C = "กขฃคฅฆงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ";
    private static final Pattern U_1 = Pattern.compile("รร([\u0E40-\u0E44])");
    private static final Pattern U_2 = Pattern.compile("รร([" + C + "][" + C + "\u0E40-\u0E44])");
    private static final Pattern U_3 = Pattern.compile("รร([" + C + "][\u0E30-\u0E39\u0E48-\u0E4C])");
    private static final Pattern U_4 = Pattern.compile("รร");
    private static final Pattern U_5 = Pattern.compile("ไ([" + C + "]ย)");
    private static final Pattern U_6 = Pattern.compile("[ไใ]([" + C + "])");
    private static final Pattern U_7 = Pattern.compile("\u0E33(ม[\u0E30-\u0E39])");
    private static final Pattern U_8 = Pattern.compile("\u0E33ม");
    private static final Pattern U_9 = Pattern.compile("\u0E33");
    private static final Pattern U_10 = Pattern.compile(
            "จน์|มณ์|ณฑ์|ทร์|ตร์|[" + C + "]\u0E4C|[" + C + "][\u0E30-\u0E39]\u0E4C");
    private static final Pattern U_11 = Pattern.compile("[\u0E30-\u0E4C]");
    private static final char[] UDOM83_TRANS1 = table(
            "กขฃคฅฆงจฉชฌซศษสฎดฏตฐฑฒถทธณนบปผพภฝฟมญยรลฬฤฦวอหฮ",
            "กขขขขขงจชชชสสสสดดตตททททททนนบปพพพฟฟมยยรรรรรวอฮฮ");
    private static final char[] UDOM83_TRANS2 = table(
            "มวำกขฃคฅฆงยญณนฎฏดตศษสบปพภผฝฟหอฮจฉชซฌฐฑฒถทธรฤลฦ",
            "0001111112233344444445555666666777778888889999");

    /**
     * The Udom83 key: the first consonant (folded) and six digits, e.g. {@code บูรณการ} gives
     * {@code บ931900}.
     *
     * <p>รร, ไ/ใ and ำ are first rewritten to the sounds they stand for, silent letters are dropped,
     * then every vowel and tone mark, so only consonants are coded.
     */
    public static String udom83(String text) {
        if (text == null || text.isEmpty()) return "";
        text = U_1.matcher(text).replaceAll("ัน$1");
        text = U_2.matcher(text).replaceAll("ั$1");
        text = U_3.matcher(text).replaceAll("ัน$1");
        text = U_4.matcher(text).replaceAll("ัน");
        text = U_5.matcher(text).replaceAll("$1");
        text = U_6.matcher(text).replaceAll("$1ย");
        text = U_7.matcher(text).replaceAll("ม$1");
        text = U_8.matcher(text).replaceAll("ม");
        text = U_9.matcher(text).replaceAll("ม");
        text = U_10.matcher(text).replaceAll("");
        text = U_11.matcher(text).replaceAll("");
        if (text.isEmpty()) return "";
        StringBuilder key = new StringBuilder().append(translate(UDOM83_TRANS1, text.charAt(0)));
        for (int i = 1; i < text.length(); i++) key.append(translate(UDOM83_TRANS2, text.charAt(i)));
        return pad(key.toString(), '0', 7);
    }

    // ---- MetaSound (THAI-RULES §8.3; pythainlp/soundex/metasound.py) ----

    private static final String METASOUND_KEPT = C + "์";

    /** The MetaSound key of length 4, e.g. {@code บูรณการ} gives {@code บ551}. */
    public static String metaSound(String text) {
        return metaSound(text, 4);
    }

    /**
     * The MetaSound key of the given length: the first consonant as written, then one digit per
     * following consonant (1 k, 2 d, 3 b, 4 ng, 5 n, 6 m, 7 y, 8 w, 0 other), padded with 0.
     *
     * <p>A consonant carrying the silencer ์ is dropped with it <em>before</em> the key is cut to
     * length, as the reference does since June 2026 (PyThaiNLP PR #1384, THAI-RULES §8.3):
     * {@code รักษ์นา} gives {@code ร150}, {@code รถ} gives {@code ร200}. A word whose letters are all
     * silenced gives zeros ({@code ก์} at length 3 is {@code 000}).
     *
     * @throws IllegalArgumentException if {@code length < 1}
     */
    public static String metaSound(String text, int length) {
        if (length < 1) throw new IllegalArgumentException("length must be at least 1");
        if (text == null || text.isEmpty()) return "";
        StringBuilder kept = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (METASOUND_KEPT.indexOf(c) >= 0) kept.append(c);
        }
        char[] chars = kept.toString().toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] == '์') {
                if (i > 0) chars[i - 1] = ' ';
                chars[i] = ' ';
            }
        }
        StringBuilder sounded = new StringBuilder();
        for (char c : chars) if (c != ' ') sounded.append(c);
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < Math.min(length, sounded.length()); i++) {
            key.append(i == 0 ? sounded.charAt(0) : metaSoundDigit(sounded.charAt(i)));
        }
        while (key.length() < length) key.append('0');
        return key.toString();
    }

    private static char metaSoundDigit(char c) {
        if ("กขฃคฆฅ".indexOf(c) >= 0) return '1';
        // ฏ ฑ ถ ธ joined class 2 in June 2026 (PyThaiNLP PR #1384; THAI-RULES §8.3).
        if ("จฉชฌซฐฏทฑฒถธดฎตสศษ".indexOf(c) >= 0) return '2';
        if ("ฟฝพผภบป".indexOf(c) >= 0) return '3';
        if (c == 'ง') return '4';
        if ("ลฬรนณฦญ".indexOf(c) >= 0) return '5';
        if (c == 'ม') return '6';
        if (c == 'ย') return '7';
        if (c == 'ว') return '8';
        return '0';
    }

    // ---- shared ----

    private static boolean isConsonant(char c) {
        return c >= 'ก' && c <= 'ฮ';
    }

    // A lookup over the Thai block; characters outside a table map to themselves, like Python's
    // str.translate.
    private static char[] table(String from, String to) {
        if (from.length() != to.length()) {
            throw new IllegalStateException("translation table lengths differ: " + from.length() + " vs " + to.length());
        }
        char[] map = new char[0x80];
        for (int i = 0; i < map.length; i++) map[i] = (char) (0x0E00 + i);
        for (int i = 0; i < from.length(); i++) map[from.charAt(i) - 0x0E00] = to.charAt(i);
        return map;
    }

    private static char translate(char[] table, char c) {
        return c >= 0x0E00 && c < 0x0E80 ? table[c - 0x0E00] : c;
    }

    private static String pad(String key, char filler, int length) {
        StringBuilder out = new StringBuilder(key);
        while (out.length() < length) out.append(filler);
        return out.substring(0, length);
    }
}
