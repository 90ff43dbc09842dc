package org.tonkla.indicators.web;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tonkla.assessment.Monitoring;
import org.tonkla.directory.Directory;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.Users;
import org.tonkla.indicators.Budget;
import org.tonkla.indicators.IndicatorDefinitions;
import org.tonkla.indicators.IndicatorBreakdown;
import org.tonkla.indicators.Indicators;
import org.tonkla.indicators.QuarterTrend;
import org.tonkla.indicators.internal.Sheets;
import org.tonkla.platform.InvalidInput;

/** Officers' dashboard: one indicator, an area and its sub-areas, the comparisons, the Excel exports. */
@Controller
class IndicatorPages {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private final Indicators indicators;
    private final Budget budget;
    private final Users users;
    private final Directory directory;
    private final MessageSource messages;
    private final Clock clock;
    private final Monitoring monitoring;

    private final IndicatorBreakdown breakdown;
    private final QuarterTrend quarters;
    private final org.tonkla.platform.ThaiDates dates;

    IndicatorPages(Indicators indicators, Budget budget, Users users, Directory directory, MessageSource messages, Clock clock,
            Monitoring monitoring, IndicatorBreakdown breakdown, QuarterTrend quarters, org.tonkla.platform.ThaiDates dates) {
        this.dates = dates;
        this.quarters = quarters;
        this.breakdown = breakdown;
        this.monitoring = monitoring;
        this.indicators = indicators;
        this.budget = budget;
        this.users = users;
        this.directory = directory;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/indicators")
    String dashboard(@RequestParam(defaultValue = "stunting") String indicator, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String area, @RequestParam(required = false) String by, Model model) {
        CurrentUser user = users.require();
        String where = area == null || area.isBlank() ? indicators.homeArea(user) : area;
        int yearCe = yearCe(year);
        Indicators.Table table = indicators.table(user, indicator, yearCe, where);
        if (by != null && !by.isBlank()) { // only when asked: it reads the unit-level cells
            model.addAttribute("by", by.toLowerCase(java.util.Locale.ROOT));
            model.addAttribute("breakdown", breakdown.of(user, indicator, yearCe, where, IndicatorBreakdown.By.of(by)));
        }
        model.addAttribute("table", table);
        model.addAttribute("yearBe", yearCe + 543);
        model.addAttribute("yearLabel", String.valueOf(yearCe + 543));
        Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        model.addAttribute("chartData", IndicatorCharts.of(table, yearCe + 543, messages, locale));
        // The last quarters whatever the year chosen: a trend up to today (one small index read, QuarterTrend).
        QuarterTrend.Trend trend = quarters.of(user, indicator, where);
        model.addAttribute("trend", trend);
        if (!trend.points().isEmpty()) {
            model.addAttribute("quarterNames", trend.points().stream().map(p -> QuarterCharts.label(p, messages, locale)).toList());
            model.addAttribute("quarterData", QuarterCharts.of(trend, indicator, where, messages, locale));
        }
        // Center assessment results by standard come from the assessment module's own monitoring (its API),
        // for the country, a province or a district (it does not go below district).
        if (where == null || where.length() <= 4) {
            model.addAttribute("standards", monitoring.standards(new Monitoring.Query(yearCe + 543, where, null,
                    Monitoring.ListFilter.ALL), user));
        }
        // This year and the six before, as far as the records of children under 6 reach; a year typed in the address
        // stays selectable.
        List<Integer> years = new ArrayList<>();
        for (int y = thisYear(); y >= thisYear() - 6; y--) years.add(y + 543);
        if (!years.contains(yearCe + 543)) years.add(yearCe + 543);
        model.addAttribute("years", years);
        model.addAttribute("definitions", indicators.definitions().indicators());
        model.addAttribute("lineage", where == null ? List.of() : directory.lineage(where));
        model.addAttribute("province", where == null ? null : where.substring(0, 2));
        // The areas above the user's own are named, not linked (a district committee would be refused its province),
        // and the province's budget is offered to those who may see the whole province.
        model.addAttribute("home", indicators.homeArea(user));
        model.addAttribute("costs", budget.unitCosts());
        model.addAttribute("admin", user.role() == org.tonkla.identity.Role.ADMINISTRATOR);
        return "indicators/dashboard";
    }

    @GetMapping("/indicators/export.xlsx")
    ResponseEntity<byte[]> export(@RequestParam(defaultValue = "stunting") String indicator,
            @RequestParam(required = false) Integer year, @RequestParam(required = false) String area, Locale locale) {
        CurrentUser user = users.require();
        String where = area == null || area.isBlank() ? indicators.homeArea(user) : area;
        Indicators.Table table = indicators.table(user, indicator, yearCe(year), where);
        List<List<Object>> rows = new ArrayList<>();
        for (Indicators.Value v : table.parts()) rows.add(row(v, locale));
        for (Indicators.Value v : table.comparison()) rows.add(row(v, locale));
        // A sheet name holds 31 characters and no : \\ / ? * [ ]: the indicator's name before its explanation in
        // brackets when that is a valid name, else its code (a Thai name cut at 31 characters ends mid-syllable).
        String name = msg("indicators.name." + table.indicator().code(), locale).replaceFirst("\\s*\\(.*$", "");
        if (name.length() > 31 || !name.equals(org.apache.poi.ss.util.WorkbookUtil.createSafeSheetName(name))) {
            name = table.indicator().code();
        }
        var tabs = new ArrayList<Sheets.Tab>(List.of(new Sheets.Tab(name, List.of(msg("indicators.col.code", locale),
                msg("indicators.col.area", locale), msg("indicators.col.numerator", locale),
                msg("indicators.col.denominator", locale), msg("indicators.col.percent", locale)), rows)));
        QuarterTrend.Trend trend = quarters.of(user, indicator, where);
        if (!trend.points().isEmpty()) tabs.add(QuarterCharts.sheet(trend, where, messages, locale));
        if (where == null || where.length() <= 4) tabs.add(standardsSheet(user, yearCe(year), where, locale));
        byte[] file = Sheets.write(tabs);
        // The area in the name (the country: TH), so exports of two areas do not overwrite one another.
        return download(file, "indicator-" + table.indicator().code() + "-" + (where == null ? "TH" : where) + "-"
                + (table.yearCe() + 543) + ".xlsx");
    }

    /** The centers' assessment results by standard for the area and year, as the dashboard shows them. */
    private Sheets.Tab standardsSheet(CurrentUser user, int yearCe, String where, Locale locale) {
        List<List<Object>> rows = new ArrayList<>();
        for (var d : monitoring.standards(new Monitoring.Query(yearCe + 543, where, null, Monitoring.ListFilter.ALL), user)) {
            List<Object> row = new ArrayList<>();
            row.add("overall".equals(d.key()) ? msg("assessment.overall", locale)
                    : msg("assessment.standard.short", new Object[] {d.standard()}, locale));
            for (int n : d.levels()) row.add(n);
            rows.add(row);
        }
        List<String> header = new ArrayList<>(List.of(msg("indicators.standards.col", locale)));
        for (int level = 0; level <= 3; level++) header.add(msg("assessment.level." + level, locale));
        return new Sheets.Tab(msg("indicators.standards.sheet", locale), header, rows);
    }

    @GetMapping("/indicators/budget.xlsx")
    ResponseEntity<byte[]> budgetTable(@RequestParam(required = false) String province,
            @RequestParam(required = false) Integer year, Locale locale) {
        CurrentUser user = users.require();
        String p = province == null || province.isBlank()
                ? (indicators.homeArea(user) == null ? null : indicators.homeArea(user).substring(0, 2)) : province;
        int yearCe = yearCe(year);
        List<Budget.Line> lines = budget.lines(user, p, yearCe);
        List<String> title = new ArrayList<>(List.of(msg("indicators.col.code", locale), msg("indicators.col.district", locale)));
        for (IndicatorDefinitions.Service s : budget.services()) {
            String service = msg("indicators.service." + s.code(), locale);
            title.add(msg("indicators.budget.children", new Object[] {service}, locale));
            title.add(msg("indicators.budget.cost", new Object[] {service}, locale));
            title.add(msg("indicators.budget.amount", new Object[] {service}, locale));
        }
        title.add(msg("indicators.budget.total", locale));
        var costs = budget.unitCosts();
        List<List<Object>> rows = new ArrayList<>();
        BigDecimal grand = BigDecimal.ZERO;
        for (Budget.Line line : lines) {
            List<Object> row = new ArrayList<>(List.of(line.district().code(), line.district().name(locale)));
            for (int i = 0; i < budget.services().size(); i++) {
                row.add(line.children().get(i));
                row.add(costs.get(budget.services().get(i).code()));
                row.add(line.amounts().get(i));
            }
            row.add(line.total());
            grand = grand.add(line.total());
            rows.add(row);
        }
        // The province's line: per service the children and the amount summed over the districts (a unit cost is not
        // summed), then the grand total.
        List<Object> total = new ArrayList<>(List.of(p, msg("indicators.budget.total", locale)));
        for (int i = 0; i < budget.services().size(); i++) {
            long children = 0;
            BigDecimal amount = BigDecimal.ZERO;
            for (Budget.Line line : lines) {
                children += line.children().get(i);
                amount = amount.add(line.amounts().get(i));
            }
            total.add(children);
            total.add(null);
            total.add(amount);
        }
        total.add(grand);
        rows.add(total);
        // The year as text: MessageFormat would print 2568 as "2,568".
        // Above the table: whose budget, which year's children, and the unit costs' date, so a printed copy says so.
        String provinceName = directory.area(p).map(a -> a.name(locale)).orElse(p);
        List<String> caption = List.of(
                msg("indicators.budget.caption", new Object[] {provinceName, String.valueOf(yearCe + 543)}, locale),
                msg("indicators.budget.asOf", new Object[] {dates.date(LocalDate.now(clock.withZone(org.tonkla.platform.ThaiDates.BANGKOK))),
                        budget.unitCostsChanged().map(dates::dateTime).orElse(msg("indicators.budget.shippedCosts", locale))}, locale),
                // A column of zeros is often a survey not yet made (no household's income recorded), not no need.
                msg("indicators.budget.recorded", locale));
        byte[] file = Sheets.write(List.of(new Sheets.Tab(
                msg("indicators.budget.sheet", new Object[] {String.valueOf(yearCe + 543)}, locale), caption, title, rows)));
        return download(file, "budget-" + p + "-" + (yearCe + 543) + ".xlsx");
    }

    @PostMapping("/indicators/unit-costs")
    String unitCost(@RequestParam String service, @RequestParam String cost, @RequestParam(required = false) String indicator,
            @RequestParam(required = false) String year, @RequestParam(required = false) String area) {
        BigDecimal amount;
        try {
            amount = new BigDecimal(cost.trim().replace(",", "")); // "1,500" as Thai users write it
        } catch (NumberFormatException e) {
            throw InvalidInput.explained("indicators.error.cost", "cost", "an amount in baht");
        }
        budget.setUnitCost(users.require(), service, amount);
        // Back to the dashboard the administrator was looking at (the values only as query parameters, encoded).
        return "redirect:" + org.springframework.web.util.UriComponentsBuilder.fromPath("/indicators")
                .queryParamIfPresent("indicator", java.util.Optional.ofNullable(indicator).filter(v -> v.matches("[a-z0-9_]{1,60}")))
                .queryParamIfPresent("year", java.util.Optional.ofNullable(year).filter(v -> v.matches("\\d{4}")))
                .queryParamIfPresent("area", java.util.Optional.ofNullable(area).filter(v -> v.matches("\\d{2}|\\d{4}|\\d{6}")))
                .build().toUriString();
    }

    private List<Object> row(Indicators.Value v, Locale locale) {
        return List.of(v.code(), v.name(locale), v.numerator(), v.denominator(), v.percent() == null ? "" : v.percent());
    }

    private int yearCe(Integer yearBe) {
        if (yearBe == null) return thisYear();
        // No year after this one: a future year is a page of zeros that looks like data.
        if (yearBe < 2500 || yearBe > thisYear() + 543) {
            throw InvalidInput.explained("indicators.error.year", "year", "a Buddhist-era year from 2500 to " + (thisYear() + 543));
        }
        return yearBe - 543;
    }

    private int thisYear() {
        return LocalDate.now(clock).getYear();
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private String msg(String key, Object[] args, Locale locale) {
        return messages.getMessage(key, args, key, locale);
    }

    static ResponseEntity<byte[]> download(byte[] file, String name) {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(file);
    }
}
