package org.tonkla.referral.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tonkla.directory.Directory;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Users;
import org.tonkla.platform.Conflict;
import org.tonkla.platform.InvalidInput;
import org.tonkla.platform.ThaiDates;
import org.tonkla.recordbook.RecordBook;
import org.tonkla.referral.Box;
import org.tonkla.referral.LegalBasis;
import org.tonkla.referral.NeedTypes;
import org.tonkla.referral.Referral;
import org.tonkla.referral.ReferralAccess;
import org.tonkla.referral.ReferralOutcome;
import org.tonkla.referral.ReferralRecord;
import org.tonkla.referral.ReferralSteps;
import org.tonkla.referral.Referrals;
import org.tonkla.registry.ChildId;

/** The referral pages: a unit's queues, a new referral from a child's needs, one referral with its steps. */
@Controller
class ReferralPages {

    private final Referrals referrals;
    private final ReferralSteps steps;
    private final ReferralRecord record;
    private final ReferralAccess access;
    private final NeedTypes needTypes;
    private final RecordBook book;
    private final Directory directory;
    private final Users users;
    private final java.time.Clock clock;
    private final org.tonkla.referral.CommitteeOverview overview;

    ReferralPages(Referrals referrals, ReferralSteps steps, ReferralRecord record, ReferralAccess access,
            NeedTypes needTypes, RecordBook book, Directory directory, Users users, java.time.Clock clock,
            org.tonkla.referral.CommitteeOverview overview) {
        this.overview = overview;
        this.referrals = referrals;
        this.steps = steps;
        this.record = record;
        this.access = access;
        this.needTypes = needTypes;
        this.book = book;
        this.directory = directory;
        this.users = users;
        this.clock = clock;
    }

    @GetMapping("/referrals")
    String queue(@RequestParam(required = false) UUID unit, @RequestParam(defaultValue = "incoming") String box,
            Model model) {
        CurrentUser user = users.require();
        if (unit == null && user.scope().unit() instanceof OrgUnit.ServiceUnit s) unit = s.id();
        Box chosen = unit == null ? Box.OVERDUE : ReferralApi.parse(Box.class, "box", box);
        model.addAttribute("unit", unit);
        model.addAttribute("box", chosen);
        model.addAttribute("boxes", Box.values());
        model.addAttribute("counts", unit == null ? null : referrals.counts(unit, user));
        model.addAttribute("rows", referrals.queue(unit, chosen, null, user, 200));
        model.addAttribute("notices", referrals.notices(user, 10));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("names", new UnitNames(directory));
        return "referral/queue";
    }

    @GetMapping("/referrals/new")
    String form(@RequestParam UUID child, @RequestParam(required = false) String need, Model model) {
        CurrentUser user = users.require();
        model.addAttribute("chosenNeed", need);
        var view = book.view(new ChildId(child), user, "referral");
        model.addAttribute("child", view.child());
        model.addAttribute("needs", view.needs().stream()
                .filter(n -> needTypes.forNeed(n.key()).isPresent()).toList());
        model.addAttribute("needTypes", needTypes);
        model.addAttribute("bases", LegalBasis.values());
        model.addAttribute("units", unitsNear(user));
        return "referral/new";
    }

    @PostMapping("/referrals")
    String create(@RequestParam UUID child, @RequestParam(required = false) UUID toUnit,
            @RequestParam(required = false) String needType, @RequestParam(required = false) String need,
            @RequestParam(required = false) String reason, @RequestParam(required = false) LegalBasis basis,
            @RequestParam(required = false) String legalReason, RedirectAttributes redirect) {
        String needKey = null;
        String needDetail = null;
        if (need != null && !need.isBlank()) {
            int bar = need.indexOf('|');
            needKey = bar < 0 ? need : need.substring(0, bar);
            needDetail = bar < 0 ? null : need.substring(bar + 1);
            if (needType == null || needType.isBlank()) needType = needTypes.forNeed(needKey).orElse(null);
        }
        try {
            Referral r = referrals.create(new Referrals.NewReferral(child, null, toUnit, needType, needKey, needDetail,
                    reason, basis, legalReason), users.require());
            redirect.addFlashAttribute("saved", "created");
            return "redirect:/referrals/" + r.id();
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("errorField", e.field());
            return "redirect:/referrals/new?child=" + child;
        }
    }

