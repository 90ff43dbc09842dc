package org.tonkla.core.standard;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A version of the national ECD-centre standard: standards, indicators and items.
 *
 * <p>{@link #national()} is the part THAI-RULES §1 verifies (tag {@value #NATIONAL_VERSION}):
 * all three standards, indicators 1.1–1.5, 2.1–2.5, 3.4 ข and 3.7 ข, and the items whose wording
 * was found. The rest must be imported from the ONEC book with {@link CatalogueReader}.
 *
 * @param version the version tag every row of the source carried
 * @param standards the standards, 1 to 3
 * @see <a href="https://ecd.onec.go.th/law-policy/plan/1390/">ONEC: the standard</a>;
 *     resource ecd-standard-2561.csv and its PROVENANCE.md
 */
public record StandardCatalogue(String version, List<Standard> standards) {

    /** The version tag of the shipped catalogue. */
    public static final String NATIONAL_VERSION = "onec-2561-partial";

    public StandardCatalogue {
        Objects.requireNonNull(version, "version");
        standards = List.copyOf(standards);
    }

    /**
     * The shipped, partial national catalogue.
     *
     * @throws IllegalStateException if the shipped resource does not parse (a build defect)
     */
    public static StandardCatalogue national() {
        try (InputStream in = StandardCatalogue.class.getResourceAsStream("ecd-standard-2561.csv")) {
            if (in == null) throw new IllegalStateException("ecd-standard-2561.csv is missing from the classpath");
            return switch (CatalogueReader.read(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                case CatalogueImport.Accepted accepted -> accepted.catalogue();
                case CatalogueImport.Rejected rejected -> throw new IllegalStateException(
                        "shipped catalogue is invalid: " + rejected.errors());
            };
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
