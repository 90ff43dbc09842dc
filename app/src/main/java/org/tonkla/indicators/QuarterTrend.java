package org.tonkla.indicators;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tonkla.identity.CurrentUser;
import org.tonkla.indicators.IndicatorDefinitions.Indicator;

/**
 * An indicator's quarterly trend (issue 15 §2): its numerator and denominator in each of the last quarters for an
 * area, beside a subdistrict's district, its province and the country, from {@code indicator_quarter_cell}. One query of at most 64 index
 * entries (4 areas × 2 facts × 8 quarters), so the province dashboard stays within its time. Officers only (as the
 * dashboard); the trend is not open data.
 */
@Component
public class QuarterTrend {

    /** One quarter: its first day, its number and B.E. year under the scheme, and the area's, province's, country's value. */
    public record Point(LocalDate start, int number, int yearBe, Indicators.Value area, Indicators.Value district,
            Indicators.Value province, Indicators.Value country) {}

    /** The trend, oldest quarter first; {@code scheme} names the quarters; empty when the indicator has none. */
    public record Trend(QuarterScheme scheme, boolean schemeVerified, List<Point> points) {}

    /** The trend's one read: a range of the primary key (area, fact, quarter) per area and fact (QuarterTrendTest). */
    static final String SQL = """
            SELECT area_code, quarter_start, coalesce(sum(n) FILTER (WHERE fact = :num), 0) AS num,
                   coalesce(sum(n) FILTER (WHERE fact = :den), 0) AS den
              FROM indicator_quarter_cell
             WHERE area_code IN (:areas) AND fact IN (:num, :den) AND quarter_start BETWEEN :from AND :today
             GROUP BY 1, 2""";

    private final JdbcClient jdbc;
    private final Indicators indicators;
    private final Clock clock;

    QuarterTrend(org.tonkla.platform.ReadReplica reads, Indicators indicators, Clock clock) {
        this.jdbc = reads.jdbc(); // aggregate cells only, as the dashboard's tables
        this.indicators = indicators;
        this.clock = clock;
    }

    /**
     * The trend of {@code indicatorCode} for {@code areaCode} (null: the country).
     *
     * @throws org.tonkla.platform.Refused when the area is outside the officer's scope (as the dashboard)
     */
    public Trend of(CurrentUser user, String indicatorCode, String areaCode) {
        indicators.requireArea(user, areaCode);
        IndicatorDefinitions.Quarters quarters = indicators.definitions().quarters();
        Indicator indicator = indicators.definitions().indicator(indicatorCode);
        if (!quarters.has(indicator)) return new Trend(quarters.scheme(), quarters.verified(), List.of());
        LocalDate today = LocalDate.now(clock);
        LocalDate from = quarters.firstShown(today);
        String area = areaCode == null ? "" : areaCode;
        String province = area.isEmpty() ? "" : area.substring(0, 2);
        String district = area.length() == 6 ? area.substring(0, 4) : ""; // a subdistrict's, as its table compares
        Set<String> areas = new LinkedHashSet<>(List.of(area, district, province, ""));
        Map<String, long[]> sums = new HashMap<>();
        jdbc.sql(SQL)
                .param("areas", areas).param("num", indicator.numerator()).param("den", indicator.denominator())
                .param("from", from).param("today", today)
                .query((rs, i) -> sums.put(rs.getString(1) + "|" + rs.getObject(2, LocalDate.class),
                        new long[] {rs.getLong(3), rs.getLong(4)}))
                .list();
        Indicators.Value areaName = indicators.named(areaCode, new long[2]);
        Indicators.Value districtName = district.isEmpty() ? null : indicators.named(district, new long[2]);
        Indicators.Value provinceName = province.isEmpty() ? null : indicators.named(province, new long[2]);
        Indicators.Value countryName = indicators.named(null, new long[2]);
        List<Point> points = new ArrayList<>();
        for (LocalDate q = from; !q.isAfter(today); q = q.plusMonths(3)) {
            points.add(new Point(q, quarters.scheme().number(q), quarters.scheme().yearBe(q), at(areaName, sums, area, q),
                    districtName == null ? null : at(districtName, sums, district, q),
                    provinceName == null ? null : at(provinceName, sums, province, q), at(countryName, sums, "", q)));
        }
        return new Trend(quarters.scheme(), quarters.verified(), points);
    }

    private static Indicators.Value at(Indicators.Value name, Map<String, long[]> sums, String area, LocalDate quarter) {
        long[] s = sums.getOrDefault(area + "|" + quarter, new long[2]);
        return new Indicators.Value(name.code(), name.nameTh(), name.nameEn(), s[0], s[1]);
    }
}
