package org.tonkla.field.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.tonkla.field.Campaign;
import org.tonkla.field.CampaignCoverage;
import org.tonkla.field.CampaignProgress;

/**
 * The Excel export of a campaign's progress: one sheet of subdistrict × surveyor × day counts, one of coverage per
 * district. Headings in Thai, the officers' language; codes beside names so the sheet joins with other data.
 */
final class ProgressWorkbook {

    static final List<String> PROGRESS_HEADINGS = List.of("รหัสตำบล", "ผู้สำรวจ", "วันที่เยี่ยม (พ.ศ.)", "เยี่ยมแล้ว", "ไม่พบ",
            "ปฏิเสธ", "ย้ายออก", "เด็กใหม่");
    static final List<String> COVERAGE_HEADINGS = List.of("รหัสอำเภอ", "เด็กเป้าหมาย", "เด็กที่พบ", "ร้อยละ",
            "ครัวเรือนที่เยี่ยม");

    private ProgressWorkbook() {}

    static byte[] of(Campaign campaign, List<CampaignProgress.Row> rows, List<CampaignCoverage.District> coverage) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            Sheet progress = book.createSheet("ความก้าวหน้า");
            heading(progress, PROGRESS_HEADINGS, bold);
            int r = 1;
            for (var row : rows) {
                Row line = progress.createRow(r++);
                line.createCell(0).setCellValue(row.subdistrictCode());
                line.createCell(1).setCellValue(row.surveyor());
                // Day/month/Buddhist-era year, as Thai officers write dates (text: Excel has no B.E. date type).
                line.createCell(2).setCellValue(String.format("%02d/%02d/%d", row.day().getDayOfMonth(),
                        row.day().getMonthValue(), row.day().getYear() + 543));
                long[] counts = {row.visited(), row.notFound(), row.refused(), row.moved(), row.newChildren()};
                for (int c = 0; c < counts.length; c++) line.createCell(3 + c).setCellValue(counts[c]);
            }
            Sheet cover = book.createSheet("ความครอบคลุม");
            heading(cover, COVERAGE_HEADINGS, bold);
            r = 1;
            for (var d : coverage) {
                Row line = cover.createRow(r++);
                line.createCell(0).setCellValue(d.districtCode());
                line.createCell(1).setCellValue(d.target());
                line.createCell(2).setCellValue(d.reached());
                line.createCell(3).setCellValue(d.percent());
                line.createCell(4).setCellValue(d.households());
            }
            book.getProperties().getCoreProperties().setTitle(campaign.name());
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void heading(Sheet sheet, List<String> titles, org.apache.poi.ss.usermodel.CellStyle bold) {
        Row head = sheet.createRow(0);
        for (int c = 0; c < titles.size(); c++) {
            head.createCell(c).setCellValue(titles.get(c));
            head.getCell(c).setCellStyle(bold);
            sheet.setColumnWidth(c, 16 * 256);
        }
    }
}
