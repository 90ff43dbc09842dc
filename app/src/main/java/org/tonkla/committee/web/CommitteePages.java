package org.tonkla.committee.web;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tonkla.committee.Agendas;
import org.tonkla.committee.Committee;
import org.tonkla.committee.Committees;
import org.tonkla.committee.Decisions;
import org.tonkla.committee.MeetingBoard;
import org.tonkla.committee.Member;
import org.tonkla.directory.Directory;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.Role;
import org.tonkla.identity.Users;
import org.tonkla.platform.Conflict;
import org.tonkla.platform.InvalidInput;

/**
 * The committee pages: my committees, one committee (members, meetings, counts, open tasks), one meeting (the
 * secretary prepares the agenda, records minutes, decisions and care plans) and the printable agenda. Forms post
 * back here; a bad field comes back beside its input with what was typed kept.
 */
@Controller
class CommitteePages {

    private final Committees committees;
    private final Agendas agendas;
    private final Decisions decisions;
    private final MeetingBoard board;
    private final Directory directory;
    private final Users users;
    private final java.time.Clock clock;

    CommitteePages(Committees committees, Agendas agendas, Decisions decisions, MeetingBoard board, Directory directory,
            Users users, java.time.Clock clock) {
        this.committees = committees;
        this.agendas = agendas;
        this.decisions = decisions;
        this.board = board;
        this.directory = directory;
        this.users = users;
        this.clock = clock;
    }

    /** No errors and no typed values unless a redirect after a failed form brought them (flash attributes win). */
    @org.springframework.web.bind.annotation.ModelAttribute("errors")
    Map<String, String> noErrors() {
        return Map.of();
    }

    @org.springframework.web.bind.annotation.ModelAttribute("form")
    Map<String, String> noForm() {
        return Map.of();
    }

    @GetMapping("/committees")
    String list(Model model) {
        CurrentUser user = users.require();
        model.addAttribute("committees", committees.mine(user));
        model.addAttribute("admin", user.role() == Role.ADMINISTRATOR);
        model.addAttribute("kinds", Committee.Kind.values());
        return "committee/list";
    }

    @PostMapping("/committees")
    String create(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return attempt(redirect, form, "redirect:/committees", () -> {
            var kind = form.get("kind") == null || form.get("kind").isBlank() ? null : Committee.Kind.valueOf(form.get("kind"));
            var c = committees.create(new Committees.NewCommittee(kind, form.get("districtCode"), form.get("nameTh")),
                    users.require());
            return "redirect:/committees/" + c.id();
        });
    }

    @GetMapping("/committees/{id}")
    String committee(@PathVariable UUID id, Model model) {
        CurrentUser user = users.require();
        var view = committees.view(id, user);
        model.addAttribute("view", view);
        model.addAttribute("tasks", decisions.tasks(id, false, user));
        model.addAttribute("positions", Member.Position.values());
        model.addAttribute("district", directory.area(view.committee().districtCode())
                .map(a -> a.nameTh()).orElse(""));
        model.addAttribute("today", LocalDate.now(clock));
        return "committee/committee";
    }

    @PostMapping("/committees/{id}/members")
    String members(@PathVariable UUID id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        String back = "redirect:/committees/" + id;
        committees.requireReadable(id, users.require());
        return attempt(redirect, form, back, () -> {
            CurrentUser user = users.require();
            if ("remove".equals(form.get("op"))) {
                committees.removeMember(id, UUID.fromString(form.get("member")), user);
            } else {
                String position = form.getOrDefault("position", "");
                committees.putMember(id, form.get("username"), position.isBlank() ? null : Member.Position.valueOf(position),
                        user);
            }
            return back;
        });
    }

    @PostMapping("/committees/{id}/meetings")
    String newMeeting(@PathVariable UUID id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return attempt(redirect, form, "redirect:/committees/" + id, () -> {
            var m = agendas.create(id, date(form.get("heldOn")), form.get("place"), users.require());
            return "redirect:/committees/" + id + "/meetings/" + m.id();
        });
    }

