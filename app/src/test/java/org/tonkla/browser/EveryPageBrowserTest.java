package org.tonkla.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 10 §9: every main page, as each persona sees it on the demo data, (a) has no serious or critical
 * accessibility violation found by axe-core (Deque's engine, its default WCAG 2.1 A/AA and best-practice rules; from npm through WebJars,
 * served to the page from the test classpath, so the page's CSP allows it) on a 390-px phone and at desktop size, and (b) is no
 * wider than a 390-px phone (nothing scrolls sideways but a table inside its own box).
 */
class EveryPageBrowserTest extends BrowserTest {

    private static final String CENTER = "0192f0a0-0000-7000-8000-000000000001";
    private static final String MALI = "0192f0a0-0000-7000-8000-0000000000c1";
    private static final String AXE = "/webjars/axe-core/4.6.3/axe.min.js";

    @org.springframework.beans.factory.annotation.Autowired
    org.tonkla.identity.Accounts accounts;

    static Stream<Arguments> personas() {
        return Stream.of(
                Arguments.of(null, List.of("/login", "/password-reset", "/password-reset/not-a-token")),
                Arguments.of("teacher.kk", List.of("/", "/units/" + CENTER + "/roster", "/units/" + CENTER + "/worklist",
                        "/children/" + MALI, "/children?q=มะลิ", "/children/new", "/units", "/units/" + CENTER,
                        "/units/" + CENTER + "/arrivals", "/units/" + CENTER + "/join-requests", "/referrals",
                        "/areas", "/units/" + CENTER + "/imports/templates", "/units/" + CENTER + "/nutrition-summary")),
                // A head with this year's sheet open (made below, the demo center's sheet is another test's).
                Arguments.of(SHEET_HEAD, List.of("/", "/assessment/centers/{unit}/{year}", "/assessment/centers/{unit}/{year}/report")),
                Arguments.of("head.kk", List.of("/", "/assessment", "/assessment/centers/" + CENTER,
                        "/assessment/centers/" + CENTER + "/profile")),
                Arguments.of("guardian.kk", List.of("/", "/my-children", "/family/children/" + MALI,
                        "/family/children/" + MALI + "/access", "/family/children/" + MALI + "/access?period=30&purpose=family")),
                Arguments.of("health.kk", List.of("/", "/referrals", "/referrals/new?child=" + MALI)),
                Arguments.of("officer.khonkaen", List.of("/", "/assessment", "/assessment/monitoring", "/referrals",
                        "/referrals/reviews", "/children/" + MALI, "/areas", "/indicators", "/indicators?area=40&by=sex",
                        "/field/campaigns")),
                Arguments.of("committee.kk", List.of("/", "/referrals/committee")),
                Arguments.of("admin", List.of("/", "/admin/users", "/admin/users/new", "/admin/agencies", "/admin/audit",
                        "/admin/agreements", "/admin/units/new", "/admin/units/import", "/admin/imports/f43",
                        "/assessment/catalogues", "/admin/users/{guardian}", "/admin/users/{guardian}/children?q=มะลิ",
                        "/admin/users/{guardian}/children/" + MALI)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("personas")
    void everyPageIsAccessibleAndFitsAPhone(String persona, List<String> paths) {
        if (SHEET_HEAD.equals(persona)) paths = paths.stream().map(this::withOwnSheet).toList();
        Page page = persona == null ? browser.newPage(1280, 900) : browser.signedIn(port, persona, 1280, 900);
        List<String> problems = new ArrayList<>();
        try {
            for (String path : paths) {
                // An account's own pages (issue 10 §6): the demo guardian's, whose id each database gives anew.
                problems.addAll(check(page, path.replace("{guardian}", accounts.search("guardian.kk").getFirst().id().toString())));
            }
            // A referral as the persona opens it from the list, when the demo gives them one.
            if (paths.contains("/referrals")) {
                page.navigate(url("/referrals"));
                page.locator("main a[href^='/referrals/']").all().stream()
                        .map(a -> a.getAttribute("href"))
                        .filter(href -> href.matches("/referrals/[0-9a-f-]{36}"))
                        .findFirst().ifPresent(href -> problems.addAll(check(page, href)));
            }
        } finally {
            page.context().close();
        }
        assertThat(problems).as("pages of " + persona).isEmpty();
    }

    private static final String SHEET_HEAD = "head.everypage";
    private static String sheetUnit;

    @org.springframework.beans.factory.annotation.Autowired
    org.tonkla.directory.Directory directory;
    @org.springframework.beans.factory.annotation.Autowired
    org.tonkla.assessment.CenterAssessments assessments;

    /** The sheet pages of a center of this test's own, its head's account, this year's sheet open. */
    private String withOwnSheet(String path) {
        if (sheetUnit == null) {
            var unit = directory.addServiceUnit(new org.tonkla.directory.ServiceUnit(null,
                    org.tonkla.directory.ServiceUnitType.EARLY_CHILDHOOD_CENTER, "ศูนย์ทุกหน้า (ทดสอบ)", null, "DLA", "340412",
                    "34", null, null, null, null));
            var scope = new org.tonkla.identity.Scope("DLA", org.tonkla.identity.OrgUnit.serviceUnit(unit));
            accounts.create(new org.tonkla.identity.Accounts.AccountForm(SHEET_HEAD, SHEET_HEAD,
                    org.tonkla.identity.Role.CENTER_HEAD, scope, "tonkla-demo", true), true);
            assessments.open(unit, assessments.currentYearBe(), new org.tonkla.identity.CurrentUser(java.util.UUID.randomUUID(),
                    SHEET_HEAD, SHEET_HEAD, org.tonkla.identity.Role.CENTER_HEAD, scope, "th"));
            sheetUnit = unit.toString();
        }
        return path.replace("{unit}", sheetUnit).replace("{year}", String.valueOf(assessments.currentYearBe()));
    }

    private List<String> check(Page page, String path) {
        List<String> problems = new ArrayList<>();
        // First as a phone opens it (390 × 844), then the same page on a desktop screen for axe.
        page.setViewportSize(390, 844);
        var response = page.navigate(url(path));
        if (response == null || response.status() >= 400) {
            problems.add(path + ": answered " + (response == null ? "nothing" : response.status()));
            return problems;
        }
        // What sticks out, for the message: the outermost elements whose right edge passes the screen's.
        Object wide = page.evaluate("""
                () => {
                  const w = document.documentElement.clientWidth;
                  if (document.documentElement.scrollWidth <= w) return null;
                  const out = [];
                  for (const el of document.body.querySelectorAll('*')) {
                    const r = el.getBoundingClientRect();
                    const p = el.parentElement.getBoundingClientRect();
                    if (r.right > w + 1 && p.right <= w + 1 && out.length < 5)
                      out.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && el.className.baseVal === undefined ? '.' + String(el.className).trim().replace(/\\s+/g, '.') : '') + ' ' + Math.round(r.right) + 'px');
                  }
                  return document.documentElement.scrollWidth + 'px wide: ' + out.join(', ');
                }""");
        if (wide != null) problems.add(path + " at 390 px is " + wide);

        // axe on the phone layout too (the menu button, cards instead of tables), then on the desktop one.
        axe(page, path + " at 390 px", problems);
        page.setViewportSize(1280, 900);
        axe(page, path, problems);

        return problems;
    }

    private void axe(Page page, String where, List<String> problems) {
        if (!Boolean.TRUE.equals(page.evaluate("() => typeof axe !== 'undefined'"))) {
            page.addScriptTag(new Page.AddScriptTagOptions().setUrl(url(AXE)));
        }
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) page.evaluate("""
                async () => {
                  const r = await axe.run(document, {resultTypes: ['violations']});
                  return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '
                      + v.nodes.slice(0, 4).map(n => n.target.join(' ')).join(' | '));
                }""");
        violations.forEach(v -> problems.add(where + " axe " + v));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
