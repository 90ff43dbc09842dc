package org.tonkla.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.committee.Agendas;
import org.tonkla.committee.AgendaItem;
import org.tonkla.committee.Committee;
import org.tonkla.committee.Committees;
import org.tonkla.committee.Decisions;
import org.tonkla.committee.MeetingBoard;
import org.tonkla.committee.Member;
import org.tonkla.consent.Consents;
import org.tonkla.consent.Purpose;
import org.tonkla.identity.Accounts;
import org.tonkla.identity.CurrentUser;
import org.tonkla.platform.DemoSwitch;
import org.tonkla.referral.LegalBasis;
import org.tonkla.referral.Referrals;

/**
 * The demo's district committee (issue 12 §5): พชอ. เมืองขอนแก่น with {@code committee.kk} as its secretary and members
 * from DCY, MOPH, OBEC, DLA and MSDHS; a meeting four weeks ago that discussed a child referred to both the health
 * center and the social development office and decided a home visit by MSDHS (still open), so the next agenda has a
 * follow-up. Two more classmates are referred (a vaccine, due in 14 days) so that a meeting a month away proposes
 * overdue cases too. Runs after {@link DemoData}, once: nothing when the committee exists.
 */
@Component
@Conditional(DemoSwitch.class)
@Order(60)
class DemoCommittee implements ApplicationRunner {

    /** The demo children the committee discusses: classmates of the demo class (DemoChildren). */
    static final UUID BOTH_AGENCIES = UUID.nameUUIDFromBytes("demo-class:5".getBytes());
    static final UUID VACCINE = UUID.nameUUIDFromBytes("demo-class:6".getBytes());

    private final Accounts accounts;
    private final Committees committees;
    private final Agendas agendas;
    private final Decisions decisions;
    private final MeetingBoard board;
    private final Referrals referrals;
    private final Consents consents;
    private final Clock clock;

    DemoCommittee(Accounts accounts, Committees committees, Agendas agendas, Decisions decisions, MeetingBoard board,
            Referrals referrals, Consents consents, Clock clock) {
        this.accounts = accounts;
        this.committees = committees;
        this.agendas = agendas;
        this.decisions = decisions;
        this.board = board;
        this.referrals = referrals;
        this.consents = consents;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!accounts.exists("committee.kk")) return;
        CurrentUser admin = user("admin");
        if (committees.mine(admin).stream().anyMatch(c -> c.kind() == Committee.Kind.QUALITY_OF_LIFE && c.districtCode().equals("4001"))) return;
        refer();
        Committee c = committees.create(new Committees.NewCommittee(Committee.Kind.QUALITY_OF_LIFE, "4001",
                "คณะกรรมการพัฒนาคุณภาพชีวิตระดับอำเภอเมืองขอนแก่น (สาธิต)"), admin);
        committees.putMember(c.id(), "committee.kk", Member.Position.SECRETARY, admin);
        for (String member : List.of("officer.khonkaen", "health.kk", "school.kk", "head.kk", "socialdev.kk")) {
            committees.putMember(c.id(), member, Member.Position.MEMBER, admin);
        }
        CurrentUser secretary = user("committee.kk");
        LocalDate today = LocalDate.now(clock);
        var meeting = agendas.create(c.id(), today.minusWeeks(4), "ห้องประชุมที่ว่าการอำเภอเมืองขอนแก่น", secretary);
        var proposals = board.board(c.id(), meeting.id(), secretary).proposals();
        // The case of the child referred to two agencies; the rest waits for the next meeting.
        var item = proposals.stream().filter(i -> i.kind() == AgendaItem.Kind.CASE && i.agencies().size() >= 2)
                .findFirst().orElseThrow();
        agendas.accept(c.id(), meeting.id(), item.id(), secretary);
        agendas.addItem(c.id(), meeting.id(), "รายงานสถานการณ์เด็กปฐมวัยในอำเภอ ไตรมาสที่ผ่านมา", secretary);
        agendas.publish(c.id(), meeting.id(), secretary);
        decisions.itemMinutes(c.id(), meeting.id(), item.id(), "น้ำหนักไม่ขึ้น ครัวเรือนรายได้น้อย บิดาตกงาน"
                + " ที่ประชุมมอบ พมจ. เยี่ยมบ้านร่วมกับ อสม. และ รพ.สต. ติดตามน้ำหนักทุกเดือน", secretary);
        decisions.decide(c.id(), meeting.id(), item.id(), new Decisions.NewTask(
                "เยี่ยมบ้านร่วมกับ อสม. ประเมินความต้องการช่วยเหลือของครัวเรือน และพิจารณาเงินอุดหนุนเพื่อการเลี้ยงดูเด็กแรกเกิด",
                "OPS-MSDHS", DemoUnits.KHON_KAEN_SOCIAL_OFFICE, today.plusWeeks(1)), secretary);
        decisions.carePlan(c.id(), meeting.id(), item.id(), "น้ำหนักตามเกณฑ์ภายใน 6 เดือน; ครัวเรือนได้รับสวัสดิการที่มีสิทธิ",
                today.plusMonths(2), secretary);
        decisions.meetingMinutes(c.id(), meeting.id(), "ประชุมครบองค์ประชุม พิจารณา 1 กรณี และรับทราบรายงานสถานการณ์",
                secretary);
        agendas.close(c.id(), meeting.id(), secretary);
    }

    /** Referrals the committee's agendas find: one child at two agencies, one vaccine (overdue in a fortnight). */
    private void refer() {
        CurrentUser teacher = user("teacher.kk");
        consents.record(BOTH_AGENCIES, "40", Purpose.REFERRAL, true, "มารดา (หนังสือยินยอมที่ลงนาม)", null, null, teacher);
        referrals.create(new Referrals.NewReferral(BOTH_AGENCIES, null, DemoUnits.KHON_KAEN_HEALTH_CENTER, "growth",
                null, null, "น้ำหนักต่ำกว่าเกณฑ์ ไม่ขึ้นสามเดือน", null, null), teacher);
        referrals.create(new Referrals.NewReferral(BOTH_AGENCIES, null, DemoUnits.KHON_KAEN_SOCIAL_OFFICE,
                "household-support", null, null, "บิดาตกงาน ครัวเรือนขาดรายได้", LegalBasis.CONSENT, null), teacher);
        referrals.create(new Referrals.NewReferral(VACCINE, null, DemoUnits.KHON_KAEN_HEALTH_CENTER, "immunization",
                null, null, "วัคซีน MMR เข็มที่ 2 ค้าง", null, null), teacher);
    }

    private CurrentUser user(String username) {
        var a = accounts.search(username).stream().filter(x -> x.username().equals(username)).findFirst().orElseThrow();
        return new CurrentUser(a.id(), a.username(), a.displayName(), a.role(), a.scope(), "th");
    }
}
