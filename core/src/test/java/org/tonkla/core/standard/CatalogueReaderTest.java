package org.tonkla.core.standard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped catalogue holds what THAI-RULES §1.2–1.4 verify (ONEC book via anyflip; tbg.ac.th;
 * bk1.ac.th), and the reader reports bad rows by row and column.
 */
class CatalogueReaderTest {

    private static final String HEADER =
            "version,standard,standard_title,indicator,age_group,indicator_title,item,item_text,item_kind,status,source\n";

    @Test
    void thePartialCatalogueKeepsItsVerifiedStructure() {
        StandardCatalogue catalogue = StandardCatalogue.partial();
        assertThat(catalogue.version()).isEqualTo("onec-2561-partial");
        assertThat(catalogue.standards()).extracting(Standard::number).containsExactly(1, 2, 3);
        // §1.3: Standard 1 has five indicators, Standard 2 five
        assertThat(catalogue.standards().get(0).indicators()).extracting(Indicator::key)
                .containsExactly("1.1", "1.2", "1.3", "1.4", "1.5");
        assertThat(catalogue.standards().get(1).indicators()).extracting(Indicator::key)
                .containsExactly("2.1", "2.2", "2.3", "2.4", "2.5");
        // §1.2: Standard 3 split by age group; 3.4 ข and 3.7 ข are the verified ones
        assertThat(catalogue.standards().get(2).indicators()).extracting(Indicator::key).containsExactly("3.4 ข", "3.7 ข");
        assertThat(catalogue.indicator("3.4 ข").orElseThrow().ageGroup()).isEqualTo(AgeGroup.THREE_TO_SIX);
        // §1.4: items 1.1.1–1.1.3 and 1.2.1–1.2.4
        assertThat(catalogue.indicator("1.1").orElseThrow().items()).extracting(CatalogueItem::code)
                .containsExactly("1.1.1", "1.1.2", "1.1.3");
        assertThat(catalogue.indicator("1.2").orElseThrow().items()).hasSize(4);
        assertThat(catalogue.item("3.4.1 ข").orElseThrow().kind()).isEqualTo(ItemKind.DSPM_OUTCOME);
        assertThat(catalogue.indicator("2.4").orElseThrow().evidence()).isEqualTo(Evidence.PARTLY_VERIFIED);
    }

    @Test
    void readsQuotedCellsAndRowsFromASheet() {
        String csv = "\uFEFF" + HEADER
                + "v1,1,\"Management, in general\",1.1,,T,1.1.1,\"He said \"\"hi\"\"\",RATED,V,\r\n";
        CatalogueImport.Accepted ok = (CatalogueImport.Accepted) CatalogueReader.read(new StringReader(csv));
        assertThat(ok.catalogue().standards().getFirst().title()).isEqualTo("Management, in general");
        assertThat(ok.catalogue().item("1.1.1").orElseThrow().text()).isEqualTo("He said \"hi\"");

        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("item", "version", "standard", "standard_title", "indicator", "age_group", "indicator_title",
                "item_text", "item_kind", "status", "source"));
        rows.add(java.util.Arrays.asList("3.1.1", "v1", "3", "Quality", "3.1", "ก", "T", "x", "RATED", "U", null));
        CatalogueImport fromSheet = CatalogueReader.fromRows(rows);
        assertThat(fromSheet).isInstanceOf(CatalogueImport.Accepted.class);
        assertThat(((CatalogueImport.Accepted) fromSheet).catalogue().item("3.1.1 ก")).isPresent();
    }

    @Test
    void reportsEveryErrorWithRowColumnAndExpectation() {
        String csv = HEADER
                + "v1,4,T,1.1,,T,1.1.1,x,RATED,V,\n"          // row 2: standard 4
                + "v1,3,T,3.1,,T,3.1.1,x,RATED,V,\n"          // row 3: standard 3 without ก/ข
                + "v1,1,T,1.1,ข,T,1.1.1,x,RATED,V,\n"         // row 4: age group on standard 1
                + "v1,1,T,1.1,,T,1.2.1,x,RATED,X,\n"          // row 5: item of another indicator; bad status
                + "v2,1,T,1.1,,T,1.1.2,x,SCORED,V,\n";        // row 6: other version; bad kind
        CatalogueImport.Rejected rejected = (CatalogueImport.Rejected) CatalogueReader.read(new StringReader(csv));
        assertThat(rejected.errors()).extracting(ImportError::row, ImportError::column).contains(
                org.assertj.core.groups.Tuple.tuple(2, "standard"),
                org.assertj.core.groups.Tuple.tuple(3, "age_group"),
                org.assertj.core.groups.Tuple.tuple(4, "age_group"),
                org.assertj.core.groups.Tuple.tuple(5, "item"),
                org.assertj.core.groups.Tuple.tuple(5, "status"),
                org.assertj.core.groups.Tuple.tuple(6, "version"),
                org.assertj.core.groups.Tuple.tuple(6, "item_kind"));
        assertThat(rejected.errors().stream().filter(e -> e.row() == 3).findFirst().orElseThrow().message())
                .isEqualTo("row 3, column age_group: expected ก (birth to under 3) or ข (3–6 years) for standard 3, found ''");
    }

    @Test
    void reportsMissingColumnsDuplicatesAndConflictingTitles() {
        CatalogueImport.Rejected noColumns = (CatalogueImport.Rejected) CatalogueReader.read(new StringReader("version,standard\n"));
        assertThat(noColumns.errors()).extracting(ImportError::column).contains("item_kind", "source");
        assertThat(noColumns.errors()).allMatch(e -> e.row() == 1);

        String csv = HEADER
                + "v1,1,T,1.1,,Title A,1.1.1,x,RATED,V,\n"
                + "v1,1,T,1.1,,Title A,1.1.1,y,RATED,V,\n"
                + "v1,1,T,1.1,,Title B,1.1.2,z,RATED,V,\n";
        CatalogueImport.Rejected rejected = (CatalogueImport.Rejected) CatalogueReader.read(new StringReader(csv));
        assertThat(rejected.errors()).extracting(ImportError::message).containsExactly(
                "row 3, column item: expected an item code not already used (row 2), found '1.1.1'",
                "row 4, column indicator_title: expected the same title as earlier rows of indicator 1.1, found 'Title B'");
    }

    @Test
    void emptyInputIsRejected() {
        assertThat(CatalogueReader.read(new StringReader(""))).isInstanceOf(CatalogueImport.Rejected.class);
        assertThat(CatalogueReader.read(new StringReader(HEADER))).isInstanceOf(CatalogueImport.Rejected.class);
    }
}
