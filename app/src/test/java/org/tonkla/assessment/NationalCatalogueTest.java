package org.tonkla.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;
import org.tonkla.core.standard.CsvRows;
import org.tonkla.core.standard.StandardCatalogue;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;

/**
 * Issue 9 point 1 and 7: the 75-item catalogue ships as the default, stored byte for byte, imports
 * (under a tag of its own) and round-trips; the partial version stays for assessments opened with it.
 */
class NationalCatalogueTest extends IntegrationTest {

    @Autowired
    Catalogues catalogues;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theSeventyFiveItemsAreTheActiveVersionAndThePartialOneIsKept() {
        assertThat(catalogues.active().version()).isEqualTo(StandardCatalogue.NATIONAL_VERSION);
        assertThat(catalogues.active().items()).hasSize(75);
        assertThat(catalogues.active().indicators()).hasSize(19);
        assertThat(catalogues.version(StandardCatalogue.PARTIAL_VERSION).items()).hasSize(14);
        String stored = jdbc.sql("SELECT rows_csv FROM assessment_catalogue WHERE version = ?")
                .param(StandardCatalogue.NATIONAL_VERSION).query(String.class).single();
        assertThat(stored).isEqualTo(StandardCatalogue.shippedCsv(StandardCatalogue.NATIONAL_VERSION));
    }

    @Test
    void theShippedFileIsTheSharedOneByteForByte() throws Exception {
        Path shared = Path.of("..", "..", "shared", "data", "ecd-standard", "catalogue-2562.csv");
        if (Files.exists(shared)) {
            assertThat(Files.readString(shared, StandardCharsets.UTF_8))
                    .isEqualTo(StandardCatalogue.shippedCsv(StandardCatalogue.NATIONAL_VERSION));
        }
    }

    @Test
    void itImportsUnderATagOfItsOwnAndRoundTrips() {
        String tag = "test-dcy75-" + UUID.randomUUID().toString().substring(0, 8);
        String csv = StandardCatalogue.shippedCsv(StandardCatalogue.NATIONAL_VERSION)
                .replace(StandardCatalogue.NATIONAL_VERSION + ",", tag + ",");
        var admin = Fixtures.user("admin.catalogue", Role.ADMINISTRATOR, "DCY", OrgUnit.country());
        var outcome = catalogues.importSheet("catalogue-2562.csv", csv.getBytes(StandardCharsets.UTF_8), false, admin);
        assertThat(outcome).isEqualTo(new Catalogues.ImportOutcome.Imported(tag, 75));
        String stored = jdbc.sql("SELECT rows_csv FROM assessment_catalogue WHERE version = ?").param(tag)
                .query(String.class).single();
        assertThat(stored).isEqualTo(csv);
        assertThat(CsvRows.format(CsvRows.parse(new java.io.StringReader(stored)))).isEqualTo(csv);
        var imported = catalogues.version(tag);
        assertThat(imported.standards()).isEqualTo(StandardCatalogue.national().standards());
        assertThat(catalogues.active().version()).isEqualTo(StandardCatalogue.NATIONAL_VERSION);
    }
}
