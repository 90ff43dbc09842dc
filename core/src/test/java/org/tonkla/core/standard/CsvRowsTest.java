package org.tonkla.core.standard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 4180 both ways: what {@link CsvRows#format} writes, {@link CsvRows#parse} reads back unchanged. */
class CsvRowsTest {

    @Test
    void quotesOnlyWhatNeedsQuotingAndReadsItBack() {
        List<List<String>> rows = List.of(
                List.of("version", "item_text"),
                List.of("v1", "ครู/ผู้ดูแลเด็ก, ผู้ช่วย"),
                List.of("v1", "บรรทัดหนึ่ง\nบรรทัด \"สอง\""),
                List.of(),
                Arrays.asList("v1", null));
        String csv = CsvRows.format(rows);
        assertThat(csv).startsWith("version,item_text\nv1,\"ครู/ผู้ดูแลเด็ก, ผู้ช่วย\"\n");
        assertThat(CsvRows.parse(new StringReader(csv))).containsExactly(
                List.of("version", "item_text"),
                List.of("v1", "ครู/ผู้ดูแลเด็ก, ผู้ช่วย"),
                List.of("v1", "บรรทัดหนึ่ง\nบรรทัด \"สอง\""),
                List.of(""),
                List.of("v1", ""));
    }

    @Test
    void theShippedCataloguesSurviveARoundTripByteForByte() {
        for (String version : StandardCatalogue.SHIPPED.keySet()) {
            StandardCatalogue shipped = StandardCatalogue.shipped(version);
            String text = StandardCatalogue.shippedCsv(version);
            String again = CsvRows.format(CsvRows.parse(new StringReader(text)));
            assertThat(again).as(version).isEqualTo(text);
            var reread = ((CatalogueImport.Accepted) CatalogueReader.read(new StringReader(again))).catalogue();
            assertThat(reread).isEqualTo(shipped);
        }
    }
}
