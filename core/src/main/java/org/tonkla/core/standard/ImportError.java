package org.tonkla.core.standard;

/**
 * One problem in an imported catalogue, located as a person sees the sheet.
 *
 * @param row the 1-based row number, the header being row 1 (as in a spreadsheet)
 * @param column the header name of the column, or {@code ""} for a whole-row problem
 * @param found what the cell holds (may be empty)
 * @param expected what the cell should hold
 */
public record ImportError(int row, String column, String found, String expected) {

    /** An English sentence for logs and the admin page, e.g. {@code row 4, column age_group: expected ก or ข, found ''}. */
    public String message() {
        String where = column.isEmpty() ? "row " + row : "row " + row + ", column " + column;
        return where + ": expected " + expected + ", found '" + found + "'";
    }

    @Override
    public String toString() {
        return message();
    }
}
