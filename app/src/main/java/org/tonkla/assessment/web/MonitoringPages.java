package org.tonkla.assessment.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tonkla.assessment.AssessmentStatus;
import org.tonkla.assessment.CenterAssessments;
import org.tonkla.assessment.Monitoring;
import org.tonkla.assessment.internal.MonitoringWorkbook;
import org.tonkla.directory.AreaLevel;
import org.tonkla.directory.Directory;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.Users;

/**
 * Part 2: the officer's dashboard for an area, a year and an affiliation, with the list of centers
 * under it (not submitted by default) and the Excel export of the same selection.
 */
@Controller
class MonitoringPages {

    private static final int PAGE_SIZE = 100;
    private final Monitoring monitoring;
    private final CenterAssessments assessments;
    private final Directory directory;
    private final Users users;
    private final MonitoringWorkbook workbook;
    private final org.springframework.context.MessageSource messages;
    private final org.tonkla.assessment.Reminders reminders;

    MonitoringPages(Monitoring monitoring, CenterAssessments assessments, Directory directory, Users users,
            MonitoringWorkbook workbook, org.springframework.context.MessageSource messages,
            org.tonkla.assessment.Reminders reminders) {
        this.messages = messages;
        this.reminders = reminders;
        this.monitoring = monitoring;
        this.assessments = assessments;
        this.directory = directory;
        this.users = users;
        this.workbook = workbook;
    }

