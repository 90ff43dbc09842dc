package org.tonkla.assessment.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tonkla.assessment.CenterAssessments;
import org.tonkla.assessment.Monitoring;
import org.tonkla.assessment.StandardReports;
import org.tonkla.assessment.internal.ReportWorkbooks;
import org.tonkla.directory.Directory;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.Users;
import org.tonkla.platform.InvalidInput;

/**
 * The DCY-style reports in Excel for the monitoring selection (year, area, affiliation): REP004, the
 * items needing improvement per center, and REP006, the levels of every item.
 */
@Controller
class ReportPages {

    private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final StandardReports reports;
    private final ReportWorkbooks workbooks;
    private final Monitoring monitoring;
    private final CenterAssessments assessments;
    private final Directory directory;
    private final Users users;

    ReportPages(StandardReports reports, ReportWorkbooks workbooks, Monitoring monitoring, CenterAssessments assessments,
            Directory directory, Users users) {
        this.reports = reports;
        this.workbooks = workbooks;
        this.monitoring = monitoring;
        this.assessments = assessments;
        this.directory = directory;
        this.users = users;
    }

    @GetMapping("/assessment/reports/improvement.xlsx")
    ResponseEntity<byte[]> improvement(@RequestParam(required = false) Integer year, @RequestParam(required = false) String area,
            @RequestParam(required = false) String agency) {
        CurrentUser user = users.require();
        Monitoring.Query query = query(user, year, area, agency);
        var rows = reports.itemsNeedingImprovement(query, user);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            workbooks.improvement(query.yearBe(), label(query), rows, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file("rep004", query, out);
    }

    @GetMapping("/assessment/reports/levels.xlsx")
    ResponseEntity<byte[]> levels(@RequestParam(required = false) Integer year, @RequestParam(required = false) String area,
            @RequestParam(required = false) String agency) {
        CurrentUser user = users.require();
        Monitoring.Query query = query(user, year, area, agency);
        var items = reports.levelDistribution(query, user);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            workbooks.levels(query.yearBe(), label(query), items, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file("rep006", query, out);
    }

    private ResponseEntity<byte[]> file(String report, Monitoring.Query query, ByteArrayOutputStream out) {
        String name = report + "-" + query.yearBe() + (query.areaCode() == null ? "" : "-" + query.areaCode())
                + (query.agencyCode() == null ? "" : "-" + query.agencyCode().replaceAll("[^A-Za-z0-9]", "")) + ".xlsx";
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .body(out.toByteArray());
    }

    private String label(Monitoring.Query query) {
        String area = query.areaCode() == null ? "ทั้งประเทศ"
                : directory.area(query.areaCode()).map(a -> a.nameTh()).orElse(query.areaCode());
        return query.agencyCode() == null ? area : area + " · " + query.agencyCode();
    }

    private Monitoring.Query query(CurrentUser user, Integer year, String area, String agency) {
        String chosen = area == null || area.isBlank() ? monitoring.homeArea(user) : area.strip();
        if (chosen != null && chosen.matches("\\d{6}")) chosen = chosen.substring(0, 4);
        if (chosen != null && !chosen.matches("\\d{2}|\\d{4}")) {
            throw new InvalidInput("area", "a province (2 digits) or district (4 digits) DOPA code");
        }
        return new Monitoring.Query(year == null ? assessments.currentYearBe() : year, chosen,
                agency == null || agency.isBlank() ? null : agency.strip(), Monitoring.ListFilter.ALL);
    }
}
