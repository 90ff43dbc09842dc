package org.tonkla.assessment.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.tonkla.assessment.AssessmentStatus;
import org.tonkla.assessment.Monitoring;
import org.tonkla.core.standard.ItemLevel;
import org.tonkla.directory.Area;
import org.tonkla.directory.AreaLevel;
import org.tonkla.directory.Directory;
import org.tonkla.platform.ThaiDates;

/**
 * The monitoring export: an Excel workbook (Apache POI, streamed so a national list stays small in
 * memory) with Thai headers: the centers, the counts per area, the results per indicator.
 */
@Component
public class MonitoringWorkbook {

    private final MessageSource messages;
    private final Directory directory;

    MonitoringWorkbook(MessageSource messages, Directory directory) {
        this.messages = messages;
        this.directory = directory;
    }

    public void write(Monitoring.Report report, OutputStream out) throws IOException {
        Map<String, String> areaNames = new HashMap<>();
        for (Area a : directory.areasAtLevel(AreaLevel.PROVINCE)) areaNames.put(a.code(), a.nameTh());
        for (Area a : directory.areasAtLevel(AreaLevel.DISTRICT)) areaNames.put(a.code(), a.nameTh());
        int year = report.query().yearBe();
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);

            Sheet centers = workbook.createSheet(th("assessment.export.sheet.centers"));
            header(centers, bold, th("assessment.export.unitId"), th("assessment.export.name"), th("assessment.export.province"),
                    th("assessment.export.district"), th("assessment.export.subdistrictCode"), th("assessment.export.agency"),
                    th("assessment.export.status", year), th("assessment.export.standard", 1), th("assessment.export.standard", 2),
                    th("assessment.export.standard", 3), th("assessment.export.overall"), th("assessment.export.passed"),
                    th("assessment.export.zeroItems"), th("assessment.export.profileUpdated"), th("assessment.export.followUp"));
            int r = 1;
            for (Monitoring.CenterRow c : report.list()) {
                Row row = centers.createRow(r++);
                cells(row, c.unitId().toString(), c.nameTh(), areaNames.get(c.subdistrictCode().substring(0, 2)),
                        areaNames.get(c.districtCode()), c.subdistrictCode(), c.agencyCode(), th(c.status().messageKey()),
                        label(c.levelS1()), label(c.levelS2()), label(c.levelS3()), label(c.levelOverall()),
                        c.passed() == null ? "" : th(c.passed() ? "assessment.yes" : "assessment.no"),
                        c.status().handedIn() ? String.valueOf(c.zeroItems()) : "",
                        c.profileUpdatedAt() == null ? "" : thaiDate(c.profileUpdatedAt()),
                        th(c.followUp() ? "assessment.yes" : "assessment.no"));
            }

            Sheet areas = workbook.createSheet(th("assessment.export.sheet.areas"));
            header(areas, bold, th("assessment.export.area"), th("assessment.export.centers"),
                    th(AssessmentStatus.NOT_STARTED.messageKey()), th(AssessmentStatus.DRAFT.messageKey()),
                    th(AssessmentStatus.SUBMITTED.messageKey()), th(AssessmentStatus.RETURNED.messageKey()),
                    th(AssessmentStatus.ACCEPTED.messageKey()), th("assessment.export.completeness"));
            r = 1;
            for (Monitoring.AreaRow a : report.areas()) {
                Row row = areas.createRow(r++);
                row.createCell(0).setCellValue(a.nameTh());
                row.createCell(1).setCellValue(a.centers());
                int col = 2;
                for (AssessmentStatus s : AssessmentStatus.values()) row.createCell(col++).setCellValue(a.count(s));
                row.createCell(col).setCellValue(a.completeness());
            }

            Sheet results = workbook.createSheet(th("assessment.export.sheet.results"));
            header(results, bold, th("assessment.export.indicator"), ItemLevel.NEEDS_IMPROVEMENT.thaiLabel(),
                    ItemLevel.BASIC.thaiLabel(), ItemLevel.GOOD.thaiLabel(), ItemLevel.VERY_GOOD.thaiLabel(),
                    th("assessment.export.total"));
            r = 1;
            for (List<Monitoring.Distribution> group : List.of(report.standards(), report.indicators())) {
                for (Monitoring.Distribution d : group) {
                    Row row = results.createRow(r++);
                    row.createCell(0).setCellValue(d.key().equals("overall") ? th("assessment.export.overall")
                            : d.key().length() == 1 ? th("assessment.export.standard", Integer.parseInt(d.key())) : d.key());
                    for (int level = 0; level < 4; level++) row.createCell(level + 1).setCellValue(d.levels()[level]);
                    row.createCell(5).setCellValue(d.total());
                }
            }
            workbook.write(out);
            workbook.dispose();
        }
    }

    private static void header(Sheet sheet, CellStyle style, String... names) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < names.length; i++) {
            var cell = row.createCell(i);
            cell.setCellValue(names[i]);
            cell.setCellStyle(style);
            sheet.setColumnWidth(i, Math.max(12, Math.min(50, names[i].length() + 6)) * 256);
        }
        sheet.createFreezePane(0, 1);
    }

    private static void cells(Row row, String... values) {
        for (int i = 0; i < values.length; i++) row.createCell(i).setCellValue(values[i] == null ? "" : values[i]);
    }

    private static String label(Integer level) {
        return level == null ? "" : ItemLevel.ofScore(level).thaiLabel();
    }

    private static String thaiDate(java.time.Instant instant) {
        var date = instant.atZone(ThaiDates.BANGKOK).toLocalDate();
        return date.getDayOfMonth() + "/" + date.getMonthValue() + "/" + org.tonkla.core.thai.BuddhistEra.toBuddhistYear(date.getYear());
    }

    private String th(String key, Object... args) {
        return messages.getMessage(key, args, ThaiDates.THAI);
    }
}