    @GetMapping("/assessment/monitoring")
    String dashboard(@RequestParam(required = false) Integer year, @RequestParam(required = false) String area,
            @RequestParam(required = false) String agency, @RequestParam(required = false) Monitoring.ListFilter list,
            @RequestParam(defaultValue = "1") int page, Model model, Locale locale) {
        CurrentUser user = users.require();
        Monitoring.Query query = query(user, year, area, agency, list);
        int current = Math.max(1, page);
        Monitoring.Report report = monitoring.report(query, user, (current - 1) * PAGE_SIZE, PAGE_SIZE);
        model.addAttribute("page", current);
        model.addAttribute("pages", Math.max(1, (report.listTotal() + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("pageStart", (current - 1) * PAGE_SIZE);
        model.addAttribute("report", report);
        model.addAttribute("query", query);
        model.addAttribute("statuses", AssessmentStatus.values());
        model.addAttribute("years", List.of(assessments.currentYearBe(), assessments.currentYearBe() - 1,
                assessments.currentYearBe() - 2));
        model.addAttribute("lineage", query.areaCode() == null ? List.of() : directory.lineage(query.areaCode()));
        model.addAttribute("homeArea", monitoring.homeArea(user));
        // Areas the user can switch to: the provinces for a national scope, the districts of a province.
        String home = monitoring.homeArea(user);
        model.addAttribute("provinces", home == null ? directory.areasAtLevel(AreaLevel.PROVINCE) : List.of());
        String province = query.areaCode() == null ? null : query.areaCode().substring(0, 2);
        model.addAttribute("districts", province == null || (home != null && home.length() > 2) ? List.of()
                : directory.childrenOf(province));
        Map<String, String> agencyNames = new LinkedHashMap<>();
        directory.agencies().forEach(a -> agencyNames.put(a.code(), a.name(locale)));
        model.addAttribute("agencyNames", agencyNames);
        model.addAttribute("mapLevel", query.areaCode() == null ? "province" : query.areaCode().length() == 2 ? "district" : "");
        List<Map<String, Object>> mapData = new ArrayList<>();
        for (Monitoring.AreaRow row : report.areas()) {
            if (row.centers() == 0) continue;
            mapData.add(Map.of("code", "TH" + row.code(), "name", row.name(locale), "value", row.completeness(),
                    "centers", row.centers()));
        }
        model.addAttribute("mapData", mapData);
        List<Map<String, Object>> standardsData = new ArrayList<>();
        for (Monitoring.Distribution d : report.standards()) {
            standardsData.add(Map.of("key", d.key(), "levels", java.util.Arrays.stream(d.levels()).boxed().toList()));
        }
        Map<String, Object> chartData = new LinkedHashMap<>();
        chartData.put("standards", standardsData);
        chartData.put("labels", java.util.Arrays.stream(org.tonkla.core.standard.ItemLevel.values())
                .map(l -> messages.getMessage("assessment.level." + l.score(), null, locale)).toList());
        chartData.put("overallLabel", messages.getMessage("assessment.overall", null, locale));
        chartData.put("standardWord", messages.getMessage("assessment.standard.word", null, locale));
        chartData.put("mapData", mapData);
        chartData.put("mapTip", messages.getMessage("assessment.monitoring.mapTip", null, locale));
        chartData.put("mapNone", messages.getMessage("assessment.monitoring.mapNone", null, locale));
        chartData.put("mapLevel", query.areaCode() == null ? "province" : query.areaCode().length() == 2 ? "district" : "");
        chartData.put("province", query.areaCode() == null ? "" : query.areaCode());
        chartData.put("districtsFile", "/geo/districts_simplified.geojson");
        chartData.put("provincesFile", "/geo/provinces_simplified.geojson");
        chartData.put("monitoringUrl", "/assessment/monitoring");
        chartData.put("year", query.yearBe());
        model.addAttribute("chartData", chartData);
        Map<String, String> districtNames = new java.util.HashMap<>();
        (province == null ? directory.areasAtLevel(AreaLevel.DISTRICT) : directory.childrenOf(province))
                .forEach(a -> districtNames.put(a.code(), a.name(locale)));
        model.addAttribute("districtNames", districtNames);
        remindable(report, query, user, model);
        return "assessment/monitoring";
    }

    @GetMapping("/assessment/monitoring/export.xlsx")
    ResponseEntity<byte[]> export(@RequestParam(required = false) Integer year, @RequestParam(required = false) String area,
            @RequestParam(required = false) String agency, @RequestParam(required = false) Monitoring.ListFilter list) {
        CurrentUser user = users.require();
        Monitoring.Query query = query(user, year, area, agency, list == null ? Monitoring.ListFilter.ALL : list);
        Monitoring.Report report = monitoring.report(query, user, Integer.MAX_VALUE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            workbook.write(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = "assessment-" + query.yearBe() + (query.areaCode() == null ? "" : "-" + query.areaCode()) + ".xlsx";
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .body(out.toByteArray());
    }

    /** The listed centers the officer may remind (this year's sheet not handed in), and those reminded today. */
    private void remindable(Monitoring.Report report, Monitoring.Query query, CurrentUser user, Model model) {
        java.util.Set<java.util.UUID> remindable = query.yearBe() != assessments.currentYearBe() ? java.util.Set.of()
                : report.list().stream().filter(c -> org.tonkla.assessment.Reminders.notHandedIn(c.status()))
                        .map(Monitoring.CenterRow::unitId).filter(id -> assessments.mayReview(user, id))
                        .collect(java.util.stream.Collectors.toSet());
        model.addAttribute("remindable", remindable);
        model.addAttribute("remindedToday", reminders.remindedToday(remindable));
        model.addAttribute("remindBack", org.springframework.web.util.UriComponentsBuilder.fromPath("/assessment/monitoring")
                .queryParam("year", query.yearBe()).queryParamIfPresent("area", java.util.Optional.ofNullable(query.areaCode()))
                .queryParamIfPresent("agency", java.util.Optional.ofNullable(query.agencyCode()))
                .queryParam("list", query.list().name()).build().toUriString());
    }

    private Monitoring.Query query(CurrentUser user, Integer year, String area, String agency, Monitoring.ListFilter list) {
        String chosen = area == null || area.isBlank() ? monitoring.homeArea(user) : area.strip();
        // Monitoring goes down to districts; a subdistrict link shows its district.
        if (chosen != null && chosen.matches("\\d{6}")) chosen = chosen.substring(0, 4);
        if (chosen != null && !chosen.matches("\\d{2}|\\d{4}")) {
            throw new org.tonkla.platform.InvalidInput("area", "a province (2 digits), district (4 digits) or subdistrict (6 digits) DOPA code");
        }
        return new Monitoring.Query(year == null ? assessments.currentYearBe() : year, chosen,
                agency == null || agency.isBlank() ? null : agency.strip(),
                list == null ? Monitoring.ListFilter.NOT_SUBMITTED : list);
    }
}
