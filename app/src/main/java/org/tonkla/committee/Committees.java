package org.tonkla.committee;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.committee.internal.AgendaRows;
import org.tonkla.committee.internal.CommitteeRows;
import org.tonkla.committee.internal.Membership;
import org.tonkla.directory.AreaLevel;
import org.tonkla.directory.Directory;
import org.tonkla.identity.Accounts;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.Role;
import org.tonkla.platform.InvalidInput;
import org.tonkla.platform.NotFound;
import org.tonkla.platform.Refused;
import org.tonkla.platform.Validation;
import org.tonkla.referral.AreaCaseload;

/**
 * The committees: an administrator sets one up for a district; its secretary (or an administrator) adds members
 * from each agency; members see the committee, its meetings and the district's cases in counts.
 */
@Component
public class Committees {

    /** What an administrator fills in. */
    public record NewCommittee(Committee.Kind kind, String districtCode, String nameTh) {}

    /**
     * De-identified counts of the district's cases (small numbers are shown: only members see them): children
     * with an overdue referral, with open referrals to several agencies, by need type and by receiving agency; and
     * the committee's open tasks by agency.
     */
    public record Counts(int children, int overdue, int multiAgency, Map<String, Integer> byNeedType,
            Map<String, Integer> byAgency, Map<String, Integer> openTasksByAgency) {}

    /** A committee as its members see it. */
    public record View(Committee committee, List<Member> members, List<Meeting> meetings, Member.Position myPosition,
            boolean mayManage, Counts counts) {}

    private final CommitteeRows rows;
    private final AgendaRows agenda;
    private final Membership membership;
    private final Directory directory;
    private final Accounts accounts;
    private final AreaCaseload caseload;
    private final Clock clock;

    Committees(CommitteeRows rows, AgendaRows agenda, Membership membership, Directory directory, Accounts accounts,
            AreaCaseload caseload, Clock clock) {
        this.rows = rows;
        this.agenda = agenda;
        this.membership = membership;
        this.directory = directory;
        this.accounts = accounts;
        this.caseload = caseload;
        this.clock = clock;
    }

    /**
     * Sets up a committee (administrators only).
     *
     * @throws InvalidInput naming {@code kind}, {@code districtCode} (a district of the directory) or {@code nameTh}
     */
    @Transactional
    public Committee create(NewCommittee in, CurrentUser user) {
        if (user.role() != Role.ADMINISTRATOR) throw new Refused("Only administrators set up committees");
        boolean district = in.districtCode() != null && directory.area(in.districtCode())
                .map(a -> a.level() == AreaLevel.DISTRICT).orElse(false);
        new Validation().check(in.kind() != null, "kind", "QUALITY_OF_LIFE or CHILD_PROTECTION")
                .check(district, "districtCode", "the four-digit code of a district")
                .requiredText("nameTh", in.nameTh(), Validation.MAX_TEXT).throwIfInvalid();
        Committee c = new Committee(UUID.randomUUID(), in.kind(), in.districtCode(), in.nameTh().strip());
        rows.insert(c, Instant.now(clock));
        return c;
    }

    /** The committees the user sits on; every committee for administrators. */
    public List<Committee> mine(CurrentUser user) {
        return rows.of(user.role() == Role.ADMINISTRATOR ? null : user.id());
    }

    /** One committee for a member or administrator; 404 for anyone else. */
    public View view(UUID id, CurrentUser user) {
        Committee c = membership.readable(id, user);
        var me = membership.member(id, user).map(Member::position).orElse(null);
        boolean manage = user.role() == Role.ADMINISTRATOR || me == Member.Position.SECRETARY;
        return new View(c, rows.members(id), rows.meetings(id), me, manage, counts(c));
    }

    /** Nothing for members and administrators; 404 for anyone else (before a form is even read). */
    public void requireReadable(UUID id, CurrentUser user) {
        membership.readable(id, user);
    }

    private Counts counts(Committee c) {
        LocalDate today = LocalDate.now(clock);
        var cases = caseload.stuck(c.districtCode(), today);
        Map<String, Integer> needs = new TreeMap<>();
        Map<String, Integer> agencies = new TreeMap<>();
        for (var k : cases) {
            k.needTypes().forEach(n -> needs.merge(n, 1, Integer::sum));
            k.agencies().forEach(a -> agencies.merge(a, 1, Integer::sum));
        }
        Map<String, Integer> tasks = new TreeMap<>();
        agenda.tasks(c.id(), true).forEach(t -> tasks.merge(t.task().agencyCode(), 1, Integer::sum));
        return new Counts(cases.size(), (int) cases.stream().filter(k -> k.overdue() > 0).count(),
                (int) cases.stream().filter(AreaCaseload.OpenCase::spansAgencies).count(), needs, agencies, tasks);
    }

    /**
     * Adds a Tonkla user as a member (or changes their position). Families cannot be members.
     *
     * @throws InvalidInput naming {@code username} (no such account, or a guardian) or {@code position}
     */
    @Transactional
    public Member putMember(UUID committee, String username, Member.Position position, CurrentUser user) {
        membership.requireManager(committee, user);
        var account = username == null ? null : accounts.search(username.strip()).stream()
                .filter(a -> a.username().equalsIgnoreCase(username.strip())).findFirst().orElse(null);
        new Validation().check(account != null && account.role() != Role.GUARDIAN && account.enabled(), "username",
                        "the username of an active account that is not a family's")
                .check(position != null, "position", "CHAIR, SECRETARY or MEMBER").throwIfInvalid();
        // Members read named children on a published agenda: only people whose work covers the district may sit.
        String district = membership.readable(committee, user).districtCode();
        String area = directory.placementOf(account.scope().unit()).map(p -> p.areaCode()).orElse(null);
        new Validation().check(area != null && (district.startsWith(area) || area.startsWith(district)), "username",
                "an account whose area of work covers the district " + district).throwIfInvalid();
        Member m = new Member(account.id(), account.username(), account.displayName(), account.scope().agencyCode(),
                position);
        rows.putMember(committee, m, Instant.now(clock));
        return m;
    }

    /** Removes a member; a secretary cannot remove themself (someone must prepare the next meeting). */
    @Transactional
    public void removeMember(UUID committee, UUID member, CurrentUser user) {
        membership.requireManager(committee, user);
        if (member.equals(user.id()) && user.role() != Role.ADMINISTRATOR) {
            throw new InvalidInput("member", "another member: a secretary does not remove themself");
        }
        if (!rows.removeMember(committee, member)) throw new NotFound("member");
    }
}
