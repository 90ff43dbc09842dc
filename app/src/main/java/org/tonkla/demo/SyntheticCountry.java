package org.tonkla.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tonkla.demo.SyntheticChildren.Batch;
import org.tonkla.demo.SyntheticChildren.LocalUnits;
import org.tonkla.directory.Area;
import org.tonkla.directory.AreaLevel;
import org.tonkla.directory.Directory;
import org.tonkla.directory.ServiceUnit;
import org.tonkla.directory.ServiceUnitType;
import org.tonkla.indicators.IndicatorRefresh;
import org.tonkla.platform.ThaiDates;
import org.tonkla.registry.ChildId;
import org.tonkla.registry.ChildImports;

/**
 * {@code ./tonkla generate --country [--scale F]}: Thailand's children under 6 (about 4,000,000 at scale 1) over the
 * 77 provinces in proportion to their registered population (reference/population), each with the records the
 * pilot's children have, and 50,000 early-childhood centers (×F) with their assessments.
 *
 * <p>Streaming: the plan is 77 counts; children are made and written one batch at a time (COPY through the modules'
 * bulk imports), so the heap holds one batch plus one province's units whatever the scale. Child {@code i} is
 * drawn from its own random stream and its province from the plan, so any batch can be made on its own: a
 * restarted run skips the batches whose last child is already registered and goes on from the first missing one.
 * Each batch is one transaction. The partners' change feed does not list these synthetic children (its triggers are
 * skipped for the load); the indicators of a province are computed as soon as its children are in, beside the next ones.
 */
@Component
class SyntheticCountry {

    /** Thailand's children aged 0–5 (NSO/DOPA registers: about 4 million, falling each year). */
    static final int COUNTRY_CHILDREN = 4_000_000;
    static final int COUNTRY_CENTERS = 50_000;
    static final int BATCH = 2_000;

    /** Children {@code from} (inclusive) to {@code to} of the run, all of {@code province}: one transaction. */
    record PlanBatch(String province, int from, int to) {}

    /**
     * The plan's batches in the order they are written: the children are numbered across the provinces in the plan's
     * order, and each province's are cut into batches of {@link #BATCH}. A batch whose last child exists is done.
     */
    static List<PlanBatch> batches(Map<String, Integer> plan) {
        List<PlanBatch> out = new ArrayList<>();
        int first = 0;
        for (var p : plan.entrySet()) {
            for (int from = first; from < first + p.getValue(); from += BATCH) {
                out.add(new PlanBatch(p.getKey(), from, Math.min(first + p.getValue(), from + BATCH)));
            }
            first += p.getValue();
        }
        return out;
    }
    /** Who created the country's children and records, apart from the pilot's ({@code tonkla-generate}). */
    static final String GENERATOR = "tonkla-generate-country";
    private static final String POPULATION = "reference/population/provinces-2023.csv";

    private final SyntheticChildren children;
    private final SyntheticCenters centers;
    private final Directory directory;
    private final ChildImports imports;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final JdbcClient jdbc;
    private final IndicatorRefresh indicators;
    /** The most children held in memory at once during the last run (the batch), for the streaming test. */
    private int mostHeld;
    private boolean computedAlongside;

    SyntheticCountry(SyntheticChildren children, SyntheticCenters centers, Directory directory, ChildImports imports,
            Clock clock, TransactionTemplate tx, JdbcClient jdbc, IndicatorRefresh indicators) {
        this.tx = tx;
        this.jdbc = jdbc;
        this.indicators = indicators;
        this.children = children;
        this.centers = centers;
        this.directory = directory;
        this.imports = imports;
        this.clock = clock;
    }