    @GetMapping("/referrals/{id}")
    String detail(@PathVariable UUID id, Model model) {
        CurrentUser user = users.require();
        Referral r = referrals.get(id, user);
        model.addAttribute("r", r);
        model.addAttribute("side", access.side(user, r));
        model.addAttribute("timeline", referrals.timeline(id, user));
        model.addAttribute("shown", record.forReceiver(r, user).orElse(null));
        model.addAttribute("outcomes", ReferralOutcome.values());
        model.addAttribute("overdue", r.overdueOn(LocalDate.now(clock)));
        model.addAttribute("units", unitsNear(user));
        model.addAttribute("names", new UnitNames(directory));
        return "referral/detail";
    }

    @PostMapping("/referrals/{id}/step")
    String step(@PathVariable UUID id, @RequestParam String action, @RequestParam(defaultValue = "-1") int revision,
            @RequestParam(required = false) String reason, @RequestParam(required = false) UUID toUnit,
            @RequestParam(required = false) ReferralOutcome outcome, @RequestParam(required = false) String note,
            @RequestParam(required = false) LocalDateTime appointmentAt, RedirectAttributes redirect) {
        CurrentUser user = users.require();
        UUID shownNext = id;
        try {
            Referral r = switch (action) {
                case "receive" -> steps.receive(id, revision, user);
                case "accept" -> steps.accept(id, revision, user);
                case "decline" -> steps.decline(id, revision, reason, user);
                case "redirect" -> steps.redirect(id, revision, toUnit, reason, user);
                case "appointment" -> steps.appointment(id, revision, appointmentAt == null ? null
                        : appointmentAt.atZone(ThaiDates.BANGKOK).toInstant(), note, user);
                case "note" -> steps.note(id, note, user);
                case "complete" -> steps.complete(id, revision, outcome, note, user);
                case "close" -> steps.close(id, revision, reason, user);
                default -> throw new InvalidInput("action", "a step of the referral");
            };
            redirect.addFlashAttribute("saved", action);
            shownNext = r.id();
        } catch (Conflict e) {
            redirect.addFlashAttribute("conflict", e.messageKey());
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("errorField", e.field());
        }
        return "redirect:/referrals/" + shownNext;
    }

    @GetMapping("/referrals/committee")
    String committee(Model model) {
        model.addAttribute("overview", overview.of(users.require()));
        return "referral/committee";
    }

    /**
     * The units a child is usually referred to from the user's unit: health units, centers and schools of the
     * district and the province's social development office.
     */
    private java.util.List<org.tonkla.directory.ServiceUnit> unitsNear(CurrentUser user) {
        var own = user.scope().unit() instanceof OrgUnit.ServiceUnit s ? directory.serviceUnit(s.id()).orElse(null) : null;
        var units = new java.util.ArrayList<org.tonkla.directory.ServiceUnit>();
        if (own != null) {
            String district = own.districtCode() != null ? own.districtCode() : own.provinceCode();
            // The units a child is usually referred to: health units of the district, the province's social
            // development office, centers and schools of the district.
            for (var type : org.tonkla.directory.ServiceUnitType.values()) {
                boolean provincial = type == org.tonkla.directory.ServiceUnitType.SOCIAL_DEVELOPMENT_OFFICE;
                directory.serviceUnitsIn(provincial ? own.provinceCode() : district, type, 200).stream()
                        .filter(u -> !u.id().equals(own.id()) && u.acceptsNewRecords()).forEach(units::add);
            }
        }
        return units;
    }

    /** Unit names for the templates, in the page's language; each unit is looked up once per page. */
    static final class UnitNames {
        private final Directory directory;
        private final java.util.Map<UUID, String> seen = new java.util.HashMap<>();

        UnitNames(Directory directory) {
            this.directory = directory;
        }

        public String of(UUID unit) {
            if (unit == null) return "";
            Locale locale = LocaleContextHolder.getLocale();
            return seen.computeIfAbsent(unit, u -> directory.serviceUnit(u).map(x -> x.name(locale)).orElse(""));
        }
    }
}
