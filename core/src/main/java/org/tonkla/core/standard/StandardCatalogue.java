package org.tonkla.core.standard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A version of the national ECD-centre standard: standards, indicators and items.
 *
 * <p>Two versions ship. {@link #national()} is the default, the 75-item list of the DCY export
 * REP006 (tag {@value #NATIONAL_VERSION}: 3 standards, 19 indicators, 75 items, Standard 3 split ก/ข).
 * {@link #partial()} is the earlier part THAI-RULES §1 verified (tag {@value #PARTIAL_VERSION}), kept
 * for the assessments opened with it: stored versions never change.
 *
 * @param version the version tag every row of the source carried
 * @param standards the standards, 1 to 3
 * @see <a href="https://ecd.onec.go.th/law-policy/plan/1390/">ONEC: the standard</a>;
 *     resources ecd-standard-2562.csv (PROVENANCE-2562.md) and ecd-standard-2561.csv (PROVENANCE.md)
 */
public record StandardCatalogue(String version, List<Standard> standards) {

    /** The version tag of the default shipped catalogue, the 75 items. */
    public static final String NATIONAL_VERSION = "onec-2562-dcy75";
    /** The version tag of the earlier, partial shipped catalogue. */
    public static final String PARTIAL_VERSION = "onec-2561-partial";

    /** The resource (beside this class) each shipped version is read from, default first. */
    public static final Map<String, String> SHIPPED = Map.of(
            NATIONAL_VERSION, "ecd-standard-2562.csv",
            PARTIAL_VERSION, "ecd-standard-2561.csv");

    public StandardCatalogue {
        Objects.requireNonNull(version, "version");
        standards = List.copyOf(standards);
    }

    /**
     * The default shipped catalogue: 75 items.
     *
     * @throws IllegalStateException if the shipped resource does not parse (a build defect)
     */
    public static StandardCatalogue national() {
        return shipped(NATIONAL_VERSION);
    }

    /** The earlier partial catalogue (14 items), for assessments opened with it. */
    public static StandardCatalogue partial() {
        return shipped(PARTIAL_VERSION);
    }

    /**
     * A shipped version.
     *
     * @throws IllegalArgumentException if {@code version} is not one of {@link #SHIPPED}
     */
    public static StandardCatalogue shipped(String version) {
        return switch (CatalogueReader.read(new java.io.StringReader(shippedCsv(version)))) {
            case CatalogueImport.Accepted accepted -> accepted.catalogue();
            case CatalogueImport.Rejected rejected -> throw new IllegalStateException(
                    "shipped catalogue " + version + " is invalid: " + rejected.errors());
        };
    }

    /** The shipped file of {@code version}, byte for byte as UTF-8 text. */
    public static String shippedCsv(String version) {
        String name = SHIPPED.get(version);
        if (name == null) throw new IllegalArgumentException("not a shipped version: " + version);
        try (InputStream in = StandardCatalogue.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " is missing from the classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every indicator, in order. */
    public List<Indicator> indicators() {
        return standards.stream().flatMap(s -> s.indicators().stream()).toList();
    }

    /** Every item, in order. */
    public List<CatalogueItem> items() {
        return indicators().stream().flatMap(i -> i.items().stream()).toList();
    }

    /** The indicator with {@link Indicator#key()} {@code key}, e.g. {@code "3.4 ข"}. */
    public Optional<Indicator> indicator(String key) {
        return indicators().stream().filter(i -> i.key().equals(key)).findFirst();
    }

    /** The item with {@link CatalogueItem#key()} {@code key}, e.g. {@code "1.1.1"} or {@code "3.4.1 ข"}. */
    public Optional<CatalogueItem> item(String key) {
        return items().stream().filter(i -> i.key().equals(key)).findFirst();
    }
}
