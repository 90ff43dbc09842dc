package org.tonkla.indicators;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.directory.Area;
import org.tonkla.directory.Directory;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.Role;
import org.tonkla.indicators.IndicatorDefinitions.Service;
import org.tonkla.platform.InvalidInput;
import org.tonkla.platform.Refused;

/**
 * The budget table of a province: per district, the children needing each service in a year (a fact of
 * definitions.yml) times the unit cost (definitions.yml's default unless an administrator set one).
 */
@org.springframework.stereotype.Service
public class Budget {

    /** One district's line: children and amount per service, in the order of {@link #services()}. */
    public record Line(Area district, List<Long> children, List<BigDecimal> amounts) {
        public BigDecimal total() {
            return amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    private final JdbcClient jdbc;
    private final Directory directory;
    private final Indicators indicators;
    private final IndicatorDefinitions definitions;

    Budget(JdbcClient jdbc, Directory directory, Indicators indicators, IndicatorDefinitions definitions) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.indicators = indicators;
        this.definitions = definitions;
    }

    public List<Service> services() {
        return definitions.services();
    }

    /** The unit cost of each service now in force (THB per child). */
    public Map<String, BigDecimal> unitCosts() {
        Map<String, BigDecimal> costs = new LinkedHashMap<>();
        definitions.services().forEach(s -> costs.put(s.code(), s.costThb()));
        jdbc.sql("SELECT service, cost_thb FROM indicator_unit_cost")
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getBigDecimal(2))).list()
                .forEach(e -> costs.computeIfPresent(e.getKey(), (k, v) -> e.getValue()));
        return costs;
    }

    /** When an administrator last changed a unit cost; empty while the shipped costs (definitions.yml) hold. */
    public java.util.Optional<java.time.Instant> unitCostsChanged() {
        return jdbc.sql("SELECT max(updated_at) FROM indicator_unit_cost").query(java.time.Instant.class).optional();
    }

    /** Sets a service's unit cost (administrators). */
    public void setUnitCost(CurrentUser user, String service, BigDecimal cost) {
        if (user.role() != Role.ADMINISTRATOR) throw new Refused("Unit costs are set by administrators");
        if (definitions.services().stream().noneMatch(s -> s.code().equals(service))) {
            throw InvalidInput.explained("indicators.error.service", "service", "one of the budgeted services");
        }
        // Satang at most: the column keeps two decimals, and 0.005 silently became 0.01.
        if (cost == null || cost.signum() < 0 || cost.compareTo(new BigDecimal("1000000000")) >= 0
                || cost.stripTrailingZeros().scale() > 2) {
            throw InvalidInput.explained("indicators.error.cost", "cost", "an amount in baht from 0, at most two decimals");
        }
        jdbc.sql("INSERT INTO indicator_unit_cost (service, cost_thb) VALUES (:s, :c)"
                + " ON CONFLICT (service) DO UPDATE SET cost_thb = EXCLUDED.cost_thb, updated_at = now()")
                .param("s", service).param("c", cost).update();
    }

    /** The lines of {@code provinceCode}'s districts in {@code yearCe}, within the officer's scope. */
    public List<Line> lines(CurrentUser user, String provinceCode, int yearCe) {
        indicators.requireOfficer(user); // a guardian asking with no province is refused, not told to name one
        if (provinceCode == null || !provinceCode.matches("\\d{2}")) throw InvalidInput.explained("indicators.error.province", "province", "a province code");
        indicators.requireArea(user, provinceCode);
        Map<String, BigDecimal> costs = unitCosts();
        List<Map<String, Long>> counts = new ArrayList<>();
        for (Service s : definitions.services()) counts.add(indicators.perDistrict(provinceCode, yearCe, s.fact()));
        List<Line> lines = new ArrayList<>();
        for (Area district : directory.childrenOf(provinceCode)) {
            List<Long> children = new ArrayList<>();
            List<BigDecimal> amounts = new ArrayList<>();
            for (int i = 0; i < definitions.services().size(); i++) {
                long n = counts.get(i).getOrDefault(district.code(), 0L);
                children.add(n);
                amounts.add(costs.get(definitions.services().get(i).code()).multiply(BigDecimal.valueOf(n)));
            }
            lines.add(new Line(district, children, amounts));
        }
        return lines;
    }
}
