package org.tonkla.registry.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tonkla.directory.Directory;
import org.tonkla.directory.ServiceUnit;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Users;
import org.tonkla.platform.Conflict;
import org.tonkla.platform.InvalidInput;
import org.tonkla.platform.Refused;
import org.tonkla.platform.ThaiDates;
import org.tonkla.registry.Child;
import org.tonkla.registry.ChildAccess;
import org.tonkla.registry.ChildId;
import org.tonkla.registry.EnrolmentKind;
import org.tonkla.registry.Transfer;
import org.tonkla.registry.TransferReceipts;
import org.tonkla.registry.Transfers;

/**
 * Transfers as a decision that cannot be made by accident (issue 10 §3): the destination is searched for
 * by name or code (nothing chosen in advance), a confirmation step names the child and the destination,
 * the sender gets a message and may undo until the receiving unit acknowledges the arrival.
 */
@Controller
class TransferPages {

    private static final int SEARCH_LIMIT = 30;

    private final ChildAccess access;
    private final Transfers transfers;
    private final TransferReceipts receipts;
    private final Users users;
    private final Directory directory;
    private final Clock clock;

    TransferPages(ChildAccess access, Transfers transfers, TransferReceipts receipts, Users users, Directory directory,
            Clock clock) {
        this.access = access;
        this.transfers = transfers;
        this.receipts = receipts;
        this.users = users;
        this.directory = directory;
        this.clock = clock;
    }

    /** The form: a search for the receiving unit ({@code q}, a name or a code) and the units found. */
    @GetMapping("/children/{id}/transfer")
    String transferForm(@PathVariable UUID id, @RequestParam(required = false) String q, Model model) {
        var user = users.require();
        UUID from = sendingUnit(user);
        Child child = enrolledHere(id, user, from);
        model.addAttribute("child", child);
        model.addAttribute("q", q == null ? "" : q.strip());
        model.addAttribute("found", q == null || q.isBlank() ? List.of() : destinations(q, from));
        return "registry/transfer";
    }

    /**
     * Without {@code confirmed}, shows the confirmation naming the child and the destination and changes
     * nothing; with it, transfers and sends the user to the unit's transfers awaiting acknowledgement.
     */
    @PostMapping("/children/{id}/transfer")
    String transfer(@PathVariable UUID id, @RequestParam(required = false) UUID toUnitId,
            @RequestParam(required = false) String className, @RequestParam(required = false) String note,
            @RequestParam(required = false) String confirmed, Model model, RedirectAttributes redirect) {
        var user = users.require();
        UUID from = sendingUnit(user);
        access.requireRecorderAt(user, from);
        if (!access.mayWrite(user, new ChildId(id))) throw new Refused("Child outside the user's scope");
        ServiceUnit to = toUnitId == null ? null : directory.serviceUnit(toUnitId)
                .filter(u -> u.acceptsNewRecords() && !u.id().equals(from)).orElse(null);
        if (to == null) {
            redirect.addFlashAttribute("errorField", "toUnitId");
            return "redirect:/children/" + id + "/transfer";
        }
        if (!"yes".equals(confirmed)) {
            Child child = enrolledHere(id, user, from);
            model.addAttribute("child", child);
            model.addAttribute("to", to);
            model.addAttribute("className", className);
            model.addAttribute("note", note);
            return "registry/transfer-confirm";
        }
        try {
            Transfer t = transfers.transfer(new ChildId(id), from, to.id(), LocalDate.now(clock.withZone(ThaiDates.BANGKOK)),
                    className, note, user);
            redirect.addFlashAttribute("sent", t.id());
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("errorField", e.field());
            return "redirect:/children/" + id + "/transfer";
        }
        return "redirect:/units/" + from + "/transfers";
    }

    /** The unit's transfers awaiting the receiving unit: the sender's message, and undo. */
    @GetMapping("/units/{unitId}/transfers")
    String outgoing(@PathVariable UUID unitId, Model model) {
        var user = users.require();
        var outgoing = receipts.outgoing(unitId, user);
        model.addAttribute("unit", directory.serviceUnit(unitId).orElseThrow());
        model.addAttribute("outgoing", outgoing.stream()
                .map(o -> new Sent(o, directory.serviceUnit(o.toUnitId()).orElseThrow())).toList());
        return "registry/transfers-out";
    }

    /** An outgoing transfer with its destination. */
    record Sent(TransferReceipts.Outgoing transfer, ServiceUnit to) {}

    @PostMapping("/transfers/{id}/undo")
    String undo(@PathVariable UUID id, @RequestParam UUID unitId, RedirectAttributes redirect) {
        try {
            receipts.undo(id, users.require());
            redirect.addFlashAttribute("done", "transfer.undone");
        } catch (Conflict e) {
            redirect.addFlashAttribute("failed", "registry.error.transferSettled");
        }
        return "redirect:/units/" + unitId + "/transfers";
    }

    @PostMapping("/transfers/{id}/acknowledge")
    String acknowledge(@PathVariable UUID id, @RequestParam UUID unitId, RedirectAttributes redirect) {
        try {
            receipts.acknowledge(id, users.require());
            redirect.addFlashAttribute("done", "arrivals.acknowledged");
        } catch (Conflict e) {
            redirect.addFlashAttribute("failed", "registry.error.transferSettled");
        }
        return "redirect:/units/" + unitId + "/arrivals";
    }

    @GetMapping("/units/{unitId}/arrivals")
    String arrivals(@PathVariable UUID unitId, Model model) {
        var user = users.require();
        var arrivals = transfers.arrivals(unitId, user);
        model.addAttribute("unit", directory.serviceUnit(unitId).orElseThrow());
        model.addAttribute("mayAcknowledge", user.role().recordsChildren());
        model.addAttribute("arrivals", arrivals.stream().map(a -> new Arrival(a.transfer(), a.child(),
                directory.serviceUnit(a.transfer().fromUnitId()).orElseThrow(), a.awaiting())).toList());
        return "registry/arrivals";
    }

    /** A transferred child with where it came from. */
    record Arrival(Transfer transfer, Child child, ServiceUnit from, boolean awaiting) {}

    // Units that take children, by name or code, open, and not the sender: the user picks; nothing is preselected.
    private List<ServiceUnit> destinations(String q, UUID from) {
        return directory.searchServiceUnits(q.strip(), null, null, SEARCH_LIMIT * 2).stream()
                .filter(u -> u.acceptsNewRecords() && !u.id().equals(from)).limit(SEARCH_LIMIT).toList();
    }

    private static UUID sendingUnit(CurrentUser user) {
        // Transfers start at the child's unit, by someone who records children there.
        if (!user.role().recordsChildren() || !(user.scope().unit() instanceof OrgUnit.ServiceUnit from)) {
            throw new Refused("Transfers start at the child's unit");
        }
        return from.id();
    }

    private Child enrolledHere(UUID id, CurrentUser user, UUID from) {
        var file = access.open(new ChildId(id), user, "transfer");
        if (file.enrolments().stream().noneMatch(e -> e.endedOn() == null && e.unitId().equals(from)
                && e.kind() == EnrolmentKind.ENROLLED)) {
            throw new Refused("The child is not enrolled at the user's unit");
        }
        return file.child();
    }
}
