package org.tonkla.committee.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tonkla.committee.Agendas;
import org.tonkla.committee.Committee;
import org.tonkla.committee.CommitteeTask;
import org.tonkla.committee.Committees;
import org.tonkla.committee.Decisions;
import org.tonkla.committee.Meeting;
import org.tonkla.committee.MeetingBoard;
import org.tonkla.committee.Member;
import org.tonkla.identity.Users;

/**
 * {@code /api/v1/committees}: district committees, their members, meetings, agenda, minutes, tasks and care plans.
 * Non-members get 404 for everything of a committee; only the secretary prepares a meeting.
 */
@RestController
@RequestMapping("/api/v1/committees")
@Tag(name = "Committees", description = "District committees: members, meetings, agenda of cases, minutes, tasks, care plans")
class CommitteeApi {

    /** Body of the member call. */
    record MemberBody(String username, Member.Position position) {}

    /** Body of the new meeting call. */
    record MeetingBody(LocalDate heldOn, String place) {}

    /** Body of the text calls: a free item's title, minutes, a task's done note. */
    record TextBody(String text) {}

    /** Body of a move. */
    record MoveBody(boolean up) {}

    /** Body of a care plan. */
    record PlanBody(String goals, LocalDate reviewOn) {}

    private final Committees committees;
    private final Agendas agendas;
    private final Decisions decisions;
    private final MeetingBoard board;
    private final Users users;

    CommitteeApi(Committees committees, Agendas agendas, Decisions decisions, MeetingBoard board, Users users) {
        this.committees = committees;
        this.agendas = agendas;
        this.decisions = decisions;
        this.board = board;
        this.users = users;
    }

    @GetMapping
    @Operation(summary = "The committees the caller sits on (all of them for administrators)")
    List<Committee> list() {
        return committees.mine(users.require());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Set up a district committee (administrators)", description = "400 names kind, districtCode or"
            + " nameTh; 409 when the district already has a committee of the kind")
    Committee create(@RequestBody Committees.NewCommittee body) {
        return committees.create(body, users.require());
    }

    @GetMapping("/{id}")
    @Operation(summary = "A committee: members, meetings, the district's cases in de-identified counts",
            description = "404 for non-members")
    Committees.View get(@PathVariable UUID id) {
        return committees.view(id, users.require());
    }

    @PostMapping("/{id}/members")
    @Operation(summary = "Add a member by username, or change a member's position (secretary or administrator)")
    Member putMember(@PathVariable UUID id, @RequestBody MemberBody body) {
        return committees.putMember(id, body.username(), body.position(), users.require());
    }

    @PostMapping("/{id}/members/{userId}/remove")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a member (secretary or administrator)")
    void removeMember(@PathVariable UUID id, @PathVariable UUID userId) {
        committees.removeMember(id, userId, users.require());
    }

    @PostMapping("/{id}/meetings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A new meeting (secretary), with Tonkla's proposals for its agenda already made",
            description = "Proposed cases: children of the district whose open referrals are overdue on the meeting day"
                    + " or go to several agencies; proposed follow-ups: every task still open from earlier meetings")
    Meeting createMeeting(@PathVariable UUID id, @RequestBody MeetingBody body) {
        return agendas.create(id, body.heldOn(), body.place(), users.require());
    }

    @GetMapping("/{id}/meetings/{meetingId}")
    @Operation(summary = "A meeting with its agenda; cases are named only to members while the agenda is published",
            description = "A named case is read through the child-access kernel for the purpose protection and is in"
                    + " the family's access log")
    MeetingBoard.Board meeting(@PathVariable UUID id, @PathVariable UUID meetingId) {
        return board.board(id, meetingId, users.require());
    }

    @PostMapping("/{id}/meetings/{meetingId}/propose")
    @Operation(summary = "Propose again (a draft): new cases and follow-ups are added as proposals")
    int propose(@PathVariable UUID id, @PathVariable UUID meetingId) {
        return agendas.propose(id, meetingId, users.require());
    }

