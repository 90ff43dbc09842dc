package org.tonkla.indicators;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tonkla.directory.Directory;
import org.tonkla.identity.CurrentUser;
import org.tonkla.platform.InvalidInput;

/**
 * One indicator of an area cut by sex, age group, agency or center (issue 15 §1: every indicator disaggregated by
 * them). Read from the unit-level cells, which carry each of these, for one area only and only when asked, so the
 * dashboard's own time is not touched; centers only within a district or a subdistrict (a province has thousands).
 */
@Component
public class IndicatorBreakdown {

    /** What to cut by, and the cell column that holds it. */
    public enum By {
        SEX("sex"), AGE_GROUP("age_group"), AGENCY("agency_code"), CENTER("unit_id");

        private final String column;

        By(String column) {
            this.column = column;
        }

        /** The value of a {@code by} request parameter ({@code sex}, {@code age_group}, {@code agency}, {@code center}). */
        public static By of(String parameter) {
            for (By b : values()) {
                if (b.name().equalsIgnoreCase(parameter) || b.name().equalsIgnoreCase(parameter.replace('-', '_'))) return b;
            }
            throw InvalidInput.explained("indicators.error.by", "by", "sex, age_group, agency or center");
        }
    }

    private final JdbcClient jdbc;
    private final Indicators indicators;
    private final Directory directory;

    IndicatorBreakdown(JdbcClient jdbc, Indicators indicators, Directory directory) {
        this.jdbc = jdbc;
        this.indicators = indicators;
        this.directory = directory;
    }

    /**
     * The indicator's numerator and denominator per value of {@code by} in {@code areaCode} (null: the country).
     *
     * @throws org.tonkla.platform.Refused when the area is outside the officer's scope (as the dashboard)
     * @throws InvalidInput {@code by} when centers are asked for above a district
     */
    public List<Indicators.Value> of(CurrentUser user, String indicatorCode, int yearCe, String areaCode, By by) {
        indicators.requireArea(user, areaCode);
        if (by == By.CENTER && (areaCode == null || areaCode.length() < 4)) {
            throw InvalidInput.explained("indicators.error.byCenter", "by", "centers within a district or a subdistrict");
        }
        IndicatorDefinitions.Indicator indicator = indicators.definitions().indicator(indicatorCode);
        String where = areaCode == null ? "" : " AND " + Indicators.areaColumn(areaCode) + " = :area";
        var spec = jdbc.sql("SELECT " + by.column + " AS key, coalesce(sum(n) FILTER (WHERE fact = :num), 0) AS num,"
                        + " coalesce(sum(n) FILTER (WHERE fact = :den), 0) AS den FROM indicator_cell"
                        + " WHERE year_ce = :year AND fact IN (:num, :den)" + where + " GROUP BY 1 ORDER BY 1")
                .param("num", indicator.numerator()).param("den", indicator.denominator()).param("year", yearCe);
        if (areaCode != null) spec = spec.param("area", areaCode);
        List<Indicators.Value> rows = new ArrayList<>();
        spec.query((rs, i) -> {
            String key = rs.getString("key");
            String[] name = name(by, key);
            return rows.add(new Indicators.Value(key, name[0], name[1], rs.getLong("num"), rs.getLong("den")));
        }).list();
        return rows;
    }

    private String[] name(By by, String key) {
        if (key == null || key.isEmpty()) return new String[] {"ไม่ระบุ", "Not recorded"};
        return switch (by) {
            case SEX -> "M".equals(key) ? new String[] {"ชาย", "Boys"} : "F".equals(key) ? new String[] {"หญิง", "Girls"}
                    : new String[] {key, key};
            case AGE_GROUP -> new String[] {"อายุ " + key + " ปี", key + " years old"};
            case AGENCY -> directory.agency(key).map(a -> new String[] {a.nameTh(), a.nameEn()}).orElse(new String[] {key, key});
            case CENTER -> unit(key);
        };
    }

    private String[] unit(String key) {
        try {
            return directory.serviceUnit(UUID.fromString(key)).map(u -> new String[] {u.nameTh(), u.nameEn() == null ? u.nameTh() : u.nameEn()})
                    .orElse(new String[] {key, key});
        } catch (IllegalArgumentException e) {
            return new String[] {key, key};
        }
    }
}
