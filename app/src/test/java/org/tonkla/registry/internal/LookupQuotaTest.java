package org.tonkla.registry.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.tonkla.IntegrationTest;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;
import org.tonkla.identity.Scope;

/**
 * The hourly identity look-up quota: a surveyor registering a village's children in a campaign (issue 11) has an
 * allowance of its own, configured apart from everyone else's; past either, the look-up is refused (429).
 */
class LookupQuotaTest extends IntegrationTest {

    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired PlatformTransactionManager transactions;
    @Autowired LookupQuota configured;

    @Test
    void surveyorsHaveTheirOwnAllowanceAndOthersKeepTheGeneralOne() {
        var quota = new LookupQuota(jdbc, clock, transactions, 2, 5);
        var teacher = user(Role.CAREGIVER);
        var surveyor = user(Role.SURVEYOR);
        for (int i = 0; i < 2; i++) quota.spend(teacher);
        assertThatThrownBy(() -> quota.spend(teacher)).isInstanceOf(LookupQuota.Exhausted.class);
        for (int i = 0; i < 5; i++) assertThatCode(() -> quota.spend(surveyor)).doesNotThrowAnyException();
        assertThatThrownBy(() -> quota.spend(surveyor)).isInstanceOf(LookupQuota.Exhausted.class);
    }

    @Test
    void asConfiguredASurveyorRegistersMoreChildrenInAnHourThanTheGeneralSixty() {
        var surveyor = user(Role.SURVEYOR);
        var teacher = user(Role.CAREGIVER);
        for (int i = 0; i < 60; i++) configured.spend(teacher);
        assertThatThrownBy(() -> configured.spend(teacher)).isInstanceOf(LookupQuota.Exhausted.class);
        for (int i = 0; i < 150; i++) configured.spend(surveyor);
    }

    private static CurrentUser user(Role role) {
        return new CurrentUser(UUID.randomUUID(), "quota-" + role, "quota", role, new Scope("DLA", OrgUnit.area("4007")), "th");
    }
}
