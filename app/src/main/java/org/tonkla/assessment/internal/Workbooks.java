package org.tonkla.assessment.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/** Excel workbooks (Apache POI) as rows of text cells, the shape core's CatalogueReader reads. */
public final class Workbooks {

    private Workbooks() {}

    /**
     * The first worksheet as rows of cells, each formatted as Excel shows it (so {@code 1.1} stays
     * {@code 1.1}, not {@code 1.1000000001}). Empty rows stay in place as empty lists, so list index
     * + 1 is the row number a person sees in Excel.
     */
    public static List<List<String>> firstSheetRows(InputStream in) throws IOException {
        try (Workbook workbook = WorkbookFactory.create(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter();
            var evaluator = workbook.getCreationHelper().createFormulaEvaluator();
            List<List<String>> rows = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        Cell cell = row.getCell(c);
                        cells.add(cell == null ? "" : formatter.formatCellValue(cell, evaluator));
                    }
                }
                rows.add(cells);
            }
            return rows;
        }
    }
}
