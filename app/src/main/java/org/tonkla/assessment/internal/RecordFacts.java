package org.tonkla.assessment.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tonkla.core.standard.AgeGroup;

/**
 * Counts about a center's children, read from the views their owners publish, never from their
 * tables. Each view is (re)created by its owner's own migration, so the owner may change its tables
 * as long as the view keeps its columns:
 * <ul>
 *   <li>{@code registry_unit_children_by_age}: published by the registry
 *       ({@code V21_2__registry_published_views.sql}), enrolments with the child's date of birth;
 *   <li>{@code recordbook_unit_growth_coverage}: published by the record book
 *       ({@code V21_3__recordbook_published_views.sql}), enrolled and measured children per year;
 *   <li>{@code recordbook_unit_dspm_outcome}: published by the record book (same file), the DSPM
 *       age-appropriate KPI under core's {@code DspmSchedule.NATIONAL}, kept equal to it by
 *       {@code DspmViewParityTest};
 *   <li>{@code recordbook_unit_dspm_domain_outcome} and {@code recordbook_unit_healthy_growth}:
 *       published by the record book ({@code V21_4__recordbook_domain_and_growth_views.sql}), the same
 *       rule domain by domain (core's {@code DomainOutcome}, kept equal by {@code DomainViewParityTest})
 *       and the สูงดีสมส่วน counts of the growth items;
 *   <li>{@code directory_unit_place} (read by {@code Monitoring}): published by the directory
 *       ({@code V21_1__directory_published_views.sql}).
 * </ul>
 * They first appeared together in {@code V21__published_views_for_assessment.sql}, which stays as
 * applied. {@code center_staff} is the assessment's own table.
 */
@Component
public class RecordFacts {

    /** Screened and age-appropriate children of one group. */
    public record DspmCounts(int screened, int ageAppropriate) {}

    /** Enrolled and measured children. */
    public record GrowthCounts(int enrolled, int measured) {}

    /** Children enrolled on a day, per Standard-3 group. */
    public record ChildrenByGroup(int underThree, int threeToSix) {}

    private final JdbcClient jdbc;

    RecordFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** DSPM outcome of children whose key age fell in calendar year {@code yearCe}. */
    public DspmCounts dspm(UUID unitId, int yearCe, AgeGroup group) {
        return jdbc.sql("""
                SELECT coalesce(sum(screened), 0) AS screened, coalesce(sum(age_appropriate), 0) AS ok
                  FROM recordbook_unit_dspm_outcome WHERE unit_id = ? AND year_ce = ? AND age_group = ?""")
                .params(unitId, yearCe, group.suffix())
                .query((rs, i) -> new DspmCounts(rs.getInt("screened"), rs.getInt("ok"))).single();
    }

    /** The same counts in one DSPM domain ({@code GM}, {@code FM}, {@code RL}, {@code EL}, {@code PS}). */
    public DspmCounts dspmDomain(UUID unitId, int yearCe, AgeGroup group, String domain) {
        return jdbc.sql("""
                SELECT coalesce(sum(screened), 0) AS screened, coalesce(sum(age_appropriate), 0) AS ok
                  FROM recordbook_unit_dspm_domain_outcome WHERE unit_id = ? AND year_ce = ? AND age_group = ? AND domain = ?""")
                .params(unitId, yearCe, group.suffix(), domain)
                .query((rs, i) -> new DspmCounts(rs.getInt("screened"), rs.getInt("ok"))).single();
    }

    /** Children of a group measured in {@code yearCe} (latest measurement), and of them those สูงดีสมส่วน. */
    public GrowthCounts healthyGrowth(UUID unitId, int yearCe, AgeGroup group) {
        return jdbc.sql("""
                SELECT coalesce(sum(measured), 0) AS measured, coalesce(sum(healthy), 0) AS healthy
                  FROM recordbook_unit_healthy_growth WHERE unit_id = ? AND year_ce = ? AND age_group = ?""")
                .params(unitId, yearCe, group.suffix())
                .query((rs, i) -> new GrowthCounts(rs.getInt("measured"), rs.getInt("healthy"))).single();
    }

    public GrowthCounts growth(UUID unitId, int yearCe) {
        return jdbc.sql("""
                SELECT coalesce(sum(enrolled), 0) AS enrolled, coalesce(sum(measured), 0) AS measured
                  FROM recordbook_unit_growth_coverage WHERE unit_id = ? AND year_ce = ?""")
                .params(unitId, yearCe)
                .query((rs, i) -> new GrowthCounts(rs.getInt("enrolled"), rs.getInt("measured"))).single();
    }

    /** Children enrolled on {@code day}: group ก under 3 years old that day, ข the rest. */
    public ChildrenByGroup children(UUID unitId, LocalDate day) {
        return jdbc.sql("""
                SELECT count(*) FILTER (WHERE date_of_birth > CAST(:day AS date) - INTERVAL '3 years') AS under_three,
                       count(*) FILTER (WHERE date_of_birth <= CAST(:day AS date) - INTERVAL '3 years') AS three_to_six
                  FROM registry_unit_children_by_age
                 WHERE unit_id = :unit AND started_on <= :day AND (ended_on IS NULL OR ended_on >= :day)""")
                .param("unit", unitId).param("day", Date.valueOf(day))
                .query((rs, i) -> new ChildrenByGroup(rs.getInt("under_three"), rs.getInt("three_to_six"))).single();
    }

    /** Active staff who care for group ก and for group ข. */
    public int[] caregivers(UUID unitId) {
        return jdbc.sql("""
                SELECT count(*) FILTER (WHERE cares_for = 'UNDER_THREE') AS u, count(*) FILTER (WHERE cares_for = 'THREE_TO_SIX') AS t
                  FROM center_staff WHERE unit_id = ? AND active""")
                .param(unitId).query((rs, i) -> new int[] {rs.getInt("u"), rs.getInt("t")}).single();
    }
}
