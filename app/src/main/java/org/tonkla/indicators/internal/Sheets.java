package org.tonkla.indicators.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** A workbook of sheets of rows of text, whole numbers and amounts; each sheet's first row is the bold heading. */
public final class Sheets {

    private Sheets() {}

    /** One sheet: its name, lines of text above the table (what it is, for whom, as of when), heading row and rows. */
    public record Tab(String name, List<String> caption, List<String> title, List<List<Object>> rows) {
        public Tab(String name, List<String> title, List<List<Object>> rows) {
            this(name, List.of(), title, rows);
        }
    }

    public static byte[] write(String sheetName, List<String> title, List<List<Object>> rows) {
        return write(List.of(new Tab(sheetName, title, rows)));
    }

    public static byte[] write(List<Tab> tabs) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle money = book.createCellStyle();
            money.setDataFormat(book.createDataFormat().getFormat("#,##0.00"));
            for (Tab tab : tabs) fill(book.createSheet(tab.name()), tab.caption(), tab.title(), tab.rows(), bold, money);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fill(Sheet sheet, List<String> caption, List<String> title, List<List<Object>> rows, CellStyle bold,
            CellStyle money) {
        int r = 0;
        for (String line : caption) {
            sheet.createRow(r).createCell(0).setCellValue(line);
            if (r++ == 0) sheet.getRow(0).getCell(0).setCellStyle(bold);
        }
        Row head = sheet.createRow(r++);
        for (int c = 0; c < title.size(); c++) {
            head.createCell(c).setCellValue(title.get(c));
            head.getCell(c).setCellStyle(bold);
        }
        for (List<Object> values : rows) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < values.size(); c++) {
                Object v = values.get(c);
                if (v instanceof BigDecimal d) {
                    row.createCell(c).setCellValue(d.doubleValue());
                    row.getCell(c).setCellStyle(money);
                } else if (v instanceof Number n) {
                    row.createCell(c).setCellValue(n.doubleValue());
                } else if (v != null) {
                    row.createCell(c).setCellValue(v.toString());
                }
            }
        }
        for (int c = 0; c < title.size(); c++) sheet.setColumnWidth(c, 18 * 256);
    }
}