    /** The registered population of each province, by DOPA code, in file order. */
    static Map<String, Long> populations() {
        Map<String, Long> out = new LinkedHashMap<>();
        var in = SyntheticCountry.class.getClassLoader().getResourceAsStream(POPULATION);
        if (in == null) throw new IllegalStateException(POPULATION + " is missing from the classpath");
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line; (line = reader.readLine()) != null; ) {
                String[] f = line.split(",");
                if (f.length == 3) out.put(f[0], Long.parseLong(f[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** {@code total} children over the provinces in proportion to {@code populations} (largest remainder). */
    static Map<String, Integer> plan(Map<String, Long> populations, int total) {
        long sum = populations.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Integer> out = new LinkedHashMap<>();
        List<Map.Entry<String, Double>> remainders = new ArrayList<>();
        int given = 0;
        for (var e : populations.entrySet()) {
            double exact = (double) total * e.getValue() / sum;
            out.put(e.getKey(), (int) Math.floor(exact));
            given += (int) Math.floor(exact);
            remainders.add(Map.entry(e.getKey(), exact - Math.floor(exact)));
        }
        remainders.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        for (int i = 0; i < total - given; i++) out.merge(remainders.get(i).getKey(), 1, Integer::sum);
        return out;
    }

    /** The children of the country at {@code scale}. */
    static int children(double scale) {
        return (int) Math.round(COUNTRY_CHILDREN * scale);
    }

    int mostHeld() {
        return mostHeld;
    }

    /** Whether the last run computed the indicators alongside the generation. */
    boolean computedAlongside() {
        return computedAlongside;
    }

    /** Generates the country at {@code scale} (1 = about 4 million children); returns the children inserted. */
    long generate(double scale, long seed) {
        int total = children(scale);
        int centerCount = (int) Math.max(1, Math.round(COUNTRY_CENTERS * scale));
        Map<String, Integer> plan = plan(populations(), total);
        System.out.printf(Locale.ROOT, "The country at scale %s: %,d children in %d provinces, %,d centers (seed %d)%n",
                scale, total, plan.size(), centerCount, seed);
        centers.generate(centerCount, seed);

        Map<String, List<Area>> subdistricts = new HashMap<>();
        for (Area a : directory.areasAtLevel(AreaLevel.SUBDISTRICT)) {
            subdistricts.computeIfAbsent(a.code().substring(0, 2), k -> new ArrayList<>()).add(a);
        }
        LocalDate today = LocalDate.now(clock.withZone(ThaiDates.BANGKOK));
        // The indicators of each province are computed once it is written, while the next ones are (the generator keeps
        // one PostgreSQL backend busy and leaves the other cores idle), unless an earlier run computed them to the end:
        // then only after the last batch, if it added a child (a batch can look unwritten and add nothing: its last
        // child's national ID is held by an earlier seed's child). A recompute cut off earlier is resumed alongside, the
        // provinces this run writes to marked first, so it computes them again if it had finished them (another --scale).
        long facts = System.nanoTime();
        var written = new WrittenProvinces(plan.keySet());
        Thread alongside = null;
        if (!indicators.recomputed()) {
            WrittenProvinces.toWrite(batches(plan), subdistricts.keySet(), b -> imports.present(childId(seed, b.to() - 1)))
                    .forEach(indicators::recomputeNeeded);
            alongside = written.recomputeAlongside(indicators, facts);
        }
        computedAlongside = alongside != null;
        var progress = new Progress(total);
        long inserted = 0;
        long[] totals = new long[5];
        mostHeld = 0;
        String province = null;
        List<Area> subs = List.of();
        ProvinceUnits units = null; // loaded once per province, only if a batch needs writing
        int classSize = 1;
        try {
            for (PlanBatch b : batches(plan)) {
                written.rethrow(); // the recompute alongside failed: stop now, a rerun resumes it (not hours later)
                if (!b.province().equals(province)) {
                    province = b.province();
                    written.writing(province);
                    subs = subdistricts.getOrDefault(province, List.of());
                    units = null;
                    // Classes are sized for the children of one subdistrict, as the pilot's are for 38 subdistricts.
                    classSize = (int) Math.max(1, Math.round((double) plan.get(province) / Math.max(1, subs.size()) * 38));
                }
                if (subs.isEmpty()) continue;
                int from = b.from();
                int to = b.to();
                if (imports.present(childId(seed, to - 1))) {
                    progress.skipped(to - from);
                    continue;
                }
                if (units == null) units = units(province);
                var batch = new Batch();
                for (int i = from; i < to; i++) {
                    var random = new SplittableRandom(seed * 1_000_003L + 0x5EED_0000_0000L + i);
                    Area sub = subs.get(random.nextInt(subs.size()));
                    LocalUnits home = units.home(sub);
                    children.child(batch, random, key(seed, i), i % 10_000_000, classSize, home, today);
                }
                mostHeld = Math.max(mostHeld, batch.children.size());
                long before = totals[0] + totals[1] + totals[2] + totals[3] + totals[4];
                inserted += tx.execute(status -> {
                    // A bulk load of synthetic children: the per-row triggers (change feed for partners, FK checks,
                    // indicator dirty marks) are skipped for this transaction only; the indicators are computed in bulk
                    // (alongside or after), and the data are consistent by construction (children before records).
                    jdbc.sql("SET LOCAL session_replication_role = replica").update();
                    long added = children.write(batch, seed, totals, GENERATOR);
                    // Written with the dirty marks off: the province is to be computed again. Said in this transaction and
                    // only for new children, so a batch written again on a rerun (its last child's national ID taken by an
                    // earlier seed's child, so it looked absent) does not throw away an indicator recompute under way.
                    if (added > 0) indicators.recomputeNeeded(b.province());
                    return added;
                });
                long rows = totals[0] + totals[1] + totals[2] + totals[3] + totals[4] - before + batch.children.size();
                progress.done(to - from, rows);
            }
            written.allWritten();
        } finally {
            written.abandon(); // after allWritten, nothing; on a failure, the recompute stops waiting and ends
            if (alongside != null) WrittenProvinces.join(alongside);
        }
        if (alongside != null) {
            written.rethrow();
            System.out.printf(Locale.ROOT, "Indicators computed %.0f s after the generation began%n", (System.nanoTime() - facts) / 1e9);
        } else if (indicators.recomputed()) {
            System.out.println("No new children, and the indicators of an earlier run were computed to the end: nothing to do.");
            return 0;
        } else {
            WrittenProvinces.recomputeAfter(indicators);
        }
        System.out.printf(Locale.ROOT, "Done in %s: %,d new children, %,d measurements, %,d DSPM screenings, %,d vaccinations, "
                + "%,d health notes, %,d referrals; heap peak %,d MB%n", progress.elapsed(), inserted, totals[0], totals[1],
                totals[2], totals[3], totals[4], progress.peakHeapMb());
        return inserted;
    }

    static String key(long seed, int index) {
        return "country:" + seed + ":" + index;
    }

    static ChildId childId(long seed, int index) {
        return new ChildId(UUID.nameUUIDFromBytes(("child:" + key(seed, index)).getBytes()));
    }

    /** The centers and kindergartens of one province by subdistrict, and its subdistricts' health centers once made. */
    private final class ProvinceUnits {
        final Map<String, List<ServiceUnit>> ecec = new HashMap<>();
        final Map<String, ServiceUnit> kindergartens = new HashMap<>();
        final Map<String, LocalUnits> homes = new HashMap<>();

        LocalUnits home(Area sub) {
            return homes.computeIfAbsent(sub.code(), k -> new LocalUnits(sub, healthCenter(sub),
                    List.copyOf(ecec.getOrDefault(k, List.of())), kindergartens.get(k)));
        }
    }

    /** The province's centers and kindergartens (the national set and any other units there). */
    private ProvinceUnits units(String province) {
        var out = new ProvinceUnits();
        for (ServiceUnit u : directory.serviceUnitsIn(province, ServiceUnitType.EARLY_CHILDHOOD_CENTER, 1_000_000)) {
            if (u.subdistrictCode() != null) out.ecec.computeIfAbsent(u.subdistrictCode(), k -> new ArrayList<>()).add(u);
        }
        for (ServiceUnit u : directory.serviceUnitsIn(province, ServiceUnitType.KINDERGARTEN, 1_000_000)) {
            if (u.subdistrictCode() != null) out.kindergartens.putIfAbsent(u.subdistrictCode(), u);
        }
        return out;
    }

    /** One simulated health center per subdistrict, made when its first child is (its id is name-based). */
    private ServiceUnit healthCenter(Area sub) {
        UUID id = UUID.nameUUIDFromBytes(("country-unit:" + sub.code() + ":hc").getBytes(StandardCharsets.UTF_8));
        return directory.serviceUnit(id).orElseGet(() -> {
            var unit = new ServiceUnit(id, ServiceUnitType.HEALTH_CENTER, "โรงพยาบาลส่งเสริมสุขภาพตำบล" + sub.nameTh() + " (จำลอง)",
                    sub.nameEn() + " Health Promoting Hospital (simulated)", "OPS-MOPH", sub.code(), sub.code().substring(0, 2),
                    null, null, null, null);
            directory.addServiceUnit(unit);
            return unit;
        });
    }

    /** Percent, children and rows per second, time left and the heap, at most every five seconds. */
    static final class Progress {
        private final int total;
        private final long started = System.nanoTime();
        private long lastPrint;
        private long done;
        private long made;
        private long rows;
        private long peakHeap;

        Progress(int total) {
            this.total = total;
        }

        void skipped(int n) {
            done += n;
            print(false);
        }

        void done(int children, long rowsWritten) {
            done += children;
            made += children;
            rows += rowsWritten;
            var rt = Runtime.getRuntime();
            peakHeap = Math.max(peakHeap, rt.totalMemory() - rt.freeMemory());
            print(done == total);
        }

        private void print(boolean force) {
            long now = System.nanoTime();
            if (!force && now - lastPrint < 5_000_000_000L && done != total) return;
            lastPrint = now;
            double seconds = Math.max(1e-3, (now - started) / 1e9);
            double perSecond = made / seconds;
            long left = perSecond == 0 ? 0 : (long) ((total - done) / perSecond);
            System.out.printf(Locale.ROOT, "  %,9d / %,d children (%5.1f %%)  %,7.0f children/s  %,8.0f rows/s  ETA %d:%02d:%02d"
                    + "  heap %,d MB%n", done, total, 100.0 * done / Math.max(1, total), perSecond, rows / seconds,
                    left / 3600, left / 60 % 60, left % 60, peakHeapMb());
        }

        long peakHeapMb() {
            return peakHeap / (1 << 20);
        }

        String elapsed() {
            long s = (System.nanoTime() - started) / 1_000_000_000L;
            return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
        }
    }
}
