package org.tonkla.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;
import org.tonkla.WebClientSession;

/**
 * Issue 5 §1 and §6: an administrator imports a catalogue from CSV or Excel; a malformed sheet is
 * refused with an error naming the row and column, and nothing changes.
 */
class CatalogueImportTest extends IntegrationTest {

    private static final String HEADER =
            "version,standard,standard_title,indicator,age_group,indicator_title,item,item_text,item_kind,status,source";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Catalogues catalogues;

    @Test
    void malformedCsvNamesRowAndColumnAndChangesNothing() {
        String before = state();
        // Row 3 puts a Standard-3 indicator in age group "ค", which does not exist (only ก and ข).
        String csv = HEADER + "\n"
                + "bad-csv,1,การบริหารจัดการ,1.1,,การบริหารจัดการอย่างเป็นระบบ,1.1.1,ข้อ,RATED,V,\n"
                + "bad-csv,3,คุณภาพของเด็ก,3.4,ค,พัฒนาการด้านอารมณ์,3.4.1,ข้อ,DSPM_OUTCOME,V,\n";
        HttpResponse<String> response = upload("bad.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(errorCells(response.body())).contains(List.of("3", "age_group"));
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void malformedExcelNamesRowAndColumnAndChangesNothing() throws Exception {
        String before = state();
        byte[] xlsx = workbook(List.of(
                HEADER.split(","),
                new String[] {"bad-xlsx", "1", "การบริหารจัดการ", "1.1", "", "การบริหารจัดการอย่างเป็นระบบ", "1.1.1", "ข้อ", "RATED", "V", ""},
                new String[] {"bad-xlsx", "1", "การบริหารจัดการ", "1.1", "", "การบริหารจัดการอย่างเป็นระบบ", "1.1.2", "ข้อ", "RATED", "V", ""},
                // Row 4: the kind must be RATED or DSPM_OUTCOME.
                new String[] {"bad-xlsx", "2", "ครู/ผู้ดูแลเด็ก", "2.1", "", "การดูแลและพัฒนาเด็กอย่างรอบด้าน", "2.1.1", "ข้อ", "SCORED", "V", ""}));
        HttpResponse<String> response = upload("bad.xlsx", xlsx);
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(errorCells(response.body())).contains(List.of("4", "item_kind"));
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void aValidExcelSheetBecomesANewVersionAndAssessmentsKeepTheirs() throws Exception {
        String version = "test-" + UUID.randomUUID().toString().substring(0, 8);
        String active = catalogues.active().version();
        byte[] xlsx = workbook(List.of(
                HEADER.split(","),
                new String[] {version, "1", "การบริหารจัดการ", "1.1", "", "การบริหารจัดการอย่างเป็นระบบ", "1.1.1", "ข้อหนึ่ง", "RATED", "V", ""},
                new String[] {version, "3", "คุณภาพของเด็ก", "3.1", "ก", "การเจริญเติบโต", "3.1.1", "ข้อสาม", "DSPM_OUTCOME", "U", ""}));
        HttpResponse<String> response = upload("full.xlsx", xlsx);
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(catalogues.version(version).items()).extracting(i -> i.key()).containsExactly("1.1.1", "3.1.1 ก");
        assertThat(catalogues.active().version()).as("not activated").isEqualTo(active);
        // The same version tag twice is refused: versions never change once stored.
        HttpResponse<String> again = upload("full.xlsx", xlsx);
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(errorCells(again.body())).contains(List.of("2", "version"));
    }

    private String state() {
        return jdbc.sql("SELECT string_agg(version || ':' || active, ',' ORDER BY version) FROM assessment_catalogue")
                .query(String.class).single();
    }

    private HttpResponse<String> upload(String fileName, byte[] content) {
        WebClientSession admin = session();
        admin.login("admin", "tonkla-demo");
        String page = admin.get("/assessment/catalogues", "text/html").body();
        var token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).isTrue();
        String boundary = "----tonkla" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token.group(1) + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"sheet\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return admin.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/assessment/catalogues"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    /** The (row, column) pairs of the error table on the page. */
    private static List<List<String>> errorCells(String html) {
        var m = Pattern.compile("<tr class=\"import-error\">\\s*<td>([^<]*)</td><td class=\"code\">([^<]*)</td>").matcher(html);
        List<List<String>> out = new java.util.ArrayList<>();
        while (m.find()) out.add(List.of(m.group(1), m.group(2)));
        return out;
    }

    private static byte[] workbook(List<String[]> rows) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("catalogue");
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).length; c++) row.createCell(c).setCellValue(rows.get(r)[c]);
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
