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
import org.tonkla.assessment.StandardReports;
import org.tonkla.core.standard.ItemLevel;
import org.tonkla.directory.Area;
import org.tonkla.directory.AreaLevel;
import org.tonkla.directory.Directory;
import org.tonkla.platform.ThaiDates;

/**
 * The DCY-style reports as Excel workbooks with Thai headers: REP004 (items needing improvement per
 * center) and REP006 (levels of every item). The overall result is marked unverified in its header:
 * the standard's rule for it was not found (THAI-RULES §1.5 [U]).
 */
@Component
public class ReportWorkbooks {

    private final MessageSource messages;
    private final Directory directory;

    ReportWorkbooks(MessageSource messages, Directory directory) {
        this.messages = messages;
        this.directory = directory;
    }

    /** REP004: one row per handed-in center. */
    public void improvement(int yearBe, String areaLabel, List<StandardReports.ImprovementRow> rows, OutputStream out)
            throws IOException {
        Map<String, String> names = areaNames();
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            CellStyle bold = bold(workbook);
            Sheet sheet = workbook.createSheet("REP004");
            title(sheet, bold, th("assessment.report.improvement.title", yearBe, areaLabel));
            header(sheet, bold, 2, th("assessment.export.name"), th("assessment.export.province"), th("assessment.export.district"),
                    th("assessment.export.subdistrictCode"), th("assessment.export.agency"), th("assessment.export.status", yearBe),
                    th("assessment.export.standard", 1), th("assessment.export.standard", 2), th("assessment.export.standard", 3),
                    th("assessment.report.overallUnverified"), th("assessment.export.zeroItems"), th("assessment.report.items"));
            int r = 3;
            for (StandardReports.ImprovementRow row : rows) {
                var c = row.center();
                Row line = sheet.createRow(r++);
                String[] values = {c.nameTh(), names.get(c.subdistrictCode().substring(0, 2)), names.get(c.districtCode()),
                        c.subdistrictCode(), c.agencyCode(), th(c.status().messageKey()), label(c.levelS1()), label(c.levelS2()),
                        label(c.levelS3()), c.passed() == null ? "" : th(c.passed() ? "assessment.report.passed" : "assessment.report.notPassed")};
                for (int i = 0; i < values.length; i++) line.createCell(i).setCellValue(values[i] == null ? "" : values[i]);
                line.createCell(values.length).setCellValue(row.items().size());
                line.createCell(values.length + 1).setCellValue(row.codes());
            }
            workbook.write(out);
            workbook.dispose();
        }
    }

    /** REP006: one row per item, centers at each level. */
    public void levels(int yearBe, String areaLabel, List<StandardReports.ItemDistribution> items, OutputStream out)
            throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            CellStyle bold = bold(workbook);
            Sheet sheet = workbook.createSheet("REP006");
            title(sheet, bold, th("assessment.report.levels.title", yearBe, areaLabel));
            header(sheet, bold, 2, th("assessment.report.number"), th("assessment.report.item"), th("assessment.report.itemText"),
                    ItemLevel.NEEDS_IMPROVEMENT.thaiLabel(), ItemLevel.BASIC.thaiLabel(), ItemLevel.GOOD.thaiLabel(),
                    ItemLevel.VERY_GOOD.thaiLabel(), th("assessment.export.total"));
            int r = 3;
            for (StandardReports.ItemDistribution d : items) {
                Row line = sheet.createRow(r++);
                line.createCell(0).setCellValue(d.number());
                line.createCell(1).setCellValue(d.itemKey());
                line.createCell(2).setCellValue(d.text());
                for (int level = 0; level < 4; level++) line.createCell(3 + level).setCellValue(d.levels()[level]);
                line.createCell(7).setCellValue(d.total());
            }
            workbook.write(out);
            workbook.dispose();
        }
    }

    private Map<String, String> areaNames() {
        Map<String, String> names = new HashMap<>();
        for (Area a : directory.areasAtLevel(AreaLevel.PROVINCE)) names.put(a.code(), a.nameTh());
        for (Area a : directory.areasAtLevel(AreaLevel.DISTRICT)) names.put(a.code(), a.nameTh());
        return names;
    }

    private static CellStyle bold(SXSSFWorkbook workbook) {
        CellStyle bold = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setBold(true);
        bold.setFont(font);
        return bold;
    }

    private static void title(Sheet sheet, CellStyle style, String text) {
        var cell = sheet.createRow(0).createCell(0);
        cell.setCellValue(text);
        cell.setCellStyle(style);
    }

    private static void header(Sheet sheet, CellStyle style, int at, String... names) {
        Row row = sheet.createRow(at);
        for (int i = 0; i < names.length; i++) {
            var cell = row.createCell(i);
            cell.setCellValue(names[i]);
            cell.setCellStyle(style);
            sheet.setColumnWidth(i, Math.max(12, Math.min(60, names[i].length() + 6)) * 256);
        }
        sheet.createFreezePane(0, at + 1);
    }

    private static String label(Integer level) {
        return level == null ? "" : ItemLevel.ofScore(level).thaiLabel();
    }

    private String th(String key, Object... args) {
        return messages.getMessage(key, args, ThaiDates.THAI);
    }
}
