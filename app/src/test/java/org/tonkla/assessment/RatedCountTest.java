package org.tonkla.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tonkla.IntegrationTest;
import org.tonkla.WebClientSession;
import org.tonkla.assessment.Drafts.RatingInput;
import org.tonkla.core.standard.CatalogueItem;
import org.tonkla.core.standard.ItemLevel;
import org.tonkla.directory.Directory;
import org.tonkla.identity.Accounts;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;

/** Issue 10 §6: the center head sees "x of N rated" on the self-assessment, N being the items the center is assessed on. */
class RatedCountTest extends IntegrationTest {

    @Autowired
    CenterAssessments assessments;
    @Autowired
    Directory directory;
    @Autowired
    Accounts accounts;

    @Test
    void theSheetCountsRatedItemsOfTheApplicableOnes() {
        UUID unit = Fixtures.center(directory, "DLA", "340202", "ศูนย์นับข้อที่ประเมิน");
        var head = Fixtures.user("head.rated", Role.CENTER_HEAD, "DLA", OrgUnit.serviceUnit(unit));
        String login = Fixtures.account(accounts, "head.rated.login", Role.CENTER_HEAD, "DLA", OrgUnit.serviceUnit(unit));
        int year = assessments.currentYearBe();
        UUID id = assessments.open(unit, year, head);
        AssessmentSheet sheet = assessments.sheet(id, head);
        int applicable = sheet.applicableItems().size();
        int before = sheet.ratedCount();

        // Three items the records do not decide, rated ดี (no plan needed).
        Map<String, RatingInput> ratings = new HashMap<>();
        sheet.applicableItems().stream().map(CatalogueItem::key).filter(k -> !sheet.computed().containsKey(k))
                .limit(3).forEach(k -> ratings.put(k, new RatingInput(ItemLevel.ofScore(2), null)));
        assessments.saveDraft(id, ratings, Map.of(), head);

        WebClientSession web = session();
        web.login(login, "tonkla-demo");
        String page = web.get("/assessment/centers/" + unit + "/" + year, "text/html").body();
        assertThat(page).containsPattern("<dd id=\"rated-count\"[^>]*>" + (before + 3) + " จาก " + applicable + " ข้อ</dd>");
        assertThat(before + 3).isLessThan(applicable);
    }
}
