package org.tonkla.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tonkla.IntegrationTest;
import org.tonkla.WebClientSession;
import org.tonkla.assessment.Drafts.PlanInput;
import org.tonkla.assessment.Drafts.RatingInput;
import org.tonkla.core.standard.CatalogueItem;
import org.tonkla.core.standard.ItemLevel;
import org.tonkla.directory.Directory;
import org.tonkla.identity.Accounts;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;

/**
 * The assessment page's forms as a user sends them: saving a draft keeps what is valid when one
 * plan entry is incomplete, and hand-made values are answered with a message naming the item.
 */
class AssessmentFormTest extends IntegrationTest {

    private static final Pattern META_CSRF = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

    @Autowired
    CenterAssessments assessments;
    @Autowired
    Directory directory;
    @Autowired
    Accounts accounts;

    @Test
    void anIncompletePlanEntryDoesNotThrowAwayTheRestOfTheDraft() {
        UUID unit = Fixtures.center(directory, "DLA", "340201", "ศูนย์พัฒนาเด็กเล็กร่างไม่หาย");
        var head = Fixtures.user("head.partial", Role.CENTER_HEAD, "DLA", OrgUnit.serviceUnit(unit));
        int year = assessments.currentYearBe();
        UUID id = assessments.open(unit, year, head);
        LocalDate due = LocalDate.of(org.tonkla.core.thai.BuddhistEra.toCommonEraYear(year) + 1, 3, 31);

        List<String> incomplete = assessments.saveDraft(id,
                Map.of("1.1.1", new RatingInput(ItemLevel.BASIC, "ครูยังไม่ครบ"), "1.3.1", new RatingInput(ItemLevel.BASIC, null)),
                Map.of("1.1.1", new PlanInput("รับครูเพิ่ม", null, null), "1.3.1", new PlanInput("ซ่อมรั้ว", "ภารโรง", due)),
                head);
        assertThat(incomplete).containsExactly("1.1.1");
        AssessmentSheet sheet = assessments.sheet(id, head);
        assertThat(sheet.ratings().get("1.1.1").level()).isEqualTo(ItemLevel.BASIC);
        assertThat(sheet.ratings().get("1.1.1").note()).isEqualTo("ครูยังไม่ครบ");
        assertThat(sheet.plans()).containsOnlyKeys("1.3.1");

        // Submission still needs a complete plan for every item below ดี.
        Map<String, RatingInput> rest = new HashMap<>();
        for (CatalogueItem item : sheet.applicableItems()) {
            if (!sheet.ratings().containsKey(item.key())) rest.put(item.key(), new RatingInput(ItemLevel.GOOD, null));
        }
        assessments.saveDraft(id, rest, Map.of(), head);
        assertThatThrownBy(() -> assessments.submit(id, assessments.sheet(id, head).revision(), head))
                .isInstanceOfSatisfying(AssessmentRefused.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("assessment.error.planMissing");
                    assertThat(e.subjects()).containsExactly("1.1.1");
                });
    }

    @Test
    void thePageKeepsWhatWasTypedAndNamesTheIncompletePlan() {
        UUID unit = Fixtures.center(directory, "DLA", "340201", "ศูนย์พัฒนาเด็กเล็กแบบฟอร์ม");
        String username = Fixtures.account(accounts, "head.form." + unit.toString().substring(0, 8), Role.CENTER_HEAD, "DLA",
                OrgUnit.serviceUnit(unit));
        var head = Fixtures.user(username, Role.CENTER_HEAD, "DLA", OrgUnit.serviceUnit(unit));
        int year = assessments.currentYearBe();
        UUID id = assessments.open(unit, year, head);
        String sheetPath = "/assessment/centers/" + unit + "/" + year;
        WebClientSession web = session();
        web.login(username, "tonkla-demo");

        Map<String, String> form = new LinkedHashMap<>();
        form.put("level|1.1.1", "1");
        form.put("note|1.1.1", "ครูยังไม่ครบตามเกณฑ์");
        form.put("plan.action|1.1.1", "รับครูเพิ่มหนึ่งคน");
        form.put("plan.owner|1.1.1", "");
        form.put("plan.due|1.1.1", "");
        form.put("level|1.3.1", "0");
        form.put("plan.action|1.3.1", "ซ่อมรั้วสนามเด็กเล่น");
        form.put("plan.owner|1.3.1", "ภารโรง");
        form.put("plan.due|1.3.1", (org.tonkla.core.thai.BuddhistEra.toCommonEraYear(year) + 1) + "-03-31");
        form.put("action", "submit");
        String page = post(web, port, sheetPath, "/assessment/" + id + "/save", form);

        assertThat(page).contains("แผนพัฒนาของข้อ 1.1.1 ยังไม่ครบ").contains("ยังไม่ได้ส่งผลการประเมิน");
        assertThat(status(page)).isEqualTo("ร่าง");
        // What was typed is still there: the rating, the note, the complete plan and the incomplete one.
        assertThat(checked(page, "level|1.1.1")).isEqualTo("1");
        assertThat(page).contains("ครูยังไม่ครบตามเกณฑ์");
        assertThat(value(page, "plan.action|1.1.1")).isEqualTo("รับครูเพิ่มหนึ่งคน");
        assertThat(input(page, "plan.owner|1.1.1")).contains("aria-invalid=\"true\"");
        assertThat(input(page, "plan.owner|1.3.1")).doesNotContain("aria-invalid");
        assertThat(checked(page, "level|1.3.1")).isEqualTo("0");
        assertThat(value(page, "plan.owner|1.3.1")).isEqualTo("ภารโรง");

        // Reloading later shows what was saved: the incomplete entry was not.
        String reloaded = web.get(sheetPath, "text/html").body();
        assertThat(reloaded).doesNotContain("ยังไม่ครบ:");
        assertThat(value(reloaded, "plan.action|1.1.1")).isEmpty();
        assertThat(checked(reloaded, "level|1.1.1")).isEqualTo("1");
    }

    @Test
    void aHandMadeLevelOrReviewMarkIsAnsweredWithAMessageNamingTheItem() {
        UUID unit = Fixtures.center(directory, "DLA", "340201", "ศูนย์พัฒนาเด็กเล็กค่าผิด");
        String suffix = unit.toString().substring(0, 8);
        String headName = Fixtures.account(accounts, "head.bad." + suffix, Role.CENTER_HEAD, "DLA", OrgUnit.serviceUnit(unit));
        String officerName = Fixtures.account(accounts, "officer.bad." + suffix, Role.PROVINCIAL_OFFICER, "DLA", OrgUnit.area("34"));
        var head = Fixtures.user(headName, Role.CENTER_HEAD, "DLA", OrgUnit.serviceUnit(unit));
        int year = assessments.currentYearBe();
        UUID id = assessments.open(unit, year, head);
        String sheetPath = "/assessment/centers/" + unit + "/" + year;

        WebClientSession center = session();
        center.login(headName, "tonkla-demo");
        String page = post(center, port, sheetPath, "/assessment/" + id + "/save", Map.of("level|1.2.2", "7", "action", "save"));
        assertThat(page).contains("ระดับของข้อ 1.2.2");
        page = post(center, port, sheetPath, "/assessment/" + id + "/save", Map.of("level|1.2.2", "ดี", "action", "save"));
        assertThat(page).contains("ระดับของข้อ 1.2.2");

        Map<String, RatingInput> ratings = new HashMap<>();
        for (CatalogueItem item : assessments.sheet(id, head).applicableItems()) {
            ratings.put(item.key(), new RatingInput(ItemLevel.GOOD, null));
        }
        assessments.saveDraft(id, ratings, Map.of(), head);
        assessments.submit(id, assessments.sheet(id, head).revision(), head);

        WebClientSession officer = session();
        officer.login(officerName, "tonkla-demo");
        page = post(officer, port, sheetPath, "/assessment/" + id + "/review",
                Map.of("review|1.4.2", "MAYBE", "comment|1.4.2", "", "decision", "SAVE"));
        assertThat(page).contains("ผลการตรวจของข้อ 1.4.2");
        page = post(officer, port, sheetPath, "/assessment/" + id + "/review", Map.of("decision", "LATER"));
        assertThat(page).contains("การตัดสินผลการตรวจ");
        assertThat(status(page)).isEqualTo("ส่งแล้ว รอตรวจ");
    }

    /**
     * POSTs {@code form} as the page would (with the revision the page shows, unless the form has
     * one), expects a redirect and returns the page it leads to.
     */
    static String post(WebClientSession web, int port, String pagePath, String path, Map<String, String> form) {
        String shown = web.get(pagePath, "text/html").body();
        Matcher csrf = META_CSRF.matcher(shown);
        assertThat(csrf.find()).as("signed in, with a CSRF token").isTrue();
        Map<String, String> sent = new LinkedHashMap<>(form);
        Matcher revision = Pattern.compile("name=\"revision\" value=\"(\\d+)\"").matcher(shown);
        if (!sent.containsKey("revision") && revision.find()) sent.put("revision", revision.group(1));
        String body = sent.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        HttpResponse<String> response = web.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .header("X-CSRF-TOKEN", csrf.group(1)).POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow().replace("http://localhost:" + port, "");
        assertThat(location).isEqualTo(pagePath);
        HttpResponse<String> next = web.get(location, "text/html");
        assertThat(next.statusCode()).isEqualTo(200);
        return next.body();
    }

    static String status(String page) {
        Matcher m = Pattern.compile("id=\"status\"[^>]*>([^<]*)<").matcher(page);
        return m.find() ? m.group(1).strip() : null;
    }

    /** The (first) input element named {@code name}. */
    private static String input(String page, String name) {
        Matcher m = Pattern.compile("<input[^>]*name=\"" + Pattern.quote(name) + "\"[^>]*>").matcher(page);
        assertThat(m.find()).as("input " + name).isTrue();
        return m.group();
    }

    /** The value of the text input {@code name}. */
    private static String value(String page, String name) {
        Matcher v = Pattern.compile("value=\"([^\"]*)\"").matcher(input(page, name));
        return v.find() ? v.group(1) : "";
    }

    /** The value of the checked radio button {@code name}, or null. */
    private static String checked(String page, String name) {
        Matcher m = Pattern.compile("<input[^>]*name=\"" + Pattern.quote(name) + "\"[^>]*>").matcher(page);
        while (m.find()) {
            if (!m.group().contains("checked")) continue;
            Matcher v = Pattern.compile("value=\"([^\"]*)\"").matcher(m.group());
            if (v.find()) return v.group(1);
        }
        return null;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
