package org.tonkla.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;
import org.tonkla.assessment.Drafts.RatingInput;
import org.tonkla.core.standard.AgeGroup;
import org.tonkla.core.standard.ItemLevel;
import org.tonkla.core.thai.BuddhistEra;
import org.tonkla.directory.Directory;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;

/**
 * Issue 9 points 1, 2 and 7: a center is assessed on the Standard-3 items of the age groups it enrols,
 * and the items that map to data get their figures from a hand-built class: the overall DSPM share,
 * each per-domain item from its own domain, the สูงดีสมส่วน share of the growth items (no level without
 * configured bands), advice beside the rating where the mapping is inferred.
 */
class StandardThreeFiguresTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Directory directory;
    @Autowired
    CenterAssessments assessments;
    @Autowired
    CenterProfiles profiles;

    @Test
    void aCenterWithOnlyKhoChildrenIsAssessedWithoutKoItems() {
        UUID unit = Fixtures.center(directory, "DLA", "340404", "ศูนย์พัฒนาเด็กเล็กอนุบาล");
        var head = Fixtures.user("head.kho", Role.CENTER_HEAD, "DLA", OrgUnit.serviceUnit(unit));
        // The profile says both groups, but only children of 3–6 are enrolled.
        profiles.save(unit, new CenterProfiles.ProfileForm(null, 30, 2, true, true), head);
        for (int i = 0; i < 2; i++) enrol(child(today().minusYears(4)), unit, today().minusMonths(3));
        UUID id = assessments.open(unit, assessments.currentYearBe(), head);
        AssessmentSheet sheet = assessments.sheet(id, head);
        assertThat(sheet.ageGroups()).containsExactly(AgeGroup.THREE_TO_SIX);
        assertThat(sheet.applicableItems()).hasSize(68).noneMatch(i -> i.ageGroup() == AgeGroup.UNDER_THREE);
        assertThat(sheet.computed()).doesNotContainKeys("3.2.1 ก", "3.1.1 ก");
    }

    @Test
    void computedItemsOfAHandBuiltClass() {
        UUID unit = Fixtures.center(directory, "DLA", "340405", "ศูนย์พัฒนาเด็กเล็กห้องทดลอง");
        var head = Fixtures.user("head.class", Role.CENTER_HEAD, "DLA", OrgUnit.serviceUnit(unit));
        int yearBe = assessments.currentYearBe();
        int yearCe = BuddhistEra.toCommonEraYear(yearBe);
        LocalDate opens = LocalDate.of(yearCe, 1, 10);
        LocalDate enrolled = LocalDate.of(yearCe - 1, 6, 1);

        // Group ก: ten children whose 18-month window opens on 10 Jan. Six pass everything; three are
        // suspected in GM and never re-checked; one is suspected in EL and passes a re-check 24 days later.
        LocalDate bornKo = opens.minusMonths(18);
        for (int i = 0; i < 10; i++) {
            UUID c = child(bornKo);
            enrol(c, unit, enrolled);
            if (i < 6) screening(c, opens.plusDays(2), "NORMAL", "NORMAL");
            else if (i < 9) screening(c, opens.plusDays(2), "SUSPECTED_DELAY", "NORMAL");
            else {
                screening(c, opens.plusDays(2), "NORMAL", "SUSPECTED_DELAY");
                screening(c, opens.plusDays(26), "NORMAL", "NORMAL");
            }
        }
        // Group ข: four children whose 42-month window opens on 10 Jan, all passing; measured this year,
        // three สูงดีสมส่วน and one short for age.
        LocalDate bornKho = opens.minusMonths(42);
        for (int i = 0; i < 4; i++) {
            UUID c = child(bornKho);
            enrol(c, unit, enrolled);
            screening(c, opens.plusDays(3), "NORMAL", "NORMAL");
            growth(c, opens.plusDays(3), i < 3 ? 0.0 : -2.0, 0.3);
        }

        UUID id = assessments.open(unit, yearBe, head);
        AssessmentSheet sheet = assessments.sheet(id, head);
        assertThat(sheet.ageGroups()).isEqualTo(EnumSet.of(AgeGroup.UNDER_THREE, AgeGroup.THREE_TO_SIX));
        assertThat(sheet.applicableItems()).hasSize(75);

        // 3.2.1 ก: all five domains, 7 of 10 (the EL re-check counts) = 70 % → ต้องปรับปรุง, as advice.
        figure(sheet, "3.2.1 ก", ComputedItem.Kind.DSPM, "", 7, 10, ItemLevel.NEEDS_IMPROVEMENT);
        // 3.2.2–3.2.6 ก: each from its own domain, not the overall share.
        figure(sheet, "3.2.2 ก", ComputedItem.Kind.DSPM_DOMAIN, "GM", 7, 10, ItemLevel.NEEDS_IMPROVEMENT);
        figure(sheet, "3.2.3 ก", ComputedItem.Kind.DSPM_DOMAIN, "FM", 10, 10, ItemLevel.VERY_GOOD);
        figure(sheet, "3.2.4 ก", ComputedItem.Kind.DSPM_DOMAIN, "RL", 10, 10, ItemLevel.VERY_GOOD);
        figure(sheet, "3.2.5 ก", ComputedItem.Kind.DSPM_DOMAIN, "EL", 10, 10, ItemLevel.VERY_GOOD);
        figure(sheet, "3.2.6 ก", ComputedItem.Kind.DSPM_DOMAIN, "PS", 10, 10, ItemLevel.VERY_GOOD);
        // ข items by the domain the rules map them to.
        figure(sheet, "3.3.1 ข", ComputedItem.Kind.DSPM_DOMAIN, "GM", 4, 4, ItemLevel.VERY_GOOD);
        figure(sheet, "3.6.1 ข", ComputedItem.Kind.DSPM_DOMAIN, "RL", 4, 4, ItemLevel.VERY_GOOD);
        figure(sheet, "3.6.2 ข", ComputedItem.Kind.DSPM_DOMAIN, "EL", 4, 4, ItemLevel.VERY_GOOD);
        // Growth: 3 of 4 measured are สูงดีสมส่วน; no bands are configured, so no level.
        figure(sheet, "3.1.1 ข", ComputedItem.Kind.HEALTHY_GROWTH, "", 3, 4, null);
        figure(sheet, "3.1.1 ก", ComputedItem.Kind.HEALTHY_GROWTH, "", 0, 0, null);
        assertThat(sheet.computed()).doesNotContainKeys("3.1.2 ข", "3.1.3 ข");

        // Inferred figures are advice: the center's own rating counts. 3.4.1 ข's mapping is stated: it counts.
        assertThat(sheet.computed().get("3.2.2 ก").replacesRating()).isFalse();
        assertThat(sheet.computed().get("3.2.2 ก").inferred()).isTrue();
        assertThat(sheet.computed().get("3.4.1 ข").replacesRating()).isTrue();
        assertThat(sheet.effectiveLevel("3.4.1 ข")).isEqualTo(ItemLevel.VERY_GOOD);
        assessments.saveDraft(id, Map.of("3.2.2 ก", new RatingInput(ItemLevel.GOOD, null)), Map.of(), head);
        AssessmentSheet rated = assessments.sheet(id, head);
        assertThat(rated.effectiveLevel("3.2.2 ก")).isEqualTo(ItemLevel.GOOD);
        assertThat(rated.computed().get("3.2.2 ก").level()).isEqualTo(ItemLevel.NEEDS_IMPROVEMENT);
    }

    private static void figure(AssessmentSheet sheet, String key, ComputedItem.Kind kind, String domain, int a, int b,
            ItemLevel level) {
        ComputedItem c = sheet.computed().get(key);
        assertThat(c).as(key).isNotNull();
        assertThat(c.kind()).as(key).isEqualTo(kind);
        assertThat(c.domain()).as(key).isEqualTo(domain);
        assertThat(new int[] {c.a(), c.b()}).as(key).containsExactly(a, b);
        assertThat(c.level()).as(key).isEqualTo(level);
    }

    private UUID child(LocalDate born) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO child (id, given_name_th, family_name_th, sex, date_of_birth, identifier_type, no_identifier_reason,
                  province_code, created_by) VALUES (?, 'ทดสอบ', 'ห้องเรียน', 'M', ?, 'NONE', 'test', '34', 'test')""")
                .params(id, Date.valueOf(born)).update();
        return id;
    }

    private void enrol(UUID child, UUID unit, LocalDate from) {
        jdbc.sql("""
                INSERT INTO enrolment (id, child_id, unit_id, kind, started_on, ended_on, province_code, created_by)
                VALUES (?, ?, ?, 'ENROLLED', ?, NULL, '34', 'test')""")
                .params(UUID.randomUUID(), child, unit, Date.valueOf(from)).update();
    }

    private void screening(UUID child, LocalDate day, String gm, String el) {
        String outcome = gm.equals("NORMAL") && el.equals("NORMAL") ? "1B260" : "1B261";
        jdbc.sql("""
                INSERT INTO dspm_screening (id, child_id, province_code, screened_on, gm, fm, rl, el, ps, outcome_code,
                  recorded_by, recorded_at) VALUES (?, ?, '34', ?, ?, 'NORMAL', 'NORMAL', ?, 'NORMAL', ?, 'test', ?)""")
                .params(UUID.randomUUID(), child, Date.valueOf(day), gm, el, outcome, Timestamp.from(Instant.now())).update();
    }

    private void growth(UUID child, LocalDate day, double heightForAge, double weightForHeight) {
        jdbc.sql("""
                INSERT INTO growth_measurement (id, child_id, province_code, measured_on, age_days, weight_kg, length_cm,
                  z_lhfa, z_wflh, recorded_by, recorded_at) VALUES (?, ?, '34', ?, 1300, 15.0, 100.0, ?, ?, 'test', ?)""")
                .params(UUID.randomUUID(), child, Date.valueOf(day), heightForAge, weightForHeight, Timestamp.from(Instant.now()))
                .update();
    }
}
