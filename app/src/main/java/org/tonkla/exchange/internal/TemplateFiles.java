package org.tonkla.exchange.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.tonkla.exchange.TemplateKind;
import org.tonkla.exchange.TemplateKind.Column;

/** The empty templates: an Excel workbook and a CSV file, each with the Thai header row and the key row. */
public final class TemplateFiles {

    private TemplateFiles() {}

    public static byte[] workbook(TemplateKind kind) {
        try (var book = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            var sheet = book.createSheet(kind.slug());
            var bold = book.createFont();
            bold.setBold(true);
            var header = book.createCellStyle();
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.LIGHT_GREEN.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setWrapText(true);
            var keyStyle = book.createCellStyle();
            var grey = book.createFont();
            grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
            keyStyle.setFont(grey);
            // Text cells, so a 13-digit national ID keeps its digits and a typed date stays as typed.
            var text = book.createCellStyle();
            text.setDataFormat(book.createDataFormat().getFormat("@"));
            var thai = sheet.createRow(0);
            var keys = sheet.createRow(1);
            for (int i = 0; i < kind.columns().size(); i++) {
                Column c = kind.columns().get(i);
                var cell = thai.createCell(i);
                cell.setCellValue(c.required() ? c.thai() + " *" : c.thai());
                cell.setCellStyle(header);
                var key = keys.createCell(i);
                key.setCellValue(c.key());
                key.setCellStyle(keyStyle);
                sheet.setDefaultColumnStyle(i, text);
                sheet.setColumnWidth(i, 24 * 256);
            }
            sheet.createFreezePane(0, 2);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] csv(TemplateKind kind) {
        var s = new StringBuilder("\uFEFF");
        s.append(String.join(",", kind.columns().stream().map(c -> quote(c.required() ? c.thai() + " *" : c.thai())).toList()));
        s.append("\r\n").append(String.join(",", kind.columns().stream().map(Column::key).toList())).append("\r\n");
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
