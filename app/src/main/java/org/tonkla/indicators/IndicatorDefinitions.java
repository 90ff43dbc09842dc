package org.tonkla.indicators;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.Yaml;

/** The indicator definitions shipped in {@code indicators/definitions.yml}: indicators, vaccines, budget services. */
@Component
public class IndicatorDefinitions {

    /** A ratio of two facts; {@code verified=false} marks a definition not confirmed from a primary source. */
    public record Indicator(String code, String numerator, String denominator, String group, boolean verified) {}

    /** An antigen: its vaccine codes and the doses needed before the 1st, 2nd, 5th birthday (absent: not counted). */
    public record Vaccine(String antigen, List<String> codes, Map<Integer, Integer> doses) {}

    /** A budgeted service: the children with {@code fact} need it, at {@code costThb} each by default. */
    public record Service(String code, String fact, BigDecimal costThb) {}

    /** "สูงดีสมส่วน": height-for-age z at least {@code hfaMin} and weight-for-height z within [wfhMin, wfhMax]. */
    public record HealthyGrowth(boolean verified, double hfaMin, double wfhMin, double wfhMax) {}

    /**
     * Quarterly trends: how quarters are named, whether that scheme is verified, how many quarters a trend shows (and
     * the facts keep), and the indicator groups counted per quarter (only event-based ones; see definitions.yml).
     */
    public record Quarters(QuarterScheme scheme, boolean verified, int shown, Set<String> groups) {
        /** Groups whose facts QuarterFactSql computes per quarter; others would have no quarter facts at all. */
        static final Set<String> COUNTABLE = Set.of("growth", "dspm", "vaccine", "referral", "cash");

        public boolean has(Indicator indicator) {
            return groups.contains(indicator.group());
        }

        /** The first day of the oldest quarter shown on {@code today}: today's quarter is the last of {@link #shown}. */
        public java.time.LocalDate firstShown(java.time.LocalDate today) {
            return QuarterScheme.startOf(today).minusMonths(3L * (shown - 1));
        }
    }

    /** The ages (years) at which vaccine coverage is reported. */
    public static final List<Integer> VACCINE_AGES = List.of(1, 2, 5);
    private static final String CODE = "[A-Za-z0-9_]+";

    private final List<Indicator> indicators = new ArrayList<>();
    private final List<Vaccine> vaccines = new ArrayList<>();
    private final List<Service> services = new ArrayList<>();
    private final List<String> disaggregations;
    private final HealthyGrowth healthy;
    private final Quarters quarters;

    public IndicatorDefinitions() {
        this("indicators/definitions.yml");
    }

    @SuppressWarnings("unchecked")
    IndicatorDefinitions(String resource) {
        Map<String, Object> root;
        try (InputStream in = IndicatorDefinitions.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + " is missing from the classpath");
            root = new Yaml().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> h = (Map<String, Object>) root.get("healthy_growth");
        healthy = new HealthyGrowth(Boolean.TRUE.equals(h.get("verified")), num(h, "height_for_age_min"),
                num(h, "weight_for_height_min"), num(h, "weight_for_height_max"));
        Map<String, Object> q = (Map<String, Object>) root.get("quarters");
        Set<String> groups = Set.copyOf((List<String>) q.get("groups"));
        if (!Quarters.COUNTABLE.containsAll(groups)) throw new IllegalStateException("quarters.groups are within " + Quarters.COUNTABLE);
        int shown = (Integer) q.get("shown");
        if (shown < 1 || shown > 20) throw new IllegalStateException("quarters.shown is 1 to 20");
        quarters = new Quarters(QuarterScheme.of(String.valueOf(q.get("scheme"))), Boolean.TRUE.equals(q.get("verified")), shown, groups);
        disaggregations = List.copyOf((List<String>) root.get("disaggregations"));
        for (Map<String, Object> m : (List<Map<String, Object>>) root.get("indicators")) {
            indicators.add(new Indicator(code(m.get("code")), code(m.get("numerator")), code(m.get("denominator")),
                    code(m.get("group")), Boolean.TRUE.equals(m.get("verified"))));
        }
        for (Map<String, Object> m : (List<Map<String, Object>>) root.get("vaccines")) {
            Map<Integer, Integer> doses = new TreeMap<>();
            ((Map<Object, Object>) m.get("doses")).forEach((k, v) -> doses.put(Integer.valueOf(k.toString()), (Integer) v));
            if (!VACCINE_AGES.containsAll(doses.keySet())) throw new IllegalStateException("vaccine ages are " + VACCINE_AGES);
            // FactSql reads the n-th dose's day: a count of none would have none.
            if (doses.values().stream().anyMatch(n -> n < 1)) throw new IllegalStateException("vaccine doses are 1 or more");
            if (vaccines.stream().anyMatch(v -> v.antigen().equals(m.get("antigen")))) {
                throw new IllegalStateException("vaccine antigen listed twice: " + m.get("antigen")); // FactSql groups by antigen
            }
            vaccines.add(new Vaccine(code(m.get("antigen")),
                    ((List<Object>) m.get("codes")).stream().map(c -> code(c.toString())).toList(), doses));
        }
        for (Map<String, Object> m : (List<Map<String, Object>>) root.get("services")) {
            services.add(new Service(code(m.get("code")), code(m.get("fact")), new BigDecimal(m.get("cost_thb").toString())));
        }
        for (Indicator v : vaccineIndicators()) indicators.add(v);
    }

    private List<Indicator> vaccineIndicators() {
        List<Indicator> out = new ArrayList<>();
        for (Vaccine v : vaccines) {
            for (int age : v.doses().keySet()) {
                out.add(new Indicator("vaccine_" + v.antigen() + "_" + age, vaccineFact(v.antigen(), age),
                        "vacc_cohort_" + age, "vaccine", true));
            }
        }
        return out;
    }

    /** The fact of a child who had the antigen's doses before the birthday. */
    public static String vaccineFact(String antigen, int age) {
        return "vacc_" + antigen + "_" + age;
    }

    private static String code(Object value) {
        String s = String.valueOf(value);
        // Codes end up in SQL text and file names: letters, digits and underscores only.
        if (!s.matches(CODE)) throw new IllegalStateException("not a code: " + s);
        return s;
    }

    private static double num(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }

    public List<Indicator> indicators() {
        return List.copyOf(indicators);
    }

    public Indicator indicator(String code) {
        return indicators.stream().filter(i -> i.code().equals(code)).findFirst()
                .orElseThrow(() -> new org.tonkla.platform.NotFound("no indicator " + code));
    }

    public List<Vaccine> vaccines() {
        return List.copyOf(vaccines);
    }

    public List<Service> services() {
        return List.copyOf(services);
    }

    public List<String> disaggregations() {
        return disaggregations;
    }

    public Quarters quarters() {
        return quarters;
    }

    public HealthyGrowth healthyGrowth() {
        return healthy;
    }

    /** Every fact some indicator or service counts, in definition order. */
    public Set<String> facts() {
        Set<String> facts = new LinkedHashSet<>();
        facts.add("children");
        indicators.forEach(i -> {
            facts.add(i.numerator());
            facts.add(i.denominator());
        });
        services.forEach(s -> facts.add(s.fact()));
        return facts;
    }
}
