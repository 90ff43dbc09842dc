package org.tonkla.committee.internal;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.tonkla.committee.Committee;
import org.tonkla.committee.Meeting;
import org.tonkla.committee.Member;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.Role;
import org.tonkla.platform.NotFound;
import org.tonkla.platform.Refused;

/**
 * Who may do what with a committee: members read it (non-members get 404, so a committee's existence is not told),
 * the secretary prepares its meetings, the secretary or an administrator manages its members.
 */
@Component
public class Membership {

    private final CommitteeRows rows;

    Membership(CommitteeRows rows) {
        this.rows = rows;
    }

    /** The committee, for a member or an administrator; 404 for anyone else. */
    public Committee readable(UUID committee, CurrentUser user) {
        Committee c = rows.find(committee).orElseThrow(() -> new NotFound("committee"));
        if (user.role() != Role.ADMINISTRATOR && rows.member(committee, user.id()).isEmpty()) {
            throw new NotFound("committee");
        }
        return c;
    }

    public Optional<Member> member(UUID committee, CurrentUser user) {
        return rows.member(committee, user.id());
    }

    public boolean isSecretary(UUID committee, CurrentUser user) {
        return member(committee, user).map(m -> m.position() == Member.Position.SECRETARY).orElse(false);
    }

    /** Members and administrators may ask; only the secretary prepares meetings, records minutes and decisions. */
    public Committee requireSecretary(UUID committee, CurrentUser user) {
        Committee c = readable(committee, user);
        if (!isSecretary(committee, user)) throw new Refused("Only the committee's secretary prepares its meetings");
        return c;
    }

    /** The secretary or an administrator manages the members. */
    public Committee requireManager(UUID committee, CurrentUser user) {
        Committee c = readable(committee, user);
        if (user.role() != Role.ADMINISTRATOR && !isSecretary(committee, user)) {
            throw new Refused("Only the secretary or an administrator manages the committee's members");
        }
        return c;
    }

    /** The meeting of this committee, for a member; 404 when it is another committee's. */
    public Meeting meeting(UUID committee, UUID meeting, CurrentUser user) {
        readable(committee, user);
        return rows.meeting(meeting).filter(m -> m.committeeId().equals(committee))
                .orElseThrow(() -> new NotFound("meeting"));
    }

    /** The meeting, for its committee's secretary, in one of the given statuses (409 otherwise). */
    public Meeting meetingToPrepare(UUID committee, UUID meeting, CurrentUser user, Meeting.Status... statuses) {
        Meeting m = meeting(committee, meeting, user);
        if (!isSecretary(committee, user)) throw new Refused("Only the committee's secretary prepares its meetings");
        for (Meeting.Status s : statuses) if (m.status() == s) return m;
        throw new org.tonkla.platform.Conflict("committee.meeting.wrongStatus", "The meeting is " + m.status());
    }
}
