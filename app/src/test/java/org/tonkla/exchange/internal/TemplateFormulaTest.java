package org.tonkla.exchange.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.tonkla.exchange.TemplateKind;

/** A template cell holding a formula reads as the value Excel saved with it, never as the formula's text. */
class TemplateFormulaTest {

    @Test
    void formulaCellsReadAsTheirCachedValues() throws Exception {
        TemplateKind kind = TemplateKind.MEASUREMENTS;
        String textKey = kind.columns().get(0).key();
        String numberKey = kind.columns().get(1).key();
        byte[] filled;
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(TemplateFiles.workbook(kind)))) {
            var row = book.getSheetAt(0).createRow(2);
            var text = row.createCell(0);
            text.setCellFormula("CONCATENATE(\"ab\",\"c\")");
            text.setCellValue("abc");
            var number = row.createCell(1);
            number.setCellFormula("10+2.5");
            number.setCellValue(12.5);
            assertThat(text.getCellType()).isEqualTo(CellType.FORMULA);
            var out = new ByteArrayOutputStream();
            book.write(out);
            filled = out.toByteArray();
        }
        var line = TemplateSheet.read(kind, filled).lines().getFirst();
        assertThat(line.values().get(textKey)).isEqualTo("abc");
        assertThat(line.values().get(numberKey)).isEqualTo("12.5");
    }
}
