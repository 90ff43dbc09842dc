package org.tonkla.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.tonkla.directory.Directory;
import org.tonkla.directory.ServiceUnit;
import org.tonkla.directory.ServiceUnitType;
import org.tonkla.field.Campaigns;
import org.tonkla.identity.Accounts;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;
import org.tonkla.identity.Scope;

/**
 * Issue 11's demo: {@code surveyor.kk}, a child-development-center teacher surveying in Nam Phong district (DLA, scope
 * the district 4007), and an open home-visit campaign of {@code officer.khonkaen} over Nam Phong in which she is
 * assigned three subdistricts, ready to open in ODK Collect. Children found new are registered at the demo center of
 * Nam Phong.
 */
@Component
class DemoField {

    static final String SURVEYOR = "surveyor.kk";
    /** The subdistricts surveyor.kk is assigned: น้ำพอง, วังชัย, หนองกุง. */
    static final List<String> ASSIGNED = List.of("400701", "400702", "400703");

    private final Directory directory;
    private final Accounts accounts;
    private final Campaigns campaigns;
    private final Clock clock;

    DemoField(Directory directory, Accounts accounts, Campaigns campaigns, Clock clock) {
        this.directory = directory;
        this.accounts = accounts;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    /** {@code users} by username: the demo logins just created (the officer opens the campaign). */
    void load(Map<String, CurrentUser> users) {
        directory.addServiceUnit(new ServiceUnit(DemoUnits.NAM_PHONG_CENTER, ServiceUnitType.EARLY_CHILDHOOD_CENTER,
                "ศูนย์พัฒนาเด็กเล็กเทศบาลตำบลน้ำพอง (สาธิต)", "Nam Phong Subdistrict Municipality Child Development Center (demo)",
                "DLA", "400701", "40", 16.7010, 102.8560, null, null));
        Scope scope = new Scope("DLA", OrgUnit.area("4007"));
        UUID surveyor = accounts.create(new Accounts.AccountForm(SURVEYOR, "ครูผู้สำรวจ อำเภอน้ำพอง (สาธิต)", Role.SURVEYOR,
                scope, DemoData.PASSWORD, true), true);
        LocalDate today = LocalDate.now(clock);
        CurrentUser officer = users.get("officer.khonkaen");
        UUID campaign = campaigns.create(new Campaigns.NewCampaign("สำรวจเด็กปฐมวัยอำเภอน้ำพอง (สาธิต)", List.of("4007"),
                today.minusDays(7), today.plusDays(180), DemoUnits.NAM_PHONG_CENTER), officer);
        campaigns.assign(campaign, new Campaigns.Assignment(surveyor, ASSIGNED, List.of()), officer);
    }
}
