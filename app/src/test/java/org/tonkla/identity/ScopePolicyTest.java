package org.tonkla.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Roles × scopes × units: who may act on what. The places are real DOPA codes: province 40 Khon
 * Kaen, district 4001 Mueang Khon Kaen, subdistrict 400101 Nai Mueang, 400102 Samran; province 50
 * Chiang Mai, 500101 Si Phum.
 */
class ScopePolicyTest {

    static final UUID KK_CENTER = UUID.fromString("00000000-0000-7000-8000-000000000001");
    static final UUID KK_SCHOOL = UUID.fromString("00000000-0000-7000-8000-000000000002");
    static final UUID CM_CENTER = UUID.fromString("00000000-0000-7000-8000-000000000003");

    /** A DLA center in Nai Mueang, an OBEC school in Samran, a DLA center in Si Phum (Chiang Mai). */
    static final Placement KK_CENTER_AT = new Placement("400101", KK_CENTER, List.of("DLA", "MOI"));
    static final Placement KK_SCHOOL_AT = new Placement("400102", KK_SCHOOL, List.of("OBEC", "MOE"));
    static final Placement CM_CENTER_AT = new Placement("500101", CM_CENTER, List.of("DLA", "MOI"));
    static final Placement KHON_KAEN = Placement.ofArea("40");
    static final Placement MUEANG_KK = Placement.ofArea("4001");

    static final Scope NATIONAL = new Scope(null, OrgUnit.country());
    static final Scope PROVINCE_40 = new Scope("DCY", OrgUnit.area("40"));
    static final Scope PROVINCE_40_MOI = new Scope("MOI", OrgUnit.area("40"));
    static final Scope PROVINCE_50 = new Scope("DCY", OrgUnit.area("50"));
    static final Scope DISTRICT_4001 = new Scope("DLA", OrgUnit.area("4001"));
    static final Scope SUBDISTRICT_400102 = new Scope("OPS-MOPH", OrgUnit.area("400102"));
    static final Scope AT_KK_CENTER = new Scope("DLA", OrgUnit.serviceUnit(KK_CENTER));

    private final ScopePolicy policy = new ScopePolicy(Set.of(Role.AGENCY_ANALYST));

    static Stream<Arguments> matrix() {
        return Stream.of(
                // role, scope, target, allowed, why
                row(Role.ADMINISTRATOR, NATIONAL, CM_CENTER_AT, true, "national scope covers every unit"),
                row(Role.AGENCY_ANALYST, NATIONAL, KK_SCHOOL_AT, true, "no agency on the scope: no agency filter"),
                row(Role.PROVINCIAL_OFFICER, PROVINCE_40, KK_CENTER_AT, true, "unit inside the province"),
                row(Role.PROVINCIAL_OFFICER, PROVINCE_40, KK_SCHOOL_AT, true, "officers are not agency-bound by default"),
                row(Role.PROVINCIAL_OFFICER, PROVINCE_40, MUEANG_KK, true, "a district inside the province"),
                row(Role.PROVINCIAL_OFFICER, PROVINCE_40, KHON_KAEN, true, "the province itself"),
                row(Role.PROVINCIAL_OFFICER, PROVINCE_50, KK_CENTER_AT, false, "Chiang Mai officer, Khon Kaen unit"),
                row(Role.PROVINCIAL_OFFICER, PROVINCE_50, KHON_KAEN, false, "another province"),
                row(Role.COMMITTEE_MEMBER, DISTRICT_4001, KK_SCHOOL_AT, true, "Samran lies in Mueang Khon Kaen"),
                row(Role.COMMITTEE_MEMBER, DISTRICT_4001, KHON_KAEN, false, "a district scope does not reach the province"),
                row(Role.SOCIAL_WORKER, DISTRICT_4001, CM_CENTER_AT, false, "another province"),
                row(Role.HEALTH_WORKER, SUBDISTRICT_400102, KK_SCHOOL_AT, true, "same subdistrict"),
                row(Role.HEALTH_WORKER, SUBDISTRICT_400102, KK_CENTER_AT, false, "neighbouring subdistrict"),
                row(Role.CAREGIVER, AT_KK_CENTER, KK_CENTER_AT, true, "own unit"),
                row(Role.CAREGIVER, AT_KK_CENTER, KK_SCHOOL_AT, false, "another unit in the same district"),
                row(Role.CENTER_HEAD, AT_KK_CENTER, MUEANG_KK, false, "a unit scope does not reach its district"),
                row(Role.SURVEYOR, DISTRICT_4001, KK_CENTER_AT, true, "unit inside the district"),
                row(Role.AGENCY_ANALYST, PROVINCE_40_MOI, KK_CENTER_AT, true, "DLA center, MOI analyst: DLA is under MOI"),
                row(Role.AGENCY_ANALYST, PROVINCE_40_MOI, KK_SCHOOL_AT, false, "OBEC school, MOI analyst"),
                row(Role.AGENCY_ANALYST, PROVINCE_40_MOI, MUEANG_KK, true, "areas carry no affiliation"),
                row(Role.GUARDIAN, NATIONAL, KK_CENTER_AT, false, "guardians act on their child, never on a unit"),
                row(Role.GUARDIAN, AT_KK_CENTER, KK_CENTER_AT, false, "not even the child's own center"));
    }

    private static Arguments row(Role role, Scope scope, Placement target, boolean allowed, String why) {
        return Arguments.of(role, scope, target, allowed, why);
    }

    @ParameterizedTest(name = "{0} {1} → {2}: {3} ({4})")
    @MethodSource("matrix")
    void mayActOn(Role role, Scope scope, Placement target, boolean allowed, String why) {
        Placement scopePlacement = switch (scope.unit()) {
            case OrgUnit.Country c -> Placement.country();
            case OrgUnit.Area a -> Placement.ofArea(a.code());
            case OrgUnit.ServiceUnit s -> KK_CENTER_AT;
        };
        assertThat(policy.permits(role, scope, scopePlacement, target)).as(why).isEqualTo(allowed);
    }

    @ParameterizedTest
    @MethodSource("everyRole")
    void everyRoleButGuardianActsInsideANationalScope(Role role) {
        assertThat(policy.permits(role, NATIONAL, Placement.country(), KK_CENTER_AT)).isEqualTo(role != Role.GUARDIAN);
    }

    static Stream<Role> everyRole() {
        return Stream.of(Role.values());
    }
}
