package org.tonkla.referral.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tonkla.identity.Users;
import org.tonkla.referral.ReferralDashboard;
import org.tonkla.referral.ReferralStatus;
import org.tonkla.referral.internal.DashboardWorkbook;

/** The officers' referral dashboard and its Excel export. */
@Controller
class ReferralDashboardPages {

    private final ReferralDashboard dashboard;
    private final DashboardWorkbook workbook;
    private final Users users;

    ReferralDashboardPages(ReferralDashboard dashboard, DashboardWorkbook workbook, Users users) {
        this.dashboard = dashboard;
        this.workbook = workbook;
        this.users = users;
    }

    @GetMapping("/referrals/dashboard")
    String page(@RequestParam(required = false) String area, Model model) {
        model.addAttribute("report", dashboard.report(users.require(), area));
        model.addAttribute("statuses", ReferralStatus.values());
        return "referral/dashboard";
    }

    @GetMapping("/referrals/dashboard.xlsx")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String area) {
        ReferralDashboard.Report report = dashboard.report(users.require(), area);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            workbook.write(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"referrals-" + report.area() + "-" + report.today() + ".xlsx\"")
                .body(out.toByteArray());
    }
}
