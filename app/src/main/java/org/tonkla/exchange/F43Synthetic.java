package org.tonkla.exchange;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.tonkla.core.thai.NationalId;

/**
 * A synthetic MOPH 43-file zip of health center {@code 99001} (the demo's) for load tests and the throughput
 * bench: {@code children} children aged 2 months to 6 years, each with two NUTRITION visits, a BCG in EPI and,
 * from 10 months, a DSPM screening that passed (1B260). Every row is valid, so the counts depend on
 * {@code children} alone; {@code seed} (1–999) only changes the national IDs and PIDs, so two seeds give two
 * sets of different people with identical reports.
 *
 * <p>{@code java -cp app/target/classes:core/target/classes org.tonkla.exchange.F43Synthetic N SEED OUT.zip}
 */
public final class F43Synthetic {

    public static final String HOSPCODE = "99001";
    private static final DateTimeFormatter D = DateTimeFormatter.BASIC_ISO_DATE;
    private static final String[] GIVEN = {"มะลิ", "ก้องภพ", "ปิยะ", "นภา", "ธนา", "กานดา", "วีระ", "สุดา"};
    private static final String[] FAMILY = {"ใจดี", "แสนดี", "ศรีสุข", "มั่นคง", "ทองดี", "บุญมา"};

    private F43Synthetic() {}

    public static void main(String[] args) throws IOException {
        int children = Integer.parseInt(args[0].replace("_", ""));
        int seed = Integer.parseInt(args[1]);
        try (var out = new BufferedOutputStream(Files.newOutputStream(Path.of(args[2])), 1 << 20)) {
            write(children, seed, LocalDate.now(ZoneId.of("Asia/Bangkok")), out);
        }
    }

    /** The zip's bytes. */
    public static byte[] zip(int children, int seed, LocalDate today) {
        var out = new java.io.ByteArrayOutputStream();
        try {
            write(children, seed, today, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The national ID of child {@code i} of {@code seed}. */
    public static String cid(int seed, int i) {
        String first12 = "2" + String.format("%03d", seed) + String.format("%08d", i);
        return first12 + NationalId.checkDigit(first12);
    }

    public static String pid(int seed, int i) {
        return seed + String.format("%08d", i);
    }

    static LocalDate birth(LocalDate today, int i) {
        return today.minusDays(60 + (i * 37L) % 2100);
    }

    public static void write(int children, int seed, LocalDate today, OutputStream target) throws IOException {
        if (seed < 1 || seed > 999) throw new IllegalArgumentException("seed 1-999");
        try (var zip = new ZipOutputStream(target)) {
            zip.setLevel(1);
            entry(zip, "PERSON", "HOSPCODE|CID|PID|HID|NAME|LNAME|SEX|BIRTH|MOTHER|TYPEAREA|D_UPDATE", children, (i, sb) ->
                    sb.append(HOSPCODE).append('|').append(cid(seed, i)).append('|').append(pid(seed, i)).append("|H")
                            .append(i).append('|').append(GIVEN[i % GIVEN.length]).append('|')
                            .append(FAMILY[i % FAMILY.length]).append('|').append(1 + i % 2).append('|')
                            .append(birth(today, i).format(D)).append("||1|20250101120000\n"));
            entry(zip, "NUTRITION",
                    "HOSPCODE|PID|SEQ|DATE_SERV|NUTRITIONPLACE|WEIGHT|HEIGHT|HEADCIRCUM|CHILDDEVELOP|FOOD|BOTTLE|PROVIDER|D_UPDATE",
                    children, (i, sb) -> {
                        LocalDate b = birth(today, i);
                        for (int visit = 1; visit <= 2; visit++) {
                            long age = (today.toEpochDay() - b.toEpochDay()) * visit / 2;
                            double months = age / 30.4375;
                            double weight = 3.3 + months * (months < 12 ? 0.55 : 0.2) + (i % 5) * 0.1;
                            int height = (int) Math.round(50 + (months < 12 ? months * 2.1 : 25 + (months - 12) * 0.8));
                            sb.append(HOSPCODE).append('|').append(pid(seed, i)).append('|').append(visit).append('|')
                                    .append(b.plusDays(age).format(D)).append('|').append(HOSPCODE).append('|')
                                    .append(String.format(java.util.Locale.ROOT, "%.1f", Math.min(weight, 40)))
                                    .append('|').append(height).append("||||||\n");
                        }
                    });
            entry(zip, "EPI", "HOSPCODE|PID|SEQ|DATE_SERV|VACCINETYPE|VACCINEPLACE|PROVIDER|D_UPDATE", children, (i, sb) ->
                    sb.append(HOSPCODE).append('|').append(pid(seed, i)).append("|1|")
                            .append(birth(today, i).plusDays(1).format(D)).append("|010|").append(HOSPCODE).append("||\n"));
            entry(zip, "SPECIALPP", "HOSPCODE|PID|SEQ|DATE_SERV|SERVPLACE|PPSPECIAL|PPSPLACE|PROVIDER|D_UPDATE", children,
                    (i, sb) -> {
                        LocalDate b = birth(today, i);
                        if (b.plusMonths(10).isAfter(today)) return;
                        sb.append(HOSPCODE).append('|').append(pid(seed, i)).append("|1|")
                                .append(b.plusMonths(9).format(D)).append("|1|1B260|").append(HOSPCODE).append("||\n");
                    });
        }
    }

    private interface Row {
        void append(int i, StringBuilder sb);
    }

    private static void entry(ZipOutputStream zip, String name, String header, int children, Row row) throws IOException {
        zip.putNextEntry(new ZipEntry(name + ".txt"));
        var sb = new StringBuilder(1 << 16).append(header).append('\n');
        for (int i = 1; i <= children; i++) {
            row.append(i, sb);
            if (sb.length() > 1 << 15) {
                zip.write(sb.toString().getBytes(StandardCharsets.UTF_8));
                sb.setLength(0);
            }
        }
        zip.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
