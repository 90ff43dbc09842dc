package org.tonkla.assessment.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.tonkla.assessment.AssessmentSheet;
import org.tonkla.assessment.CenterAssessments;
import org.tonkla.directory.Directory;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.Users;
import org.tonkla.platform.NotFound;

/**
 * Issue 10 §6: the center head's self-assessment as a printable report — the result per standard, every
 * item with the level that counts, and the improvement plan of each item below ดี — for the center's file
 * and its committee, without the form's controls. Who may see it is who may see the sheet.
 */
@Controller
class SelfAssessmentReportPage {

    private final CenterAssessments assessments;
    private final Directory directory;
    private final Users users;
    private final java.time.Clock clock;

    SelfAssessmentReportPage(CenterAssessments assessments, Directory directory, Users users, java.time.Clock clock) {
        this.assessments = assessments;
        this.directory = directory;
        this.users = users;
        this.clock = clock;
    }

    @GetMapping("/assessment/centers/{unitId}/{year:\\d{4}}/report")
    String report(@PathVariable UUID unitId, @PathVariable int year, Model model) {
        CurrentUser user = users.require();
        AssessmentSheet sheet = assessments.sheet(unitId, year, user)
                .orElseThrow(() -> new NotFound("assessment of " + year));
        model.addAttribute("unit", directory.serviceUnit(unitId).orElseThrow(() -> new NotFound("service unit")));
        model.addAttribute("sheet", sheet);
        model.addAttribute("printView", true);
        model.addAttribute("printedOn", LocalDate.now(clock.withZone(ZoneId.of("Asia/Bangkok"))));
        return "assessment/report";
    }
}