    @GetMapping("/committees/{id}/meetings/{meetingId}")
    String meeting(@PathVariable UUID id, @PathVariable UUID meetingId, Model model) {
        model.addAttribute("board", board.board(id, meetingId, users.require()));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("agencies", directory.agencies());
        return "committee/meeting";
    }

    @GetMapping("/committees/{id}/meetings/{meetingId}/agenda")
    String print(@PathVariable UUID id, @PathVariable UUID meetingId, Model model) {
        model.addAttribute("board", board.board(id, meetingId, users.require()));
        return "committee/agenda";
    }

    /** Every change to a meeting, by {@code op}; the item, when there is one, in {@code item}. */
    @PostMapping("/committees/{id}/meetings/{meetingId}")
    String change(@PathVariable UUID id, @PathVariable UUID meetingId, @RequestParam Map<String, String> form,
            RedirectAttributes redirect) {
        String back = "redirect:/committees/" + id + "/meetings/" + meetingId;
        committees.requireReadable(id, users.require());
        return attempt(redirect, form, back, () -> {
            CurrentUser user = users.require();
            UUID item = form.get("item") == null ? null : UUID.fromString(form.get("item"));
            switch (form.getOrDefault("op", "")) {
                case "propose" -> agendas.propose(id, meetingId, user);
                case "accept" -> agendas.accept(id, meetingId, item, user);
                case "remove" -> agendas.remove(id, meetingId, item, user);
                case "up", "down" -> agendas.move(id, meetingId, item, form.get("op").equals("up"), user);
                case "add" -> agendas.addItem(id, meetingId, form.get("title"), user);
                case "publish" -> agendas.publish(id, meetingId, user);
                case "close" -> agendas.close(id, meetingId, user);
                case "minutes" -> decisions.meetingMinutes(id, meetingId, form.get("minutes"), user);
                case "item-minutes" -> decisions.itemMinutes(id, meetingId, item, form.get("minutes"), user);
                case "task" -> decisions.decide(id, meetingId, item, new Decisions.NewTask(form.get("description"),
                        form.get("agencyCode"), null, date(form.get("dueOn"))), user);
                case "plan" -> decisions.carePlan(id, meetingId, item, form.get("goals"), date(form.get("reviewOn")), user);
                default -> throw new InvalidInput("op", "a change to the meeting");
            }
            redirect.addFlashAttribute("saved", form.get("op"));
            return back + (item == null ? "" : "#item-" + item);
        });
    }

    @PostMapping("/committees/{id}/tasks/{taskId}/done")
    String done(@PathVariable UUID id, @PathVariable UUID taskId, @RequestParam Map<String, String> form,
            RedirectAttributes redirect) {
        String back = "redirect:/committees/" + id;
        return attempt(redirect, form, back, () -> {
            decisions.done(id, taskId, form.get("note"), users.require());
            return back;
        });
    }

    /** Runs the change; a bad field or a conflict goes back to the form, with the values typed. */
    private static String attempt(RedirectAttributes redirect, Map<String, String> form, String back,
            java.util.function.Supplier<String> change) {
        try {
            return change.get();
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("errors", e.errors().stream()
                    .collect(Collectors.toMap(InvalidInput.FieldError::field, InvalidInput.FieldError::expected, (a, b) -> a)));
            redirect.addFlashAttribute("form", form);
            return back + (form.get("item") == null ? "" : "#item-" + form.get("item"));
        } catch (Conflict e) {
            redirect.addFlashAttribute("conflict", e.messageKey());
            return back;
        } catch (IllegalArgumentException e) {
            // A choice or id that no form of ours sends (an enum constant, a UUID): the form as a whole is wrong.
            redirect.addFlashAttribute("errors", Map.of("form", "the choices the form offers"));
            redirect.addFlashAttribute("form", form);
            return back;
        }
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
