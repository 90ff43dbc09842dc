package org.tonkla.indicators.internal;

import java.util.ArrayList;
import java.util.List;
import org.tonkla.indicators.IndicatorDefinitions;
import org.tonkla.indicators.IndicatorDefinitions.Vaccine;

/**
 * The SQL that computes the facts of a set of children ({@code :ids}) as of {@code :today} from the views
 * published for indicators, and inserts them into {@code indicator_fact}. The rules are those listed in
 * {@code indicators/definitions.yml}; vaccine codes and thresholds come from there too.
 */
public final class FactSql {

    private FactSql() {}

    /** INSERT ... SELECT of the children's facts; parameters {@code ids} (a {@code UUID[]}), {@code today}. */
    public static String insertFacts(IndicatorDefinitions definitions) {
        IndicatorDefinitions.HealthyGrowth h = definitions.healthyGrowth();
        return """
            WITH b AS (SELECT * FROM registry_child_indicator_base WHERE child_id = ANY (CAST(:ids AS uuid[]))),
            years AS (
              SELECT b.*, y AS year_ce,
                     extract(year FROM age(make_date(y, 12, 31), b.date_of_birth))::int AS age
                FROM b CROSS JOIN generate_series(extract(year FROM b.date_of_birth)::int,
                                                  extract(year FROM CAST(:today AS date))::int) y),
            latest AS (
              SELECT DISTINCT ON (g.child_id, extract(year FROM g.measured_on))
                     g.child_id, extract(year FROM g.measured_on)::int AS year_ce, g.z_wfa, g.z_lhfa, g.z_wflh
                FROM recordbook_child_growth g
               WHERE g.child_id = ANY (CAST(:ids AS uuid[])) AND g.measured_on <= :today
               ORDER BY g.child_id, extract(year FROM g.measured_on), g.measured_on DESC, g.recorded_at DESC, g.id DESC),
            %s,
            %s,
            %s,
            protection AS (
              SELECT y.child_id, y.year_ce, s.items, s.level IN ('MEDIUM', 'HIGH') OR EXISTS (
                         SELECT 1 FROM protection_child_concern k WHERE k.child_id = y.child_id AND k.opened_on <= y.cut
                            AND (k.closed_on IS NULL OR k.closed_on > y.cut)) AS vulnerable
                FROM (SELECT child_id, year_ce, least(make_date(year_ce, 12, 31), CAST(:today AS date)) AS cut FROM years
                       WHERE child_id IN (SELECT child_id FROM protection_child_risk WHERE child_id = ANY (CAST(:ids AS uuid[])))) y
                JOIN LATERAL (SELECT p.level, p.items FROM protection_child_risk p
                               WHERE p.child_id = y.child_id AND p.recorded_on <= y.cut
                               ORDER BY p.recorded_at DESC, p.id DESC LIMIT 1) s ON true),
            raw (child_id, year_ce, fact, n) AS (
              SELECT child_id, year_ce, 'children', 1 FROM years
              UNION ALL
              SELECT l.child_id, l.year_ce, v.fact, v.n FROM latest l CROSS JOIN LATERAL (VALUES
                  %s) v (fact, n) WHERE v.n > 0
              UNION ALL
              SELECT f.child_id, f.year_ce, v.fact, v.n FROM first_screen f CROSS JOIN LATERAL (VALUES
                  %s) v (fact, n) WHERE v.n > 0
              UNION ALL
              %s
              UNION ALL
              SELECT r.child_id, extract(year FROM r.created_on)::int, v.fact, v.n
                FROM referral_child_referral r CROSS JOIN LATERAL (VALUES
                  %s) v (fact, n)
               WHERE r.child_id = ANY (CAST(:ids AS uuid[])) AND r.created_on <= :today AND v.n > 0
              UNION ALL
              SELECT c.child_id, c.year_ce, v.fact, v.n FROM cash c CROSS JOIN LATERAL (VALUES
                  %s) v (fact, n) WHERE v.n > 0
              UNION ALL
              SELECT child_id, year_ce, 'protection_vulnerable', 1 FROM protection WHERE vulnerable
              UNION ALL
              SELECT v.child_id, v.year_ce, 'protection_item_' || replace(i, '-', '_'), 1
                FROM protection v CROSS JOIN unnest(v.items) i WHERE v.vulnerable),
            -- Facts counted 0 are left out as they are made (above): a child's year has a few of the forty, and the
            -- zeros were most of the rows grouped and sorted below. Every n is 0 or more, so no sum changes.
            counted AS (
              SELECT r.child_id, r.year_ce, r.fact, sum(r.n)::int AS n FROM raw r GROUP BY r.child_id, r.year_ce, r.fact
              HAVING sum(r.n) > 0),
            -- A child's year packed before it is joined to the child's columns: grouping by those columns too sorted
            -- every fact row on nine keys (a sixth of the statement's time at the country's scale).
            packed AS (
              SELECT c.child_id, c.year_ce, array_agg(c.fact ORDER BY c.fact) AS facts, array_agg(c.n ORDER BY c.fact) AS ns
                FROM counted c GROUP BY c.child_id, c.year_ce)
            INSERT INTO indicator_fact (child_id, year_ce, province_code, district_code, subdistrict_code,
                                        sex, age_group, agency_code, unit_id, facts, ns)
            SELECT y.child_id, y.year_ce, y.province_code, coalesce(substr(y.subdistrict_code, 1, 4), ''),
                   coalesce(y.subdistrict_code, ''), y.sex, y.age::text, coalesce(y.agency_code, ''), coalesce(y.unit_id::text, ''),
                   p.facts, p.ns
              FROM packed p JOIN years y ON y.child_id = p.child_id AND y.year_ce = p.year_ce
             WHERE y.age BETWEEN 0 AND 5
            """.formatted(keyDates("<= :today", "extract(year FROM w.opens)::int AS year_ce"), vaccineDays(definitions),
                cashScreening("<= :today", "extract(year FROM s.visited_on)::int", "year_ce"), growthFacts(h), DSPM_FACTS,
                vaccineFacts(definitions, "extract(year FROM d.on_day)::int"), REFERRAL_FACTS, CASH_FACTS);
    }

