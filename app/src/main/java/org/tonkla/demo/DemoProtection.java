package org.tonkla.demo;

import java.util.Set;
import java.util.UUID;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.identity.Accounts;
import org.tonkla.identity.CurrentUser;
import org.tonkla.platform.DemoSwitch;
import org.tonkla.protection.Concerns;
import org.tonkla.protection.ProtectionScreenings;
import org.tonkla.registry.ChildId;

/**
 * The demo's protection concern (issue 17): {@code teacher.kk} screened a classmate who lives with her grandmother
 * and came with an unexplained bruise, a HIGH result, so the concern went to the Khon Kaen social development office,
 * where {@code socialdev.kk} works on it; {@code teacher.kk} sees its status only.
 */
@Component
@Conditional(DemoSwitch.class)
@Order(70)
class DemoProtection implements ApplicationRunner {

    /** The classmate of the demo class (DemoChildren) the concern is about. */
    static final UUID CHILD = UUID.nameUUIDFromBytes("demo-class:19".getBytes());

    private final Accounts accounts;
    private final ProtectionScreenings screenings;
    private final Concerns concerns;

    DemoProtection(Accounts accounts, ProtectionScreenings screenings, Concerns concerns) {
        this.accounts = accounts;
        this.screenings = screenings;
        this.concerns = concerns;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!accounts.exists("socialdev.kk") || !accounts.exists("teacher.kk")) return;
        CurrentUser teacher = user("teacher.kk");
        if (!concerns.list(teacher).reported().isEmpty()) return;
        screenings.record(new ChildId(CHILD), new ProtectionScreenings.ScreeningInput(
                Set.of("not-with-parents", "unexplained-injury"),
                "เด็กอยู่กับยาย มีรอยช้ำที่ต้นแขนสองข้าง เด็กบอกว่าไม่รู้ว่าเป็นอะไร", "GRANDPARENTS"), teacher);
    }

    private CurrentUser user(String username) {
        var a = accounts.search(username).stream().filter(x -> x.username().equals(username)).findFirst().orElseThrow();
        return new CurrentUser(a.id(), a.username(), a.displayName(), a.role(), a.scope(), "th");
    }
}
