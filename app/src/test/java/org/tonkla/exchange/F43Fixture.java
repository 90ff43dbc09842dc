package org.tonkla.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.tonkla.core.thai.NationalId;

/**
 * A small 43-file set of health center 99001 with one fault of every kind the import reports, its national
 * IDs made from {@code seed} so that every test has its own people. Line numbers are in the comments.
 */
final class F43Fixture {

    static final String HOSPCODE = "99001";
    private static final DateTimeFormatter D = DateTimeFormatter.BASIC_ISO_DATE;

    final int seed;
    final LocalDate today;
    final String mother;
    final String child1;
    final String child2;
    final String linkedChild;
    final LocalDate birth1;
    final LocalDate birth2;
    final Map<String, String> files = new LinkedHashMap<>();

    F43Fixture(int seed, LocalDate today) {
        this.seed = seed;
        this.today = today;
        mother = cid(1);
        child1 = cid(2);
        child2 = cid(3);
        linkedChild = cid(10);
        birth1 = today.minusYears(2).minusDays(10);
        birth2 = today.minusYears(4).minusDays(10);
        String badCid = cid(4).substring(0, 12) + ((cid(4).charAt(12) - '0' + 1) % 10);
        String be = String.valueOf(today.minusYears(3).getYear() + 543) + "0101";
        files.put("PERSON", String.join("\n",
                "HOSPCODE|CID|PID|HID|NAME|LNAME|SEX|BIRTH|MOTHER|TYPEAREA|D_UPDATE",
                p(mother, 1, "H1", "สมหญิง", "ใจดี", 2, d(today.minusYears(30)), ""),          // 2 mother
                p(child1, 2, "H1", "มะลิ", "ใจดี", 2, d(birth1), mother),                       // 3 child
                p(child2, 3, "H2", "ก้องภพ", "แสนดี", 1, d(birth2), ""),                        // 4 child
                p(badCid, 4, "H2", "ผิด", "เลข", 1, d(birth2), ""),                             // 5 INVALID_NATIONAL_ID
                p(cid(5), 5, "H2", "พุทธ", "ศักราช", 1, be, ""),                                // 6 BUDDHIST_ERA_DATE
                p(cid(6), 6, "H3", "ผู้ใหญ่", "ทั่วไป", 1, d(today.minusYears(40)), ""),          // 7 skipped
                p(child2, 3, "H2", "ก้องภพ", "แสนดี", 1, d(birth2), ""),                        // 8 duplicate
                HOSPCODE + "|" + cid(7) + "|" + pid(7) + "|H2|สั้น",                                        // 9 WRONG_WIDTH
                p(cid(8), 8, "H2", "เพศ", "ผิด", 3, d(birth2), ""),                              // 10 UNKNOWN_CODE
                p(cid(9), 9, "H2", "หน่วย", "ผิด", 1, d(birth2), "").replaceFirst(HOSPCODE, "X0000"), // 11 UNKNOWN_HOSPCODE
                p(linkedChild, 10, "H2", "เชื่อม", "โยง", 1, d(birth2), "")));                  // 12 linked child
        files.put("ADDRESS", String.join("\n",
                "HOSPCODE|PID|ADDRESSTYPE|HOUSENO|VILLAGE|TAMBON|AMPUR|CHANGWAT|D_UPDATE",
                HOSPCODE + "|" + pid(2) + "|1|12/3|01|01|01|40|",                                            // 2 accepted
                HOSPCODE + "|" + pid(99) + "|1|1|01|01|01|40|",                                              // 3 ORPHAN
                HOSPCODE + "|" + pid(6) + "|1|7|01|01|01|40|"));                                             // 4 skipped
        files.put("HOME", String.join("\n",
                "HOSPCODE|HID|HOUSE|VILLAGE|TAMBON|AMPUR|CHANGWAT|LATITUDE|LONGITUDE|D_UPDATE",
                HOSPCODE + "|H1|12/3|01|01|01|40|16.43|102.83|",                                 // 2 accepted
                HOSPCODE + "|H2|5|01|01|01|40|164.3|102.83|"));                                 // 3 IMPLAUSIBLE_VALUE
        files.put("NUTRITION", String.join("\n",
                "HOSPCODE|PID|SEQ|DATE_SERV|NUTRITIONPLACE|WEIGHT|HEIGHT|HEADCIRCUM|CHILDDEVELOP|FOOD|BOTTLE|PROVIDER|D_UPDATE",
                n(2, today.minusDays(30), "12.1", "86", "", "46"),                                     // 2 accepted
                n(3, today.minusDays(60), "16", "1020", ""),                                     // 3 IMPLAUSIBLE_VALUE (mm)
                n(3, birth2.minusDays(5), "3.1", "50", ""),                                      // 4 BEFORE_BIRTH
                n(3, today.plusDays(10), "16", "102", ""),                                       // 5 FUTURE_DATE
                n(55, today.minusDays(30), "16", "102", ""),                                     // 6 ORPHAN
                n(4, today.minusDays(30), "16", "102", ""),                                      // 7 PERSON_REJECTED
                n(2, today.minusDays(30), "12.1", "86", "", "46"),                                     // 8 duplicate
                n(3, today.minusDays(90), "15.5", "100", "7"),                                   // 9 UNKNOWN_CODE
                n(1, today.minusDays(30), "55", "158", ""),                                      // 10 skipped (mother)
                n(3, today.minusDays(100), "15.5", "100", "").replace(
                        String.valueOf(today.minusDays(100).getYear()), String.valueOf(today.minusDays(100).getYear() + 543)), // 11 BE
                n(3, today.minusDays(120), "15", "99", "1"),                                     // 12 accepted
                n(10, today.minusDays(20), "16.2", "101", "")));                                 // 13 accepted (linked child)
        files.put("EPI", String.join("\n",
                "HOSPCODE|PID|SEQ|DATE_SERV|VACCINETYPE|VACCINEPLACE|PROVIDER|D_UPDATE",
                e(birth1.plusDays(1), "010"),                                                    // 2 accepted
                e(birth1.plusDays(60), "D21"),                                                   // 3 accepted
                e(birth1.plusDays(60), "ZZZ"),                                                   // 4 UNKNOWN_CODE
                e(birth1.plusDays(60), "D21"),                                                   // 5 duplicate
                HOSPCODE + "|" + pid(2) + "|1|" + d(birth1.plusDays(90))));                                   // 6 WRONG_WIDTH
        LocalDate s2 = birth2.plusMonths(42);
        files.put("SPECIALPP", String.join("\n",
                "HOSPCODE|PID|SEQ|DATE_SERV|SERVPLACE|PPSPECIAL|PPSPLACE|PROVIDER|D_UPDATE",
                s(2, birth1.plusMonths(18), "1B260"),                                            // 2 screening 1
                s(3, s2, "1B261"), s(3, s2, "1B200"), s(3, s2, "1B210"), s(3, s2, "1B220"),      // 3–6
                s(3, s2, "1B231"), s(3, s2, "1B240"),                                            // 7–8 screening 2
                s(3, s2.plusDays(20), "1B261"),                                                  // 9 INCOMPLETE_SCREENING
                s(3, s2.minusDays(50), "1B260"), s(3, s2.minusDays(50), "1B262"),                // 10–11 CONTRADICTORY_CODES
                s(3, s2.minusDays(80), "1B2X9"),                                                 // 12 UNKNOWN_CODE
                s(3, s2.minusDays(90), "1A000")));                                               // 13 skipped
    }