    // The rules of the facts that are counted in a period (a year or a quarter); QuarterFactSql uses them too, so a
    // rule changes in one place. Each is the body of a VALUES (fact, n) list over one row of a period's CTE.

    /**
     * The CTEs {@code windows} (each DSPM key age reached, THAI-RULES §2), {@code first_screen} (the first current
     * screening within 30 days of it, tagged with {@code period}, an expression over {@code w.opens}) and
     * {@code birthdays} (the 1st, 2nd and 5th, for vaccine coverage) of the children in {@code b}, the key age and the
     * birthday limited by {@code within} (e.g. {@code <= :today}).
     */
    static String keyDates(String within, String period) {
        return """
            windows AS (
              SELECT b.child_id, (b.date_of_birth + make_interval(months => k.m))::date AS opens
                FROM b CROSS JOIN (VALUES %3$s) k (m)
               WHERE (b.date_of_birth + make_interval(months => k.m))::date %1$s),
            first_screen AS (
              SELECT w.child_id, %2$s, f.screened_on, f.outcome_code
                FROM windows w
                LEFT JOIN LATERAL (
                     SELECT s.screened_on, s.outcome_code FROM recordbook_child_dspm s
                      WHERE s.child_id = w.child_id AND s.screened_on BETWEEN w.opens AND w.opens + 29
                      ORDER BY s.screened_on, s.recorded_at, s.id LIMIT 1) f ON true),
            birthdays AS (
              SELECT b.child_id, a.age, (b.date_of_birth + make_interval(years => a.age))::date AS on_day
                FROM b CROSS JOIN (VALUES %4$s) a (age)
               WHERE (b.date_of_birth + make_interval(years => a.age))::date %1$s)""".formatted(within, period,
                DSPM_KEY_MONTHS, VACCINE_BIRTHDAYS);
    }

    /** The DSPM key ages in months (THAI-RULES §2), as VALUES rows. */
    private static final String DSPM_KEY_MONTHS = "(9), (18), (30), (42), (60)";

    /** The birthdays at which vaccine coverage is counted, in years, as VALUES rows. */
    private static final String VACCINE_BIRTHDAYS = String.join(", ",
            IndicatorDefinitions.VACCINE_AGES.stream().map(age -> "(" + age + ")").toList());

