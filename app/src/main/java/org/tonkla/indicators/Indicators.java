package org.tonkla.indicators;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.tonkla.directory.AreaLevel;
import org.tonkla.directory.Directory;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;
import org.tonkla.identity.ScopeCheck;
import org.tonkla.indicators.IndicatorDefinitions.Indicator;
import org.tonkla.platform.InvalidInput;
import org.tonkla.platform.Refused;

/**
 * Officers' indicator figures from the precomputed cells: an area's value with one row per area one level
 * down (country → provinces → districts → subdistricts), compared with its province and the country.
 * Counts only; an officer reads them within their own area (administrators: the country).
 */
@Service
public class Indicators {

    /** A numerator over a denominator for one area; {@code code} "" is the country. */
    public record Value(String code, String nameTh, String nameEn, long numerator, long denominator) {
        /** Percent with one decimal, or null when nobody is in the denominator. */
        public BigDecimal percent() {
            return denominator == 0 ? null
                    : BigDecimal.valueOf(numerator * 100L).divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP);
        }

        public String name(Locale locale) {
            return "en".equals(locale.getLanguage()) && nameEn != null ? nameEn : nameTh;
        }
    }

    /** One indicator in one area and year, its sub-areas and the comparisons. */
    public record Table(Indicator indicator, int yearCe, String areaCode, Value area, List<Value> parts, Value district,
            Value province, Value country) {

        /**
         * The area, its district (a subdistrict's), its province and the country, each once (a province's page is its
         * own province's row).
         */
        public List<Value> comparison() {
            List<Value> out = new java.util.ArrayList<>();
            for (Value v : java.util.Arrays.asList(area, district, province, country)) {
                if (v != null && out.stream().noneMatch(o -> o.code().equals(v.code()))) out.add(v);
            }
            return out;
        }
    }

    private static final Set<Role> OFFICERS = Set.of(Role.PROVINCIAL_OFFICER, Role.COMMITTEE_MEMBER, Role.AGENCY_ANALYST,
            Role.ADMINISTRATOR);

    private final JdbcClient jdbc;
    private final Directory directory;
    private final ScopeCheck scopes;
    private final IndicatorDefinitions definitions;

    Indicators(org.tonkla.platform.ReadReplica reads, Directory directory, ScopeCheck scopes, IndicatorDefinitions definitions) {
        this.jdbc = reads.jdbc(); // aggregate cells only: a streaming replica may serve them (issue 15 §5)
        this.directory = directory;
        this.scopes = scopes;
        this.definitions = definitions;
    }

    /** The area an officer's dashboard opens on: their own, or null (the country). */
    public String homeArea(CurrentUser user) {
        return user.scope().unit() instanceof OrgUnit.Area a ? a.code() : null;
    }

    /** Indicators are for officers and administrators with an area scope: checked before what they ask for. */
    public void requireOfficer(CurrentUser user) {
        if (!OFFICERS.contains(user.role()) || user.scope().unit() instanceof OrgUnit.ServiceUnit) {
            throw new Refused("Indicators are for officers and administrators");
        }
    }

    /**
     * The officer may read {@code areaCode} (null: the country).
     *
     * @throws Refused for other roles, a unit-level scope or an area outside the scope
     */
    public void requireArea(CurrentUser user, String areaCode) {
        requireOfficer(user);
        if (areaCode != null && !areaCode.matches("\\d{2}|\\d{4}|\\d{6}")) {
            throw InvalidInput.explained("indicators.error.area", "area", "a province, district or subdistrict DOPA code");
        }
        String home = homeArea(user);
        if (home == null) { // the whole country: any area, but one that exists (not a page of zeros named "409999")
            if (areaCode != null && directory.area(areaCode).isEmpty()) throw new org.tonkla.platform.NotFound("area");
            return;
        }
        if (areaCode == null || !scopes.mayActOn(user, new OrgUnit.Area(areaCode))) {
            // A code under the officer's own area that names nothing is a typo, not a trespass: say it is not there.
            if (areaCode != null && areaCode.startsWith(home) && directory.area(areaCode).isEmpty()) {
                throw new org.tonkla.platform.NotFound("area");
            }
            throw new Refused("The area is outside the user's scope");
        }
    }

    /** The table of {@code indicatorCode} for {@code areaCode} (null: the country) in {@code yearCe}. */
    public Table table(CurrentUser user, String indicatorCode, int yearCe, String areaCode) {
        requireArea(user, areaCode);
        Indicator indicator = definitions.indicator(indicatorCode);
        String partColumn = areaCode == null ? "province_code" : switch (areaCode.length()) {
            case 2 -> "district_code";
            default -> "subdistrict_code";
        };
        Map<String, long[]> sums = sums(indicator, yearCe, areaCode, partColumn);
        List<Value> parts = new ArrayList<>();
        List<org.tonkla.directory.Area> areas = areaCode == null ? directory.areasAtLevel(AreaLevel.PROVINCE)
                : areaCode.length() == 6 ? List.of() : directory.childrenOf(areaCode);
        for (org.tonkla.directory.Area a : areas) {
            long[] s = sums.getOrDefault(a.code(), new long[2]);
            parts.add(new Value(a.code(), a.nameTh(), a.nameEn(), s[0], s[1]));
        }
        // Every cell of the area lies in exactly one part (unknown places form the part ''), so the area's total is
        // the sum of the parts: no second pass over the same cells (for the country, ~15,000 rows per fact).
        long[] all = new long[2];
        sums.values().forEach(v -> {
            all[0] += v[0];
            all[1] += v[1];
        });
        Value area = value(areaCode, all);
        Value province = areaCode == null ? null
                : areaCode.length() == 2 ? area : total(indicator, yearCe, areaCode.substring(0, 2));
        Value district = areaCode != null && areaCode.length() == 6 ? total(indicator, yearCe, areaCode.substring(0, 4)) : null;
        return new Table(indicator, yearCe, areaCode, area, parts, district, province,
                areaCode == null ? area : total(indicator, yearCe, null));
    }

    /** Numerator and denominator of an area (null: the country). */
    Value total(Indicator indicator, int yearCe, String areaCode) {
        return value(areaCode, sums(indicator, yearCe, areaCode, "''").getOrDefault("", new long[2]));
    }

    /** The area's name with the given numerator and denominator (null: the country). */
    Value named(String areaCode, long[] s) {
        return value(areaCode, s);
    }

    private Value value(String areaCode, long[] s) {
        if (areaCode == null) return new Value("", "ประเทศไทย", "Thailand", s[0], s[1]);
        var found = directory.area(areaCode);
        return new Value(areaCode, found.map(org.tonkla.directory.Area::nameTh).orElse(areaCode),
                found.map(org.tonkla.directory.Area::nameEn).orElse(areaCode), s[0], s[1]);
    }

    private Map<String, long[]> sums(Indicator indicator, int yearCe, String areaCode, String groupBy) {
        String where = areaCode == null ? "" : " AND " + areaColumn(areaCode) + " = :area";
        Map<String, long[]> out = new HashMap<>();
        var spec = jdbc.sql("SELECT " + groupBy + " AS code, coalesce(sum(n) FILTER (WHERE fact = :num), 0) AS num,"
                        + " coalesce(sum(n) FILTER (WHERE fact = :den), 0) AS den FROM indicator_area_cell"
                        + " WHERE year_ce = :year AND fact IN (:num, :den)" + where + ("''".equals(groupBy) ? "" : " GROUP BY 1"))
                .param("num", indicator.numerator()).param("den", indicator.denominator()).param("year", yearCe);
        if (areaCode != null) spec = spec.param("area", areaCode);
        spec.query((rs, i) -> out.put(rs.getString("code"), new long[] {rs.getLong("num"), rs.getLong("den")})).list();
        return out;
    }

    static String areaColumn(String areaCode) {
        return switch (areaCode.length()) {
            case 2 -> "province_code";
            case 4 -> "district_code";
            default -> "subdistrict_code";
        };
    }

    /** How many children had {@code fact} in {@code yearCe}, per district of {@code provinceCode}. */
    public Map<String, Long> perDistrict(String provinceCode, int yearCe, String fact) {
        Map<String, Long> out = new HashMap<>();
        jdbc.sql("SELECT district_code, sum(n) AS n FROM indicator_area_cell WHERE year_ce = :year AND fact = :fact"
                        + " AND province_code = :p GROUP BY district_code")
                .param("year", yearCe).param("fact", fact).param("p", provinceCode)
                .query((rs, i) -> out.put(rs.getString(1), rs.getLong(2))).list();
        return out;
    }

    public IndicatorDefinitions definitions() {
        return definitions;
    }
}