    String cid(int n) {
        String first12 = "1" + String.format("%03d", seed) + String.format("%08d", n);
        return first12 + NationalId.checkDigit(first12);
    }

    /** The PID of the fixture's person {@code n}: unique per seed, as HOSPCODE and PID name one person. */
    String pid(int n) {
        return String.valueOf(seed * 100 + n);
    }

    /** The registry id the import gives the fixture's person {@code n}. */
    java.util.UUID childId(int n) {
        return java.util.UUID.nameUUIDFromBytes(("f43-child:" + HOSPCODE + ":" + pid(n)).getBytes());
    }

    private static String d(LocalDate date) {
        return date.format(D);
    }

    private String p(String cid, int pid, String hid, String name, String lname, int sex, String birth, String motherCid) {
        return String.join("|", HOSPCODE, cid, pid(pid), hid, name, lname, String.valueOf(sex), birth, motherCid, "1",
                "20250101120000");
    }

    private String n(int pid, LocalDate date, String weight, String height, String develop) {
        return n(pid, date, weight, height, develop, "");
    }

    private String n(int pid, LocalDate date, String weight, String height, String develop, String head) {
        return String.join("|", HOSPCODE, pid(pid), "1", d(date), HOSPCODE, weight, height, head, develop, "", "", "", "");
    }

    private String e(LocalDate date, String vaccine) {
        return String.join("|", HOSPCODE, pid(2), "1", d(date), vaccine, HOSPCODE, "", "");
    }

    private String s(int pid, LocalDate date, String code) {
        return String.join("|", HOSPCODE, pid(pid), "1", d(date), "1", code, HOSPCODE, "", "");
    }

    /** The files in a zip, each in {@code charset}, with {@code extra} ignored files. */
    byte[] zip(Charset charset, String... extra) {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (var f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey() + ".txt"));
                zip.write((f.getValue() + "\r\n").getBytes(charset));
            }
            for (String name : extra) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write("X|Y\n1|2\n".getBytes(charset));
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }
}
