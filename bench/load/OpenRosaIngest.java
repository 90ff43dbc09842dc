import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;

/**
 * OpenRosa ingest load (issue 11 §7): CLIENTS concurrent clients, each a surveyor of the pilot campaign
 * ({@code surveyor.p<subdistrict>}, made by {@code ./tonkla generate --pilot}), each sending home-visit submissions as
 * ODK Collect does: HEAD /openrosa/submission, then a multipart POST with xml_submission_file and two JPEG photos (the
 * house and the child), a fresh instanceID each time, the household in the surveyor's own subdistrict and one child
 * found there. Counts the POSTs answered 201 during the measured window (after a warm-up) and their latency.
 *
 * <pre>java bench/load/OpenRosaIngest.java BASE_URL SUBDISTRICTS(comma-separated) CLIENTS WARMUP_S DURATION_S [PHOTO_EDGE]</pre>
 */
public class OpenRosaIngest {

    static final String FORM = "tonkla_home_visit";

    public static void main(String[] args) throws Exception {
        String base = args[0];
        List<String> subdistricts = List.of(args[1].split(","));
        int clients = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        int duration = Integer.parseInt(args[4]);
        int edge = args.length > 5 ? Integer.parseInt(args[5]) : 640;
        String version = System.getenv().getOrDefault("FORM_VERSION", "2026112801");
        String password = System.getenv().getOrDefault("PASSWORD", "tonkla-demo");
        List<byte[]> photos = new ArrayList<>();
        for (int i = 0; i < 16; i++) photos.add(jpeg(i, edge));
        System.out.printf("photos: %d × %d px JPEGs, %d–%d KB%n", photos.size(), edge,
                photos.stream().mapToInt(p -> p.length).min().getAsInt() / 1024, photos.stream().mapToInt(p -> p.length).max().getAsInt() / 1024);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        long start = System.nanoTime();
        long measureFrom = start + warmup * 1_000_000_000L;
        long end = measureFrom + duration * 1_000_000_000L;
        AtomicLong ok = new AtomicLong();
        Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicBoolean shown = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            String subdistrict = subdistricts.get(c % subdistricts.size());
            String auth = "Basic " + Base64.getEncoder().encodeToString(("surveyor.p" + subdistrict + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
            threads.add(Thread.ofPlatform().start(() -> {
                var random = new SplittableRandom(System.nanoTime() + client);
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    String outcome;
                    try {
                        var head = http.send(request(base, auth).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                                HttpResponse.BodyHandlers.discarding());
                        if (head.statusCode() != 204) {
                            outcome = "HEAD " + head.statusCode();
                        } else {
                            String boundary = "----load" + UUID.randomUUID();
                            byte[] body = body(boundary, xml(version, subdistrict, random), photos.get(random.nextInt(photos.size())),
                                    photos.get(random.nextInt(photos.size())));
                            var post = http.send(request(base, auth).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
                            outcome = post.statusCode() == 201 ? null : "POST " + post.statusCode();
                            if (outcome != null && shown.compareAndSet(false, true)) System.out.println("first failure: " + post.body());
                        }
                    } catch (Exception e) {
                        outcome = e.getClass().getSimpleName();
                    }
                    long t1 = System.nanoTime();
                    if (t0 >= measureFrom && t1 <= end) {
                        if (outcome == null) {
                            ok.incrementAndGet();
                            latencies.add(t1 - t0);
                        } else {
                            failures.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
                        }
                    }
                }
            }));
        }
        for (Thread t : threads) t.join();
        List<Long> sorted = new ArrayList<>(latencies);
        sorted.sort(null);
        double rate = ok.get() / (double) duration;
        System.out.printf("%d clients, %d s measured after %d s warm-up: %d submissions stored (201), %.1f submissions/s%n",
                clients, duration, warmup, ok.get(), rate);
        if (!sorted.isEmpty()) {
            System.out.printf("latency HEAD+POST: median %.0f ms, p90 %.0f ms, p99 %.0f ms%n", ms(sorted, 0.5), ms(sorted, 0.9),
                    ms(sorted, 0.99));
        }
        System.out.println("failures: " + (failures.isEmpty() ? "none" : failures));
    }

    static double ms(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
    }

    static HttpRequest.Builder request(String base, String auth) {
        return HttpRequest.newBuilder(URI.create(base + "/openrosa/submission")).timeout(Duration.ofSeconds(60))
                .header("X-OpenRosa-Version", "1.0").header("Authorization", auth);
    }

    static final String[] GIVEN = {"ภูมิ", "ข้าวหอม", "ปัณณ์", "น้ำใส", "ก้องภพ", "พิมพ์ดาว", "ธีรภัทร", "ใบเตย"};
    static final String[] FAMILY = {"ศรีสุข", "แก้วมณี", "บุญมา", "ทองดี", "พรหมวงศ์", "สายทอง"};

    /** A visited household with consent, two members, and one child 0-6 with a new (synthetic) national ID. */
    static String xml(String version, String subdistrict, SplittableRandom r) {
        String first12 = "9" + subdistrict.substring(0, 4) + String.format("%07d", r.nextInt(10_000_000));
        int sum = 0;
        for (int i = 0; i < 12; i++) sum += (first12.charAt(i) - '0') * (13 - i);
        String nid = first12 + (11 - sum % 11) % 10;
        LocalDate dob = LocalDate.now().minusDays(200 + r.nextInt(1800));
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <data xmlns:jr="http://openrosa.org/javarosa" xmlns:orx="http://openrosa.org/xforms" id="%s" version="%s">
                <visit><subdistrict>%s</subdistrict><village>%d</village><house_no>%d/%d</house_no><outcome>visited</outcome></visit>
                <consent><given>yes</given><by_name>%s</by_name><relation>mother</relation><on>%s</on><purposes>health household photos</purposes></consent>
                <household><member><age>32</age><relation>head</relation><occupation>farmer</occupation><income>%d</income></member>
                <member><age>29</age><relation>spouse</relation><occupation>labour</occupation><income>%d</income></member>
                <tenure>own</tenure><photo_fallback>house</photo_fallback><photo_outside>house.jpg</photo_outside><gps>16.70 102.85 180 8</gps></household>
                <child><given_name>%s</given_name><family_name>%s</family_name><sex>%s</sex><dob>%s</dob>
                <id_type>national_id</id_type><national_id>%s</national_id><photo>child.jpg</photo>
                <weight>%.1f</weight><height>%.1f</height><health_coverage>uc</health_coverage><disability>no</disability></child>
                <orx:meta><orx:instanceID>uuid:%s</orx:instanceID></orx:meta></data>
                """.formatted(FORM, version, subdistrict, 1 + r.nextInt(15), 1 + r.nextInt(300), 1 + r.nextInt(15),
                GIVEN[r.nextInt(GIVEN.length)], LocalDate.now(), 2000 + r.nextInt(8000), r.nextInt(6000),
                GIVEN[r.nextInt(GIVEN.length)], FAMILY[r.nextInt(FAMILY.length)], r.nextBoolean() ? "M" : "F", dob, nid,
                8 + r.nextDouble() * 10, 70 + r.nextDouble() * 40, UUID.randomUUID());
    }

    static byte[] body(String boundary, String xml, byte[] house, byte[] child) {
        var out = new ByteArrayOutputStream();
        part(out, boundary, "xml_submission_file", "submission.xml", "text/xml", xml.getBytes(StandardCharsets.UTF_8));
        part(out, boundary, "house.jpg", "house.jpg", "image/jpeg", house);
        part(out, boundary, "child.jpg", "child.jpg", "image/jpeg", child);
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    static void part(ByteArrayOutputStream out, String boundary, String name, String file, String type, byte[] bytes) {
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + file
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bytes);
        out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    /** A photo-like JPEG: a gradient with noise (so it compresses like a photo, not like a flat drawing). */
    static byte[] jpeg(int n, int edge) throws Exception {
        var r = new SplittableRandom(n);
        int w = edge, h = edge * 3 / 4;
        var image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int base = r.nextInt(0xffffff);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int noise = r.nextInt(40);
                int red = (((base >> 16) & 0xff) + x * 100 / w + noise) & 0xff;
                int green = (((base >> 8) & 0xff) + y * 100 / h + noise) & 0xff;
                int blue = ((base & 0xff) + (x + y) * 50 / (w + h) + noise) & 0xff;
                image.setRGB(x, y, new Color(red, green, blue).getRGB());
            }
        }
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}
