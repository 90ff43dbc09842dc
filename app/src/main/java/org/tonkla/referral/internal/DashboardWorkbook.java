package org.tonkla.referral.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.tonkla.referral.ReferralDashboard;
import org.tonkla.referral.ReferralStatus;

/**
 * The officers' dashboard as an Excel workbook, Thai headings. The first sheet lists receiving units with
 * overdue referrals, each row leading with the unit's official code (HOSPCODE, school code) so it can be joined
 * to the agencies' own lists; then by agency, by need type and status, and the days to acceptance and completion.
 */
@Component
public class DashboardWorkbook {

    private static final Locale THAI = Locale.forLanguageTag("th");
    private final MessageSource messages;

    DashboardWorkbook(MessageSource messages) {
        this.messages = messages;
    }

    public void write(ReferralDashboard.Report report, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);

            Sheet units = wb.createSheet(m("referral.dashboard.overdueByUnit"));
            header(units, bold, "referral.dashboard.unitCode", "referral.dashboard.unit", "referral.committee.agency",
                    "referral.dashboard.overdue");
            int r = 1;
            for (var u : report.overdueByUnit()) {
                Row row = units.createRow(r++);
                row.createCell(0).setCellValue(u.code());
                row.createCell(1).setCellValue(u.name());
                row.createCell(2).setCellValue(u.agency());
                row.createCell(3).setCellValue(u.overdue());
            }

            Sheet agencies = wb.createSheet(m("referral.dashboard.overdueByAgency"));
            header(agencies, bold, "referral.committee.agency", "referral.dashboard.overdue");
            r = 1;
            for (Map.Entry<String, Integer> a : report.overdueByAgency().entrySet()) {
                Row row = agencies.createRow(r++);
                row.createCell(0).setCellValue(a.getKey());
                row.createCell(1).setCellValue(a.getValue());
            }

            Sheet matrix = wb.createSheet(m("referral.dashboard.byNeedAndStatus"));
            Row head = matrix.createRow(0);
            cell(head, 0, m("referral.needType"), bold);
            ReferralStatus[] statuses = ReferralStatus.values();
            for (int i = 0; i < statuses.length; i++) cell(head, i + 1, m(statuses[i].messageKey()), bold);
            cell(head, statuses.length + 1, m("referral.dashboard.total"), bold);
            r = 1;
            for (var e : report.byNeedAndStatus().entrySet()) {
                Row row = matrix.createRow(r++);
                row.createCell(0).setCellValue(m("referral.need." + e.getKey()));
                for (int i = 0; i < statuses.length; i++) {
                    row.createCell(i + 1).setCellValue(e.getValue().getOrDefault(statuses[i], 0));
                }
                row.createCell(statuses.length + 1).setCellValue(report.total(e.getKey()));
            }

            Sheet timing = wb.createSheet(m("referral.dashboard.timing"));
            header(timing, bold, "referral.needType", "referral.dashboard.accepted", "referral.dashboard.acceptMedian",
                    "referral.dashboard.acceptP90", "referral.dashboard.completed", "referral.dashboard.completeMedian",
                    "referral.dashboard.completeP90");
            r = 1;
            for (var t : report.timings()) {
                Row row = timing.createRow(r++);
                row.createCell(0).setCellValue(t.needType() == null ? m("referral.dashboard.all") : m("referral.need." + t.needType()));
                row.createCell(1).setCellValue(t.accepted());
                number(row, 2, t.acceptMedian());
                number(row, 3, t.acceptP90());
                row.createCell(4).setCellValue(t.completed());
                number(row, 5, t.completeMedian());
                number(row, 6, t.completeP90());
            }
            wb.write(out);
        }
    }

    private void header(Sheet sheet, CellStyle bold, String... keys) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < keys.length; i++) cell(row, i, m(keys[i]), bold);
    }

    private static void cell(Row row, int i, String text, CellStyle style) {
        var c = row.createCell(i);
        c.setCellValue(text);
        c.setCellStyle(style);
    }

    private static void number(Row row, int i, Double value) {
        if (value != null) row.createCell(i).setCellValue(value);
    }

    private String m(String key) {
        return messages.getMessage(key, null, key, THAI);
    }
}
