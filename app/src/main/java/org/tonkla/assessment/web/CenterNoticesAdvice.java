package org.tonkla.assessment.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.tonkla.assessment.AssessmentSheet;
import org.tonkla.assessment.CenterAssessments;
import org.tonkla.assessment.Reminders;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Users;

/**
 * The center head's notices on the home page (issue 10 §6): this year's sheet returned by the officer (with
 * her reason and a link to the sheet), and an officer's reminder to hand the sheet in while it is not. Only
 * on the home page, and only for whoever submits the center's sheet.
 */
@ControllerAdvice
class CenterNoticesAdvice {

    /** What the head is told: the returned sheet's return (or null), the latest pending reminder (or null). */
    record CenterNotices(UUID unitId, int yearBe, AssessmentSheet.CycleEvent returned, Reminders.Reminder reminder) {}

    private final Users users;
    private final CenterAssessments assessments;
    private final Reminders reminders;

    CenterNoticesAdvice(Users users, CenterAssessments assessments, Reminders reminders) {
        this.users = users;
        this.assessments = assessments;
        this.reminders = reminders;
    }

    @ModelAttribute
    void centerNotices(Model model, HttpServletRequest request) {
        if (!"/".equals(request.getRequestURI().substring(request.getContextPath().length()))) return;
        var user = users.current().orElse(null);
        if (user == null || !(user.scope().unit() instanceof OrgUnit.ServiceUnit own)) return;
        if (!assessments.maySubmit(user, own.id())) return;
        int year = assessments.currentYearBe();
        var returned = assessments.sheet(own.id(), year, user).map(AssessmentSheet::lastReturn).orElse(null);
        var reminder = reminders.pending(own.id()).orElse(null);
        if (returned == null && reminder == null) return;
        model.addAttribute("centerNotices", new CenterNotices(own.id(), year, returned, reminder));
    }
}
