package org.tonkla.demo;

import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.tonkla.directory.Directory;
import org.tonkla.directory.ServiceUnit;
import org.tonkla.directory.ServiceUnitType;
import org.tonkla.consent.AgreementAdmin;
import org.tonkla.consent.DataCategory;
import org.tonkla.consent.Purpose;
import org.tonkla.identity.Accounts;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;
import org.tonkla.identity.Scope;
import org.tonkla.platform.DemoSwitch;

/**
 * Loads the demo units and accounts on the first start (when the {@code admin} account does not exist yet).
 * Not even a bean unless {@link DemoSwitch} says so: its passwords are published, so a Tonkla that others can
 * reach gets them only when {@code TONKLA_DEMO=true} is given explicitly.
 */
@Component
@Conditional(DemoSwitch.class)
@Order(50)
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "tonkla-demo";
    static final String API_CLIENT = "demo-client";
    static final String API_SECRET = "tonkla-demo-secret";

    /** One demo login, as the README table lists them. */
    record DemoLogin(String username, String displayName, Role role, Scope scope) {}

    static final List<DemoLogin> LOGINS = List.of(
            new DemoLogin("admin", "ผู้ดูแลระบบ (สาธิต)", Role.ADMINISTRATOR, new Scope(null, OrgUnit.country())),
            new DemoLogin("officer.khonkaen", "เจ้าหน้าที่จังหวัดขอนแก่น (สาธิต)", Role.PROVINCIAL_OFFICER,
                    new Scope("DCY", OrgUnit.area("40"))),
            new DemoLogin("officer.chiangmai", "เจ้าหน้าที่จังหวัดเชียงใหม่ (สาธิต)", Role.PROVINCIAL_OFFICER,
                    new Scope("DCY", OrgUnit.area("50"))),
            new DemoLogin("teacher.kk", "ครูผู้ดูแลเด็ก ขอนแก่น (สาธิต)", Role.CAREGIVER,
                    new Scope("DLA", OrgUnit.serviceUnit(DemoUnits.KHON_KAEN_CENTER))),
            new DemoLogin("health.kk", "เจ้าหน้าที่ รพ.สต. ขอนแก่น (สาธิต)", Role.HEALTH_WORKER,
                    new Scope("OPS-MOPH", OrgUnit.serviceUnit(DemoUnits.KHON_KAEN_HEALTH_CENTER))),
            new DemoLogin("head.kk", "หัวหน้าศูนย์พัฒนาเด็กเล็ก ขอนแก่น (สาธิต)", Role.CENTER_HEAD,
                    new Scope("DLA", OrgUnit.serviceUnit(DemoUnits.KHON_KAEN_CENTER))),
            new DemoLogin("school.kk", "ครูอนุบาล ขอนแก่น (สาธิต)", Role.CAREGIVER,
                    new Scope("OBEC", OrgUnit.serviceUnit(DemoUnits.KHON_KAEN_KINDERGARTEN))),
            new DemoLogin("guardian.kk", "สมหญิง ใจดี (ผู้ปกครอง สาธิต)", Role.GUARDIAN, new Scope(null, OrgUnit.country())),
            // A social worker of an agency that has signed no agreement with the units holding the children:
            // in scope of all of Khon Kaen, yet refused every child's record (README, agreements).
            new DemoLogin("social.kk", "นักสังคมสงเคราะห์ จังหวัดขอนแก่น (สาธิต)", Role.SOCIAL_WORKER,
                    new Scope("OPS-MSDHS", OrgUnit.area("40"))),
            // Issue 12: the provincial social development office receives referrals; the district committee's
            // secretary (พชอ. เมืองขอนแก่น, under the district office, MOI) reads the district's children.
            new DemoLogin("socialdev.kk", "นักพัฒนาสังคม พมจ.ขอนแก่น (สาธิต)", Role.SOCIAL_WORKER,
                    new Scope("OPS-MSDHS", OrgUnit.serviceUnit(DemoUnits.KHON_KAEN_SOCIAL_OFFICE))),
            new DemoLogin("committee.kk", "เลขานุการ พชอ.เมืองขอนแก่น (สาธิต)", Role.COMMITTEE_MEMBER,
                    new Scope("MOI", OrgUnit.area("4001"))));

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private final Directory directory;
    private final Accounts accounts;
    private final DemoChildren demoChildren;
    private final SyntheticChildren population;
    private final AgreementAdmin agreements;
    private final DemoReferrals referrals;
    private final DemoField field;
    private final int children;

    DemoData(Directory directory, Accounts accounts, DemoChildren demoChildren, SyntheticChildren population,
            AgreementAdmin agreements, DemoReferrals referrals, DemoField field, @Value("${tonkla.demo.children:2000}") int children) {
        this.referrals = referrals;
        this.field = field;
        this.agreements = agreements;
        this.directory = directory;
        this.accounts = accounts;
        this.demoChildren = demoChildren;
        this.population = population;
        this.children = children;
    }

    /** All or nothing, in one transaction: the demo is either fully there (its admin exists) or not at all. */
    @Override
    @org.springframework.transaction.annotation.Transactional
    public void run(ApplicationArguments args) {
        if (accounts.exists("admin")) return;
        unit(DemoUnits.KHON_KAEN_CENTER, ServiceUnitType.EARLY_CHILDHOOD_CENTER,
                "ศูนย์พัฒนาเด็กเล็กเทศบาลนครขอนแก่น (สาธิต)", "Khon Kaen Municipal Child Development Center (demo)",
                "DLA", "400101", 16.4419, 102.8360, null, null);
        unit(DemoUnits.KHON_KAEN_HEALTH_CENTER, ServiceUnitType.HEALTH_CENTER,
                "โรงพยาบาลส่งเสริมสุขภาพตำบลสำราญ (สาธิต)", "Samran Health Promoting Hospital (demo)",
                "OPS-MOPH", "400102", 16.4870, 102.8900, "99001", null);
        unit(DemoUnits.KHON_KAEN_KINDERGARTEN, ServiceUnitType.KINDERGARTEN,
                "โรงเรียนอนุบาลขอนแก่น (สาธิต)", "Anuban Khon Kaen School (demo)",
                "OBEC", "400101", 16.4330, 102.8250, null, "9940010001");
        unit(DemoUnits.KHON_KAEN_SOCIAL_OFFICE, ServiceUnitType.SOCIAL_DEVELOPMENT_OFFICE,
                "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดขอนแก่น (สาธิต)",
                "Khon Kaen Provincial Social Development and Human Security Office (demo)",
                "OPS-MSDHS", "400101", null, null, null, null);
        unit(DemoUnits.CHIANG_MAI_CENTER, ServiceUnitType.EARLY_CHILDHOOD_CENTER,
                "ศูนย์พัฒนาเด็กเล็กเทศบาลนครเชียงใหม่ (สาธิต)", "Chiang Mai Municipal Child Development Center (demo)",
                "DLA", "500101", 18.7900, 98.9850, null, null);
        UUID guardian = null;
        CurrentUser admin = null;
        var users = new java.util.HashMap<String, CurrentUser>();
        for (DemoLogin login : LOGINS) {
            UUID id = accounts.create(new Accounts.AccountForm(login.username(), login.displayName(), login.role(),
                    login.scope(), PASSWORD, true), true);
            users.put(login.username(), new CurrentUser(id, login.username(), login.displayName(), login.role(), login.scope(), "th"));
            if (login.role() == Role.GUARDIAN) guardian = id;
            if (login.role() == Role.ADMINISTRATOR) {
                admin = new CurrentUser(id, login.username(), login.displayName(), login.role(), login.scope(), "th");
            }
        }
        agreement(admin);
        accounts.createApiClient(API_CLIENT, API_SECRET, "officer.khonkaen");
        demoChildren.load(guardian);
        referrals.load(users);
        field.load(users);
        // A small version of the Khon Kaen pilot; ./tonkla generate --pilot loads the full one.
        if (children > 0) population.generate(children, 2569);
        log.info("Loaded demo units, accounts and children");
    }

    /**
     * The demo's MOU: the coordinating agency (DCY), local government (DLA), public health (MOPH) and basic
     * education (OBEC) share every category for care, referral, monitoring and protection, country-wide. The
     * social development office (OPS-MSDHS) has signed nothing, so social.kk reads no child.
     */
    private void agreement(CurrentUser admin) {
        UUID id = agreements.draft(new AgreementAdmin.Draft("MOU-ECD-DEMO", "ข้อตกลงแลกเปลี่ยนข้อมูลเด็กปฐมวัย (สาธิต)",
                "Early-childhood data-sharing agreement (demo)",
                "บันทึกข้อตกลงความร่วมมือระบบสารสนเทศเด็กปฐมวัย พ.ศ. 2566; พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562 มาตรา 24 (ภารกิจของรัฐ)",
                AgreementAdmin.Level.NAMED, null, java.time.LocalDate.of(2023, 1, 1), null,
                java.util.Set.of("DCY", "DLA", "MOPH", "OBEC"), java.util.EnumSet.allOf(DataCategory.class),
                java.util.EnumSet.of(Purpose.CARE, Purpose.REFERRAL, Purpose.MONITORING, Purpose.PROTECTION)), admin);
        agreements.changeStatus(id, 0, AgreementAdmin.Status.ACTIVE, admin);
    }

    private void unit(UUID id, ServiceUnitType type, String nameTh, String nameEn, String agency, String subdistrict,
            Double lat, Double lon, String hospcode, String schoolCode) {
        directory.addServiceUnit(new ServiceUnit(id, type, nameTh, nameEn, agency, subdistrict,
                subdistrict.substring(0, 2), lat, lon, hospcode, schoolCode));
    }
}
