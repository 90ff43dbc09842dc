package org.tonkla.indicators.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.tonkla.indicators.Indicators;

/**
 * What the dashboard's chart and map draw (issue 15 §2): the indicator per part of the area (provinces of the country,
 * districts of a province, subdistricts of a district) beside the province's and the country's value, and the file name
 * a downloaded chart image gets. Only the table's published counts go to the page; the map is drawn from Tonkla's own
 * boundary files (provinces and districts: there are none for subdistricts, so a district's parts are charted only).
 */
final class IndicatorCharts {

    private IndicatorCharts() {}

    static Map<String, Object> of(Indicators.Table table, int yearBe, MessageSource messages, Locale locale) {
        String code = table.indicator().code();
        String title = messages.getMessage("indicators.heading", new Object[] {
                messages.getMessage("indicators.name." + code, null, code, locale), String.valueOf(yearBe)}, locale); // text: a number would print "2,569"
        List<Map<String, Object>> parts = new ArrayList<>();
        for (Indicators.Value v : table.parts()) {
            parts.add(Map.of("code", v.code(), "name", v.name(locale), "value", v.percent() == null ? "" : v.percent(),
                    "numerator", v.numerator(), "denominator", v.denominator()));
        }
        List<Map<String, Object>> compare = new ArrayList<>();
        List<Indicators.Value> comparison = table.comparison(); // each area once, by code
        for (Indicators.Value v : comparison) {
            if (v.percent() == null) continue;
            // A subdistrict may bear its district's name (ดุสิต in ดุสิต): then each bar says its code too.
            boolean shared = comparison.stream().filter(o -> o.name(locale).equals(v.name(locale))).count() > 1;
            compare.add(Map.of("name", shared ? v.name(locale) + " (" + v.code() + ")" : v.name(locale), "value", v.percent()));
        }
        String area = table.areaCode();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("title", title);
        data.put("parts", parts);
        data.put("compare", compare);
        data.put("mapLevel", area == null ? "province" : area.length() == 2 ? "district" : "");
        data.put("province", area == null ? "" : area);
        data.put("provincesFile", "/geo/provinces_simplified.geojson");
        data.put("districtsFile", "/geo/districts_simplified.geojson");
        data.put("percentLabel", messages.getMessage("indicators.col.percent", null, locale));
        data.put("mapTip", messages.getMessage("indicators.chart.mapTip", null, locale));
        data.put("mapNone", messages.getMessage("indicators.chart.mapNone", null, locale));
        data.put("fileName", "tonkla-" + code + "-" + (area == null ? "TH" : area) + "-" + yearBe);
        return data;
    }
}
