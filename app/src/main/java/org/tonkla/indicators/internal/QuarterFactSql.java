package org.tonkla.indicators.internal;

import org.tonkla.indicators.IndicatorDefinitions;

/**
 * The SQL that computes the quarter facts of a set of children ({@code :ids}) as of {@code :today}, for the quarters
 * from {@code :from} (the first day of the oldest quarter a trend shows) to today's, and the SQL that keeps
 * {@code indicator_quarter_cell} equal to their sums per area. The facts are the year's (FactSql, same rules) with
 * the quarter as the counting period; only the event-based groups are counted per quarter (growth, DSPM, vaccine,
 * referral, cash transfers): "every child" and the protection state would be one row per child and quarter (definitions.yml).
 *
 * <p>A quarter is named by its first day ({@code date_trunc('quarter', ...)}): the Thai fiscal year's quarters
 * (Oct–Dec, Jan–Mar, ...) and the calendar's are the same three-month spans, so the stored facts do not depend on the
 * scheme; only their names do (QuarterScheme).
 *
 * <p>One row per child and quarter holds the quarter's non-zero facts as a multiset ({@code facts}: a fact appears as
 * often as it counts, e.g. 'referral_all' twice for two referrals), not one row per fact: a measured quarter alone
 * has four to six facts, and the country-scale database is short of disk (README "Quarterly trends").
 */
public final class QuarterFactSql {

    private QuarterFactSql() {}

    /** The areas a quarter fact counts in: the country (''), its province, district and subdistrict (when known). */
    static final String AREAS = "CROSS JOIN LATERAL (VALUES (''), (f.province_code), (nullif(substr(f.subdistrict_code, 1, 4), '')),"
            + " (nullif(f.subdistrict_code, ''))) a (area_code)";

    /** INSERT ... SELECT of the children's quarter facts; parameters {@code ids} (a {@code UUID[]}), {@code today}, {@code from}. */
    public static String insertFacts(IndicatorDefinitions definitions) {
        return """
            WITH b AS (SELECT * FROM registry_child_indicator_base WHERE child_id = ANY (CAST(:ids AS uuid[]))),
            latest AS (
              SELECT DISTINCT ON (g.child_id, date_trunc('quarter', g.measured_on))
                     g.child_id, date_trunc('quarter', g.measured_on)::date AS quarter, g.z_wfa, g.z_lhfa, g.z_wflh
                FROM recordbook_child_growth g
               WHERE g.child_id = ANY (CAST(:ids AS uuid[])) AND g.measured_on BETWEEN :from AND :today
               ORDER BY g.child_id, date_trunc('quarter', g.measured_on), g.measured_on DESC, g.recorded_at DESC, g.id DESC),
            %s,
            %s,
            %s,
            raw (child_id, quarter, fact, n) AS (
              SELECT l.child_id, l.quarter, v.fact, v.n FROM latest l CROSS JOIN LATERAL (VALUES
                  %s) v (fact, n) WHERE v.n > 0
              UNION ALL
              SELECT f.child_id, f.quarter, v.fact, v.n FROM first_screen f CROSS JOIN LATERAL (VALUES
                  %s) v (fact, n) WHERE v.n > 0
              UNION ALL
              %s
              UNION ALL
              SELECT r.child_id, date_trunc('quarter', r.created_on)::date, v.fact, v.n
                FROM referral_child_referral r CROSS JOIN LATERAL (VALUES
                  %s) v (fact, n)
               WHERE r.child_id = ANY (CAST(:ids AS uuid[])) AND r.created_on BETWEEN :from AND :today AND v.n > 0
              UNION ALL
              SELECT c.child_id, c.quarter, v.fact, v.n FROM cash c CROSS JOIN LATERAL (VALUES
                  %s) v (fact, n) WHERE v.n > 0),
            -- A child's quarter packed before it is joined to the child's columns (as the year's facts are, FactSql).
            packed AS (
              SELECT r.child_id, r.quarter, array_agg(r.fact ORDER BY r.fact) AS facts
                FROM raw r CROSS JOIN generate_series(1, r.n) -- each fact n times
               GROUP BY r.child_id, r.quarter)
            INSERT INTO indicator_quarter_fact (child_id, quarter_start, facts, province_code, subdistrict_code)
            SELECT p.child_id, p.quarter, p.facts, b.province_code, coalesce(b.subdistrict_code, '')
              FROM packed p JOIN b ON b.child_id = p.child_id
             -- Aged 0-5 in completed years on the quarter's last day, as the year's facts on 31 December.
             WHERE extract(year FROM age((p.quarter + interval '3 months' - interval '1 day')::date, b.date_of_birth))
                   BETWEEN 0 AND 5
            """.formatted(FactSql.keyDates("BETWEEN :from AND :today", "date_trunc('quarter', w.opens)::date AS quarter"),
                FactSql.vaccineDays(definitions),
                FactSql.cashScreening("BETWEEN :from AND :today", "date_trunc('quarter', s.visited_on)::date", "quarter"),
                FactSql.growthFacts(definitions.healthyGrowth()), FactSql.DSPM_FACTS,
                FactSql.vaccineFacts(definitions, "date_trunc('quarter', d.on_day)::date"), FactSql.REFERRAL_FACTS,
                FactSql.CASH_FACTS);
    }

    /** Takes the quarter facts of {@code :ids} away, and their counts from the cells. */
    public static final String DELETE_FACTS = """
            WITH gone AS (DELETE FROM indicator_quarter_fact WHERE child_id IN (:ids) RETURNING *),
            o AS (SELECT f.quarter_start, x.fact, a.area_code, count(*) AS n FROM gone f CROSS JOIN unnest(f.facts) x (fact) %s
                   WHERE a.area_code IS NOT NULL GROUP BY 1, 2, 3)
            UPDATE indicator_quarter_cell c SET n = c.n - o.n FROM o
             WHERE c.area_code = o.area_code AND c.fact = o.fact AND c.quarter_start = o.quarter_start""".formatted(AREAS);

    /** Adds the quarter facts of the children {@code children} (a subquery or list over child ids) to the cells. */
    public static String addCells(String children) {
        return """
            INSERT INTO indicator_quarter_cell AS c (area_code, fact, quarter_start, n)
            SELECT a.area_code, x.fact, f.quarter_start, count(*) FROM indicator_quarter_fact f CROSS JOIN unnest(f.facts) x (fact) %s
             WHERE f.child_id IN (%s) AND a.area_code IS NOT NULL GROUP BY 1, 2, 3
            ON CONFLICT (area_code, fact, quarter_start) DO UPDATE SET n = c.n + EXCLUDED.n""".formatted(AREAS, children);
    }

    public static final String DELETE_EMPTY_CELLS = "DELETE FROM indicator_quarter_cell WHERE n = 0";
}