    /**
     * The children whose facts change with the date alone on a day after {@code :last} up to {@code :today}, both in
     * one year: those reaching a DSPM key age or a vaccine-coverage birthday ({@link #keyDates}), and those with a
     * referral whose due day passed (overdue is decided by today). Every other fact is of a dated record, which the
     * modules refuse in the future, or of a year, whose change on 1 January concerns everyone.
     */
    public static final String CHANGED_BY_THE_DATE = """
            SELECT c.id FROM child c
             WHERE EXISTS (SELECT 1 FROM (VALUES %1$s) k (m)
                            WHERE (c.date_of_birth + make_interval(months => k.m))::date > :last
                              AND (c.date_of_birth + make_interval(months => k.m))::date <= :today)
                OR EXISTS (SELECT 1 FROM (VALUES %2$s) a (age)
                            WHERE (c.date_of_birth + make_interval(years => a.age))::date > :last
                              AND (c.date_of_birth + make_interval(years => a.age))::date <= :today)
            UNION
            SELECT r.child_id FROM referral_child_referral r WHERE r.due_on >= :last AND r.due_on < :today"""
            .formatted(DSPM_KEY_MONTHS, VACCINE_BIRTHDAYS);

    /**
     * The CTE {@code cash}: each child's latest home visit of the period ({@code period}, an expression over
     * {@code s.visited_on}, named {@code name}) whose household's income was recorded, and what its screening found
     * (field's view, V176), the visit day limited by {@code within}. Two such visits on one day: an eligible one counts,
     * so the choice does not depend on the order rows are read in.
     */
    static String cashScreening(String within, String period, String name) {
        return """
            cash AS (
              SELECT DISTINCT ON (s.child_id, %2$s) s.child_id, %2$s AS %3$s, s.csg, s.eef
                FROM field_child_cash_screening s
               WHERE s.child_id = ANY (CAST(:ids AS uuid[])) AND s.visited_on %1$s
               ORDER BY s.child_id, %2$s, s.visited_on DESC, (s.csg OR s.eef) DESC, s.csg DESC, s.eef DESC)"""
                .formatted(within, period, name);
    }

    /** Cash-transfer facts of {@code c}, the child's latest income-screened home visit of the period. */
    static final String CASH_FACTS = """
            ('cash_screened', 1),
            ('cash_eligible', (c.csg OR c.eef)::int),
            ('cash_eligible_csg', c.csg::int),
            ('cash_eligible_eef', c.eef::int)""";

    /** Growth facts of {@code l}, the child's latest current measurement of the period. */
    static String growthFacts(IndicatorDefinitions.HealthyGrowth h) {
        return """
            ('growth_hfa', (l.z_lhfa IS NOT NULL)::int),
            ('growth_wfh', (l.z_wflh IS NOT NULL)::int),
            ('growth_wfa', (l.z_wfa IS NOT NULL)::int),
            ('growth_both', (l.z_lhfa IS NOT NULL AND l.z_wflh IS NOT NULL)::int),
            ('stunted', coalesce((l.z_lhfa < -2)::int, 0)),
            ('wasted', coalesce((l.z_wflh < -2)::int, 0)),
            ('overweight', coalesce((l.z_wflh > 2)::int, 0)),
            ('underweight', coalesce((l.z_wfa < -2)::int, 0)),
            ('healthy', coalesce((l.z_lhfa >= %s AND l.z_wflh BETWEEN %s AND %s)::int, 0))""".formatted(h.hfaMin(), h.wfhMin(), h.wfhMax());
    }

    /** DSPM facts of {@code f}, the first screening within 30 days of a key age reached in the period (or none). */
    static final String DSPM_FACTS = """
            ('dspm_due', 1),
            ('dspm_screened', (f.screened_on IS NOT NULL)::int),
            ('dspm_suspected', coalesce((f.outcome_code IN ('1B261', '1B262'))::int, 0)),
            ('dspm_stimulate', coalesce((f.outcome_code = '1B261')::int, 0)),
            ('dspm_followed_30', coalesce((f.outcome_code = '1B261' AND EXISTS (
                  SELECT 1 FROM recordbook_child_dspm r WHERE r.child_id = f.child_id
                     AND r.screened_on > f.screened_on AND r.screened_on <= f.screened_on + 30))::int, 0)),
            ('dspm_age_appropriate', coalesce((f.outcome_code = '1B260' OR (f.outcome_code = '1B261' AND EXISTS (
                  SELECT 1 FROM recordbook_child_dspm r WHERE r.child_id = f.child_id AND r.outcome_code = '1B260'
                     AND r.screened_on > f.screened_on AND r.screened_on <= f.screened_on + 30)))::int, 0))""";