    @PostMapping("/{id}/meetings/{meetingId}/items")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Add a free item (text) to a draft agenda")
    void addItem(@PathVariable UUID id, @PathVariable UUID meetingId, @RequestBody TextBody body) {
        agendas.addItem(id, meetingId, body.text(), users.require());
    }

    @PostMapping("/{id}/meetings/{meetingId}/items/{itemId}/accept")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Put a proposal on the draft agenda, last")
    void accept(@PathVariable UUID id, @PathVariable UUID meetingId, @PathVariable UUID itemId) {
        agendas.accept(id, meetingId, itemId, users.require());
    }

    @PostMapping("/{id}/meetings/{meetingId}/items/{itemId}/remove")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Take an item off the draft agenda, or dismiss a proposal")
    void remove(@PathVariable UUID id, @PathVariable UUID meetingId, @PathVariable UUID itemId) {
        agendas.remove(id, meetingId, itemId, users.require());
    }

    @PostMapping("/{id}/meetings/{meetingId}/items/{itemId}/move")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Move an item of the draft agenda one place up or down")
    void move(@PathVariable UUID id, @PathVariable UUID meetingId, @PathVariable UUID itemId, @RequestBody MoveBody body) {
        agendas.move(id, meetingId, itemId, body.up(), users.require());
    }

    @PostMapping("/{id}/meetings/{meetingId}/publish")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Publish the agenda to the members; proposals not accepted are dropped")
    void publish(@PathVariable UUID id, @PathVariable UUID meetingId) {
        agendas.publish(id, meetingId, users.require());
    }

    @PostMapping("/{id}/meetings/{meetingId}/close")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Close the meeting once the minutes are final; cases are de-identified again")
    void close(@PathVariable UUID id, @PathVariable UUID meetingId) {
        agendas.close(id, meetingId, users.require());
    }

    @PostMapping("/{id}/meetings/{meetingId}/minutes")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "The meeting's minutes (published meeting)")
    void meetingMinutes(@PathVariable UUID id, @PathVariable UUID meetingId, @RequestBody TextBody body) {
        decisions.meetingMinutes(id, meetingId, body.text(), users.require());
    }

    @PostMapping("/{id}/meetings/{meetingId}/items/{itemId}/minutes")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "An item's minutes (published meeting)")
    void itemMinutes(@PathVariable UUID id, @PathVariable UUID meetingId, @PathVariable UUID itemId,
            @RequestBody TextBody body) {
        decisions.itemMinutes(id, meetingId, itemId, body.text(), users.require());
    }

    @PostMapping("/{id}/meetings/{meetingId}/items/{itemId}/tasks")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Record a decision on an item as a task for an agency (and unit) with a due date")
    void decide(@PathVariable UUID id, @PathVariable UUID meetingId, @PathVariable UUID itemId,
            @RequestBody Decisions.NewTask body) {
        decisions.decide(id, meetingId, itemId, body, users.require());
    }

    @PostMapping("/{id}/meetings/{meetingId}/items/{itemId}/care-plan")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Make or revise the care plan of the child of a case: goals and a review date")
    void carePlan(@PathVariable UUID id, @PathVariable UUID meetingId, @PathVariable UUID itemId,
            @RequestBody PlanBody body) {
        decisions.carePlan(id, meetingId, itemId, body.goals(), body.reviewOn(), users.require());
    }

    @GetMapping("/{id}/tasks")
    @Operation(summary = "The committee's tasks: open ones, or all with all=true")
    List<CommitteeTask> tasks(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean all) {
        return decisions.tasks(id, all, users.require());
    }

    @PostMapping("/{id}/tasks/{taskId}/done")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Mark a task done (secretary, or a member from the task's agency); 409 when already done")
    void done(@PathVariable UUID id, @PathVariable UUID taskId, @RequestBody TextBody body) {
        decisions.done(id, taskId, body == null ? null : body.text(), users.require());
    }
}
