package org.tonkla.indicators.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.tonkla.indicators.Indicators;
import org.tonkla.indicators.QuarterTrend;

/**
 * What the dashboard's quarterly trend chart draws: one line per area (the area shown, a subdistrict's district, its province, the country) over
 * the quarters, named as the table names them ("ไตรมาส 1/2569"), and the file name a downloaded image gets. Only the
 * percentages of the table on the same page go to it.
 */
final class QuarterCharts {

    private QuarterCharts() {}

    /** The quarter's name, e.g. "ไตรมาส 1/2569" (the year as text: MessageFormat would print "2,569"). */
    static String label(QuarterTrend.Point p, MessageSource messages, Locale locale) {
        return messages.getMessage("indicators.quarter.label", new Object[] {p.number(), String.valueOf(p.yearBe())}, locale);
    }

    static Map<String, Object> of(QuarterTrend.Trend trend, String indicatorCode, String areaCode, MessageSource messages,
            Locale locale) {
        List<QuarterTrend.Point> points = trend.points();
        List<Map<String, Object>> series = new ArrayList<>();
        for (var column : columns(areaCode)) series(series, points, column, locale);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("title", messages.getMessage("indicators.quarter.title", new Object[] {
                messages.getMessage("indicators.name." + indicatorCode, null, indicatorCode, locale)}, locale));
        data.put("quarters", points.stream().map(p -> label(p, messages, locale)).toList());
        data.put("series", series);
        data.put("percentLabel", messages.getMessage("indicators.col.percent", null, locale));
        QuarterTrend.Point last = points.getLast();
        data.put("fileName", "tonkla-" + indicatorCode + "-" + (areaCode == null ? "TH" : areaCode) + "-quarters-"
                + last.number() + "-" + last.yearBe());
        return data;
    }

    /** The areas the chart and the sheet show, as the table on the page: the area, a subdistrict's district, its
     * province (below province level) and the country (below the country). */
    private static List<Function<QuarterTrend.Point, Indicators.Value>> columns(String areaCode) {
        List<Function<QuarterTrend.Point, Indicators.Value>> columns = new ArrayList<>();
        columns.add(QuarterTrend.Point::area);
        if (areaCode != null && areaCode.length() == 6) columns.add(QuarterTrend.Point::district);
        if (areaCode != null && areaCode.length() > 2) columns.add(QuarterTrend.Point::province);
        if (areaCode != null) columns.add(QuarterTrend.Point::country);
        return columns;
    }

    /**
     * The trend as a sheet of the dashboard's workbook: a row per quarter, the numerator, denominator and percentage of
     * the area, a subdistrict's district, its province (below province level) and the country (below the country), as the table on the page.
     */
    static org.tonkla.indicators.internal.Sheets.Tab sheet(QuarterTrend.Trend trend, String areaCode, MessageSource messages,
            Locale locale) {
        List<QuarterTrend.Point> points = trend.points();
        List<Function<QuarterTrend.Point, Indicators.Value>> columns = columns(areaCode);
        List<String> title = new ArrayList<>(List.of(messages.getMessage("indicators.quarter.col", null, locale)));
        for (var column : columns) {
            String name = column.apply(points.getFirst()).name(locale);
            for (String key : List.of("indicators.col.numerator", "indicators.col.denominator", "indicators.col.percent")) {
                title.add(name + " – " + messages.getMessage(key, null, locale));
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        for (QuarterTrend.Point p : points) {
            List<Object> row = new ArrayList<>(List.of(label(p, messages, locale)));
            for (var column : columns) {
                var v = column.apply(p);
                row.add(v.numerator());
                row.add(v.denominator());
                row.add(v.percent() == null ? "" : v.percent());
            }
            rows.add(row);
        }
        return new org.tonkla.indicators.internal.Sheets.Tab(messages.getMessage("indicators.quarter.heading", null, locale),
                title, rows);
    }

    private static void series(List<Map<String, Object>> out, List<QuarterTrend.Point> points,
            Function<QuarterTrend.Point, Indicators.Value> of, Locale locale) {
        List<Object> values = new ArrayList<>();
        for (QuarterTrend.Point p : points) {
            var v = of.apply(p);
            values.add(v.percent() == null ? "" : v.percent());
        }
        out.add(Map.of("name", of.apply(points.getFirst()).name(locale), "values", values));
    }
}
