package org.tonkla.field.web;

import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;
import org.tonkla.field.Campaigns;
import org.tonkla.field.FieldForms;
import org.tonkla.field.internal.OfflineVisit;
import org.tonkla.field.internal.OpenRosaProblem;
import org.tonkla.field.internal.SubmissionIntake;
import org.tonkla.field.internal.VisitRecorder;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.Users;
import org.tonkla.platform.DomainProblem;

/**
 * Tonkla's own offline home-visit form for surveyors with only a browser: the page and its service worker
 * ({@code /field/sw.js}) keep working without network; visits wait in IndexedDB on the phone and are sent here when
 * the network returns, each with the instance id the phone gave it, so a visit sent twice is stored once.
 */
@Controller
class OfflineVisitPages {

    private final Campaigns campaigns;
    private final SubmissionIntake intake;
    private final VisitRecorder visits;
    private final Users users;

    OfflineVisitPages(Campaigns campaigns, SubmissionIntake intake, VisitRecorder visits, Users users) {
        this.campaigns = campaigns;
        this.intake = intake;
        this.visits = visits;
        this.users = users;
    }

    @GetMapping("/field/visit")
    String page(Model model) {
        model.addAttribute("campaigns", campaigns.openFor(users.require()));
        return "field/visit";
    }

    @PostMapping("/field/visits")
    @ResponseBody
    ResponseEntity<Map<String, String>> submit(@RequestBody OfflineVisit visit) {
        CurrentUser user = users.require();
        var received = intake.receive(user, visit.instanceXml(FieldForms.HOME_VISIT, FieldForms.HOME_VISIT_VERSION),
                visit.parts(), false);
        visits.process(received.submissionId(), user);
        String status = received.duplicate() ? "already-received" : "stored";
        return ResponseEntity.status(201).body(received.warning() == null ? Map.of("status", status)
                : Map.of("status", status, "warning", received.warning()));
    }

    @ExceptionHandler(OpenRosaProblem.class)
    @ResponseBody
    ResponseEntity<Map<String, String>> refused(OpenRosaProblem e) {
        return ResponseEntity.status(e.status()).body(Map.of("message", e.getMessage()));
    }

    @ExceptionHandler(DomainProblem.class)
    @ResponseBody
    ResponseEntity<Map<String, String>> domain(DomainProblem e) {
        return ResponseEntity.status(e.status()).body(Map.of("message", e.getMessage()));
    }
}
