package org.tonkla.assessment.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.tonkla.assessment.AssessmentStatus;
import org.tonkla.assessment.CenterAssessments;
import org.tonkla.assessment.Monitoring;
import org.tonkla.identity.Role;
import org.tonkla.identity.Users;

/**
 * The officer's review queue on the home page (issue 10 §6): this year's assessments submitted by centers
 * she reviews, oldest area first as the dashboard lists them, each a link to the sheet; the first ten, and
 * the count. Other pages and other roles get nothing.
 */
@ControllerAdvice
class ReviewQueueAdvice {

    private static final int SHOWN = 10;

    /** The queue: the centers shown, how many await review in all, and the year. */
    record ReviewQueue(List<Monitoring.CenterRow> centers, int total, int yearBe) {}

    private final Users users;
    private final Monitoring monitoring;
    private final CenterAssessments assessments;

    ReviewQueueAdvice(Users users, Monitoring monitoring, CenterAssessments assessments) {
        this.users = users;
        this.monitoring = monitoring;
        this.assessments = assessments;
    }

    @ModelAttribute
    void reviewQueue(Model model, HttpServletRequest request) {
        if (!"/".equals(request.getRequestURI().substring(request.getContextPath().length()))) return;
        var user = users.current().orElse(null);
        if (user == null || !user.is(Role.PROVINCIAL_OFFICER) || !monitoring.mayMonitor(user)) return;
        int year = assessments.currentYearBe();
        var query = new Monitoring.Query(year, monitoring.homeArea(user), null, Monitoring.ListFilter.SUBMITTED);
        List<Monitoring.CenterRow> waiting = monitoring.centers(query, user).stream()
                .filter(r -> r.status() == AssessmentStatus.SUBMITTED && assessments.mayReview(user, r.unitId()))
                .toList();
        model.addAttribute("reviewQueue", new ReviewQueue(waiting.stream().limit(SHOWN).toList(), waiting.size(), year));
    }
}
