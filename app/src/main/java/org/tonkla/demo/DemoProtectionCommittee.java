package org.tonkla.demo;

import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.committee.Committee;
import org.tonkla.committee.Committees;
import org.tonkla.committee.Member;
import org.tonkla.identity.Accounts;
import org.tonkla.identity.CurrentUser;
import org.tonkla.platform.DemoSwitch;

/**
 * The demo's child-protection subcommittee of Mueang Khon Kaen (issue 17 "Done when"): {@code committee.kk} its
 * secretary, {@code socialdev.kk} (the social development office), {@code health.kk} and {@code school.kk} members, so
 * the secretary's next meeting proposes the district's open protection concerns (the demo's one, DemoProtection).
 * Runs after the district committee, once: nothing when a child-protection committee of 4001 exists.
 */
@Component
@Conditional(DemoSwitch.class)
@Order(65)
class DemoProtectionCommittee implements ApplicationRunner {

    private final Accounts accounts;
    private final Committees committees;

    DemoProtectionCommittee(Accounts accounts, Committees committees) {
        this.accounts = accounts;
        this.committees = committees;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!accounts.exists("committee.kk") || !accounts.exists("socialdev.kk")) return;
        CurrentUser admin = user("admin");
        if (committees.mine(admin).stream().anyMatch(c -> c.kind() == Committee.Kind.CHILD_PROTECTION
                && "4001".equals(c.districtCode()))) {
            return;
        }
        Committee c = committees.create(new Committees.NewCommittee(Committee.Kind.CHILD_PROTECTION, "4001",
                "คณะอนุกรรมการคุ้มครองเด็กอำเภอเมืองขอนแก่น (สาธิต)"), admin);
        committees.putMember(c.id(), "committee.kk", Member.Position.SECRETARY, admin);
        for (String member : List.of("socialdev.kk", "health.kk", "school.kk")) {
            committees.putMember(c.id(), member, Member.Position.MEMBER, admin);
        }
    }

    private CurrentUser user(String username) {
        var a = accounts.search(username).stream().filter(x -> x.username().equals(username)).findFirst().orElseThrow();
        return new CurrentUser(a.id(), a.username(), a.displayName(), a.role(), a.scope(), "th");
    }
}