    /** Referral facts of {@code r}, a referral made in the period; {@code :today} decides what is overdue. */
    static final String REFERRAL_FACTS = """
            ('referral_all', 1),
            ('referral_open', (r.status IN ('CREATED', 'RECEIVED', 'ACCEPTED', 'IN_SERVICE'))::int),
            ('referral_overdue', (r.status IN ('CREATED', 'RECEIVED', 'ACCEPTED', 'IN_SERVICE') AND r.due_on < :today)::int),
            ('referral_closed', (r.status IN ('COMPLETED', 'DECLINED', 'REDIRECTED', 'CLOSED'))::int)""";

    /**
     * The CTE {@code vacc_days}: per child of {@code :ids} and antigen, the days the antigen's doses were given, each day
     * once and in order (records of one day are one dose, as the count of distinct days was before). A child had an
     * antigen's {@code n} doses before a day when the n-th of its days is before it: one grouped pass over the
     * children's immunizations instead of an index probe per child, birthday and antigen (a third of the fact
     * statement's time at the country's scale).
     */
    static String vaccineDays(IndicatorDefinitions definitions) {
        List<String> rows = new ArrayList<>();
        for (Vaccine v : definitions.vaccines()) {
            rows.add("('" + v.antigen() + "', ARRAY[" + String.join(",", v.codes().stream().map(c -> "'" + c + "'").toList()) + "]::text[])");
        }
        return """
            vacc_days AS (
              SELECT i.child_id, a.antigen, array_agg(DISTINCT i.given_on ORDER BY i.given_on) AS days
                FROM recordbook_child_immunization i JOIN (VALUES %s) a (antigen, codes) ON i.vaccine_code = ANY (a.codes)
               WHERE i.child_id = ANY (CAST(:ids AS uuid[]))
               GROUP BY i.child_id, a.antigen)""".formatted(String.join(", ", rows));
    }

    /**
     * Vaccine facts of {@code d}, a 1st, 2nd or 5th birthday in the period ({@code period}: its period's key from
     * {@code d.on_day}): the cohort, and per antigen whether its doses were all given before that birthday
     * ({@link #vaccineDays}; only those that were: a fact counted 0 is no row).
     */
    static String vaccineFacts(IndicatorDefinitions definitions, String period) {
        List<String> rows = new ArrayList<>();
        for (Vaccine v : definitions.vaccines()) {
            v.doses().forEach((age, doses) -> rows.add("('" + v.antigen() + "', " + age + ", " + doses + ")"));
        }
        return """
            SELECT d.child_id, %1$s, 'vacc_cohort_' || d.age, 1 FROM birthdays d
              UNION ALL
              SELECT d.child_id, %1$s, 'vacc_' || a.antigen || '_' || d.age, 1
                FROM birthdays d JOIN (VALUES %2$s) a (antigen, age, doses) ON a.age = d.age
                JOIN vacc_days v ON v.child_id = d.child_id AND v.antigen = a.antigen
               WHERE v.days[a.doses] < d.on_day""".formatted(period, String.join(", ", rows));
    }

    /**
     * A set of children's facts as rows of {@link #CELL} and {@code n}, one per fact ({@code alias} is the table or CTE
     * holding {@code indicator_fact} rows, e.g. {@code indicator_fact f} or {@code gone f}): a child's year is stored as
     * one row with its facts and counts side by side (indicators V150).
     */
    public static String factRows(String alias) {
        return alias + " CROSS JOIN LATERAL unnest(f.facts, f.ns) AS u(fact, n)";
    }

    /**
     * Adds the facts of the children {@code children} (a subquery or list over child ids) to the cells: the refresher's
     * batch, a province of the bulk recompute, every child when a cut-off recompute is resumed.
     */
    public static String addCells(String children) {
        return "INSERT INTO indicator_cell (" + CELL + ", n) SELECT " + CELL + ", sum(n) FROM " + factRows("indicator_fact f")
                + " WHERE f.child_id IN (" + children + ") GROUP BY " + CELL
                + " ON CONFLICT (" + CELL + ") DO UPDATE SET n = indicator_cell.n + EXCLUDED.n";
    }

    /** The cell key columns of indicator_cell, and of indicator_fact with its facts unnested ({@link #factRows}). */
    public static final String CELL = "year_ce, fact, province_code, district_code, subdistrict_code, sex, age_group, agency_code, unit_id";
}
