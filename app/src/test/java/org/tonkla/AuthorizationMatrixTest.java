package org.tonkla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tonkla.AuthorizationMatrix.row;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.tonkla.AuthorizationMatrix.Binding;
import org.tonkla.AuthorizationMatrix.Row;
import org.tonkla.assessment.CenterAssessments;
import org.tonkla.core.standard.StandardCatalogue;
import org.tonkla.core.thai.NationalId;
import org.tonkla.demo.DemoUnits;
import org.tonkla.identity.Accounts;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;
import org.tonkla.identity.Scope;
import org.tonkla.registry.ChildId;
import org.tonkla.registry.ChildImports;
import org.tonkla.registry.EnrolmentKind;
import org.tonkla.registry.Sex;

/**
 * Issue #8 point 11: every route of the running application (Spring MVC's route table) × every demo persona
 * × in and out of scope, against what the rules in the README ("Who reads what", "Scopes") say should happen.
 *
 * <p><b>A new route fails {@link #everyRouteHasARowAndEveryRowARoute}</b> until it has a row in {@link #matrix}:
 * copy the suggested line from the failure message, fill in the nine letters and, for path variables
 * without a default ({@code {id}}), bind the in-scope and out-of-scope values.
 *
 * <p>Expectations are nine letters, one per persona, in the order of {@link AuthorizationMatrix#PERSONAS}:
 * <pre>
 *   anonymous  admin  officer.khonkaen  officer.chiangmai  teacher.kk  health.kk  head.kk  school.kk  guardian.kk
 * </pre>
 * {@code A} ALLOW: the request got past authorization (anything but 401/403/404 and not a redirect to /login; a
 * 400/409/422 from a deliberately invalid body counts); {@code D} DENY: 401, 403 or a redirect to /login;
 * {@code N} NOT_FOUND: 404. Write requests carry invalid or harmless bodies: nothing here changes the demo
 * data other tests use (the assessment, child and join-request fixtures below are this test's own).
 */
class AuthorizationMatrixTest extends IntegrationTest {

    // --- the values path variables take: the first in scope of the Khon Kaen personas, the second not

    static final UUID KK_CENTER = DemoUnits.KHON_KAEN_CENTER;
    static final UUID KK_HEALTH_CENTER = DemoUnits.KHON_KAEN_HEALTH_CENTER;
    static final UUID CM_CENTER = DemoUnits.CHIANG_MAI_CENTER;
    /** มะลิ ใจดี: enrolled at the KK center, registered at the KK health center, guardian.kk's daughter. */
    static final UUID MALI = UUID.fromString("0192f0a0-0000-7000-8000-0000000000c1");
    /** This test's child at the Chiang Mai center: only officer.chiangmai reaches it. */
    static final UUID CM_CHILD = UUID.nameUUIDFromBytes("authz-matrix:cm-child".getBytes());
    /**
     * This test's child registered only at the KK health center (so not on teacher.kk's class roster, which
     * other tests count): the target of writes that need a valid body (guardians, corrections, join requests).
     */
    static final UUID HC_CHILD = UUID.nameUUIDFromBytes("authz-matrix:hc-child".getBytes());
    /** This test's assessments (year 2500 BE, a draft) of the KK and the Chiang Mai center. */
    static final UUID KK_ASSESSMENT = UUID.nameUUIDFromBytes("authz-matrix:assessment-kk".getBytes());
    static final UUID CM_ASSESSMENT = UUID.nameUUIDFromBytes("authz-matrix:assessment-cm".getBytes());
    static final String FIXTURE_YEAR = "2500";
    /** Pending join requests: the CM center asks for HC_CHILD; the KK center asks for CM_CHILD. */
    static final UUID JOIN_HC_CHILD = UUID.nameUUIDFromBytes("authz-matrix:join-hc".getBytes());
    static final UUID JOIN_CM_CHILD = UUID.nameUUIDFromBytes("authz-matrix:join-cm".getBytes());
    /** A pending referral of มะลิ from the KK center to the KK health center (issue 12), this test's own. */
    static final UUID KK_REFERRAL = UUID.nameUUIDFromBytes("authz-matrix:referral-kk".getBytes());
    /** An id nothing has. */
    static final String NO_SUCH = "0192f0a0-0000-7000-8000-00000000dead";

    static final Binding UNIT = new Binding(KK_CENTER, CM_CENTER);
    static final Binding CHILD = new Binding(MALI, CM_CHILD);
    static final Binding WRITABLE_CHILD = new Binding(HC_CHILD, CM_CHILD);
    static final Binding ASSESSMENT = new Binding(KK_ASSESSMENT, CM_ASSESSMENT);
    static final Binding JOIN_REQUEST = new Binding(JOIN_HC_CHILD, JOIN_CM_CHILD);
    /** The demo's agreement (administrators only: in and out of scope are the same). */
    final Binding AGREEMENT = new Binding(this::demoAgreement, this::demoAgreement);

    /** Variables every row gets unless it binds them itself; {@code {id}} has no default on purpose. */
    static final Map<String, Binding> DEFAULTS = Map.of(
            "unitId", UNIT,
            "childId", CHILD,
            "code", new Binding("40", "50"),
            "year", new Binding(FIXTURE_YEAR, FIXTURE_YEAR),
            "measurementId", Binding.same(NO_SUCH),
            "screeningId", Binding.same(NO_SUCH),
            "immunizationId", Binding.same(NO_SUCH),
            "noteId", Binding.same(NO_SUCH),
            "staffId", Binding.same(NO_SUCH),
            "photoId", Binding.same(NO_SUCH));

    // --- common expectations           anon admin okk ocm teach hlth head schl guard

    static final String NOBODY =          "D    D    D   D   D     D    D    D    D";
    static final String EVERYONE =        "A    A    A   A   A     A    A    A    A";
    static final String SIGNED_IN =       "D    A    A   A   A     A    A    A    A";
    static final String ADMIN =           "D    A    D   D   D     D    D    D    D";
    /** Acts on the KK center: the country (admin), province 40, the center's own staff. Not a guardian. */
    static final String UNIT_KK =         "D    A    A   D   A     D    A    D    D";
    static final String UNIT_CM =         "D    A    D   A   D     D    D    D    D";
    /** Lists a unit's children: as UNIT, but administrators open no child's record. */
    static final String CHILDREN_OF_KK =  "D    D    A   D   A     D    A    D    D";
    static final String CHILDREN_OF_CM =  "D    D    D   A   D     D    D    D    D";
    /** The center's own staff (its head and caregivers) keep its data and record at it. */
    static final String STAFF_OF_KK =     "D    D    D   D   A     D    A    D    D";
    static final String HEAD_OF_KK =      "D    D    D   D   D     D    A    D    D";
    /** Reviewing officers: DCY officers of the center's province. */
    static final String REVIEWER_KK =     "D    D    A   D   D     D    D    D    D";
    static final String REVIEWER_CM =     "D    D    D   A   D     D    D    D    D";
    static final String MONITOR_40 =      "D    A    A   D   D     D    D    D    D";
    static final String MONITOR_50 =      "D    A    D   A   D     D    D    D    D";
    /** Reads มะลิ: officer of province 40, her center's staff, her health center, her guardian. */
    static final String READ_MALI =       "D    D    A   D   A     A    A    D    A";
    static final String READ_CM_CHILD =   "D    D    D   A   D     D    D    D    D";
    /** Writes to มะลิ: the recorders who reach her. Officers read only; guardians and admins write nothing. */
    /** มะลิ's guardian only: the family's own pages. */
    static final String GUARDIAN_OF_MALI = "D    D    D   D   D     D    D    D    A";
    static final String WRITE_MALI =      "D    D    D   D   A     A    A    D    D";
    /** Writes to HC_CHILD: the health center's recorder only. */
    static final String WRITE_HC_CHILD =  "D    D    D   D   D     A    D    D    D";
    /** Administrators and provincial officers: the reviewers of emergency openings. */
    static final String SUPERVISORS =     "D    A    A   A   D     D    D    D    D";
    /** Every role that works with children in person, in scope or not (an emergency opening). */
    static final String REVIEWS_AND_RECORDS = "D  D    D   D   A     A    A    A    D";

    /** A referral from the KK center to the KK health center: both units' staff and the child's guardian see it. */
    static final String REFERRAL_PARTIES = "D  N    N   N   A     A    A    N    A";
    /** Only the receiving unit takes its steps; the referring unit and the family are refused, others told nothing. */
    static final String REFERRAL_RECEIVER = "D N    N   N   D     A    D    N    D";
    /** Either unit (notes, closing). */
    static final String REFERRAL_UNITS =  "D    N    N   N   A     A    A    N    D";
    static final String NO_REFERRAL =     "D    N    N   N   N     N    N    N    N";
    static final Binding REFERRAL = new Binding(KK_REFERRAL, NO_SUCH);
    /** Signed in, nothing there: 404 (exchange: a FHIR id or a linkage pair nobody has). */
    static final String FHIR_NOTHING =    "D    N    N   N   N     N    N    N    N";
    /** มะลิ's mother in the demo: her RelatedPerson. */
    static final String MALI_MOTHER = "0192f0a0-0000-7000-8000-0000000000e1";

    /** The demo's district committee: its members read it; the secretary (not a persona) prepares it. */
    static final String COMMITTEE_MEMBERS = "D A    A   N   N     A    A    A    N";
    static final String COMMITTEE_SECRETARY = "D D  D   N   N     D    D    D    N";
    static final String COMMITTEE_MANAGER = "D A    D   N   N     D    D    D    N";
    static final String NO_COMMITTEE =    "D    N    N   N   N     N    N    N    N";
    final Binding COMMITTEE = new Binding(this::demoCommittee, () -> NO_SUCH);
    final Binding MEETING = new Binding(() -> demoCommitteeRow("SELECT CAST(id AS text) FROM committee_meeting"
            + " WHERE committee_id = CAST(? AS uuid) AND number = 1"), () -> NO_SUCH);
    final Binding TASK = new Binding(() -> demoCommitteeRow("SELECT CAST(id AS text) FROM committee_task"
            + " WHERE committee_id = CAST(? AS uuid) ORDER BY created_at LIMIT 1"), () -> NO_SUCH);

    static final String FUTURE = "2999-01-01";
    static final String ALL_NORMAL = "{\"GM\":\"NORMAL\",\"FM\":\"NORMAL\",\"RL\":\"NORMAL\",\"EL\":\"NORMAL\",\"PS\":\"NORMAL\"}";
    static final byte[] NOT_AN_IMAGE = "not an image".getBytes();

    /**
     * One row per route of the route table (plus a few outside it, marked {@code extra()}). A row without
     * {@code out(...)} is sent once (the route has no scope to be outside of).
     */
    List<Row> matrix() {
        String teacherId = accounts.search("teacher.kk").getFirst().id().toString();
        return List.of(
                // --- platform, identity, directory
                row("GET /", SIGNED_IN),
                row("GET /login", EVERYONE),
                row("GET /actuator/health", EVERYONE).extra(),
                row("GET /v3/api-docs", SIGNED_IN).extra(),
                row("ANY /error", "N N N N N N N N N"), // asked for directly, there is no error to show
                row("GET /admin/audit", ADMIN),
                row("GET /admin/users", ADMIN),
                row("GET /admin/users/new", ADMIN),
                row("GET /admin/users/{id}", ADMIN).out("D N D D D D D D D").bind("id", new Binding(teacherId, NO_SUCH)),
                row("POST /admin/users", ADMIN).form(""), // empty form: re-shown with the error, nobody created
                row("POST /admin/users/{id}", ADMIN).form("").bind("id", Binding.same(teacherId)),
                // Issue 10 §6: unlock, reset link, guardian links (administrators); forgot password (anyone)
                row("POST /admin/users/{id}/unlock", ADMIN).out("D N D D D D D D D").form("")
                        .bind("id", new Binding(teacherId, NO_SUCH)),
                // teacher.kk has no e-mail address: told so on the user's page, nothing sent
                row("POST /admin/users/{id}/password-reset", ADMIN).out("D N D D D D D D D").form("")
                        .bind("id", new Binding(teacherId, NO_SUCH)),
                row("GET /admin/users/{id}/children", ADMIN).out("D N D D D D D D D").bind("id", new Binding(teacherId, NO_SUCH)),
                row("GET /admin/users/{id}/children/{childId}", ADMIN).out("D N D D D D D D D")
                        .bind("id", new Binding(teacherId, NO_SUCH)),
                // No relationship: the confirmation is shown again with the error, nothing linked
                row("POST /admin/users/{id}/children/{childId}", ADMIN).out("D N D D D D D D D").form("")
                        .bind("id", new Binding(teacherId, NO_SUCH)),
                row("GET /password-reset", EVERYONE),
                row("POST /password-reset", EVERYONE).form(""),
                row("GET /password-reset/{token}", EVERYONE).bind("token", Binding.same("not-a-token")),
                row("POST /password-reset/{token}", EVERYONE).form("").bind("token", Binding.same("not-a-token")),
                row("GET /admin/agencies", ADMIN),
                row("POST /admin/agencies", ADMIN).form(""),
                row("GET /admin/units/new", ADMIN),
                row("POST /admin/units", ADMIN).form(""),
                row("GET /admin/units/import", ADMIN),
                row("GET /admin/units/import/template.csv", ADMIN),
                row("POST /admin/units/import", ADMIN).multipart("file", "bad.csv", "text/csv", "not,a,unit,list".getBytes()),
                row("POST /admin/units/import/{id}/apply", "D N D D D D D D D").form("").bind("id", Binding.same(NO_SUCH)),
                row("POST /admin/units/{id}/owner", ADMIN).form("").bind("id", Binding.same(KK_CENTER)), // no agency: 400
                row("GET /admin/imports/f43", ADMIN),
                row("POST /admin/imports/f43", ADMIN).multipart("file", "bad.zip", "application/zip", "not a zip".getBytes()),
                row("POST /api/v1/imports/f43", ADMIN).multipart("file", "bad.zip", "application/zip", "not a zip".getBytes()),
                row("GET /api/v1/imports/f43/{id}", "D N D D D D D D D").bind("id", Binding.same(NO_SUCH)),
                row("GET /api/v1/imports/f43/{id}/rejections.csv", "D N D D D D D D D").bind("id", Binding.same(NO_SUCH)),
                // templates of centers and schools (issue 14 §5): the empty files hold no data; loading is the unit's recorders'
                row("GET /imports/templates/{kind}.xlsx", SIGNED_IN).bind("kind", Binding.same("children")),
                row("GET /imports/templates/{kind}.csv", SIGNED_IN).bind("kind", Binding.same("measurements")),
                row("GET /units/{unitId}/imports/templates", STAFF_OF_KK).out(NOBODY),
                row("POST /units/{unitId}/imports/templates", STAFF_OF_KK).out(NOBODY)
                        .multipart("file", "empty.csv", "text/csv", "no header\n".getBytes()),
                row("GET /areas", SIGNED_IN),
                row("GET /areas/{code}", SIGNED_IN).out(SIGNED_IN), // reference data: no scope
                row("GET /units", SIGNED_IN).query("q=ขอนแก่น"),
                row("GET /units/{id}", UNIT_KK).out(UNIT_CM).bind("id", UNIT),
                row("GET /api/v1/areas", SIGNED_IN),
                row("GET /api/v1/service-units", SIGNED_IN).query("area=40"),
                row("GET /api/v1/service-units/{id}", UNIT_KK).out(UNIT_CM).bind("id", UNIT),

                // --- the ECD-center standard
                // Centers go to their own center page, monitors to monitoring; a guardian has neither.
                row("GET /assessment", "D A A A A A A A D"),
                row("GET /assessment/centers/{unitId}", UNIT_KK).out(UNIT_CM),
                row("POST /assessment/centers/{unitId}/open", HEAD_OF_KK).out(NOBODY).form("year=1000"),
                row("GET /assessment/centers/{unitId}/{year}", UNIT_KK).out(UNIT_CM),
                row("GET /assessment/centers/{unitId}/{year}/report", UNIT_KK).out(UNIT_CM),
                row("POST /assessment/{id}/save", STAFF_OF_KK).out(NOBODY).bind("id", ASSESSMENT).form(""),
                // Issue 10 §6: one item saved as changed (no such item here: 400 for the staff, 403 for others).
                row("POST /assessment/{id}/autosave", STAFF_OF_KK).out(NOBODY).bind("id", ASSESSMENT).form("item=none&revision=0"),
                // The reviewing officer reminds a center not handed in (sent, or "already today"/"not needed": a redirect).
                row("POST /assessment/centers/{unitId}/remind", REVIEWER_KK).out(REVIEWER_CM).form(""),
                // The draft is not submitted: the reviewer is told so (a redirect), everyone else 403.
                row("POST /assessment/{id}/review", REVIEWER_KK).out(REVIEWER_CM).bind("id", ASSESSMENT).form(""),
                row("POST /assessment/{id}/plan-done", STAFF_OF_KK).out(NOBODY).bind("id", ASSESSMENT).form("item=none"),
                row("GET /assessment/evidence/{id}", UNIT_KK).out(UNIT_CM).bind("id", new Binding(() -> evidenceOf(KK_ASSESSMENT),
                        () -> evidenceOf(CM_ASSESSMENT))),
                row("GET /assessment/catalogues", ADMIN),
                row("POST /assessment/catalogues", ADMIN).multipart("sheet", "bad.csv", "text/csv", "not,a,catalogue".getBytes()),
                row("POST /assessment/catalogues/activate", "D N D D D D D D D").form("version=no-such-version"),
                row("GET /assessment/monitoring", MONITOR_40).out(MONITOR_50).query("area={code}"),
                row("GET /assessment/monitoring/export.xlsx", MONITOR_40).out(MONITOR_50).query("area={code}"),
                row("GET /assessment/reports/improvement.xlsx", MONITOR_40).out(MONITOR_50).query("area={code}"),
                row("GET /assessment/reports/levels.xlsx", MONITOR_40).out(MONITOR_50).query("area={code}"),
                row("GET /api/v1/assessments", MONITOR_40).out(MONITOR_50).query("area={code}"),
                row("GET /api/v1/assessments/{unitId}/{year}", UNIT_KK).out(UNIT_CM),
                row("GET /assessment/centers/{unitId}/profile", UNIT_KK).out(UNIT_CM),
                row("POST /assessment/centers/{unitId}/profile", STAFF_OF_KK).out(NOBODY).form(""), // no age group: refused
                row("POST /assessment/centers/{unitId}/staff", STAFF_OF_KK).out(NOBODY).form(""),
                row("POST /assessment/centers/{unitId}/staff/{staffId}/leave", STAFF_OF_KK).out(NOBODY).form(""),
                row("POST /assessment/centers/{unitId}/photos", STAFF_OF_KK).out(NOBODY)
                        .multipart("photo", "note.txt", "text/plain", NOT_AN_IMAGE),
                // No such photo: after the scope check the in-scope readers get an error, not the photo.
                row("GET /assessment/centers/{unitId}/photos/{photoId}", "D N N D N D N D D").out("D N D N D D D D D"),

                // --- the record book (writes with a date in the future: refused after the access check)
                row("GET /children/{id}", READ_MALI).out(READ_CM_CHILD).bind("id", CHILD),
                row("GET /children/{id}/print", READ_MALI).out(READ_CM_CHILD).bind("id", CHILD),
                row("POST /children/{id}/measurements", WRITE_MALI).out(NOBODY).bind("id", CHILD).form("measuredOn=" + FUTURE),
                row("POST /children/{id}/screenings", WRITE_MALI).out(NOBODY).bind("id", CHILD).form("screenedOn=" + FUTURE),
                row("POST /children/{id}/immunizations", WRITE_MALI).out(NOBODY).bind("id", CHILD)
                        .form("vaccineCode=000&givenOn=" + FUTURE),
                row("POST /children/{id}/immunizations/pink-book", WRITE_MALI).out(NOBODY).bind("id", CHILD)
                        .form("given.000=" + FUTURE),
                row("POST /children/{id}/notes", WRITE_MALI).out(NOBODY).bind("id", CHILD).form("kind=ALLERGY&description="),
                row("POST /children/{id}/notes/{noteId}/resolve", WRITE_MALI).out(NOBODY).bind("id", CHILD)
                        .form("resolvedOn=" + FUTURE),
                row("GET /api/v1/children/{id}", READ_MALI).out(READ_CM_CHILD).bind("id", CHILD),
                // Issue 10 §8: an unknown child is 404 for every signed-in role; an existing one out of reach stays 403.
                row("GET /api/v1/children/{id} #unknown child", "D N N N N N N N N").bind("id", Binding.same(NO_SUCH)),
                row("GET /children/{id} #unknown child", "D N N N N N N N N").bind("id", Binding.same(NO_SUCH)),
                row("POST /api/v1/children/{id}/measurements", WRITE_MALI).out(NOBODY).bind("id", CHILD).json("{}"),
                row("PUT /api/v1/children/{id}/measurements/{measurementId}", WRITE_MALI).out(NOBODY).bind("id", CHILD)
                        .json("{\"measurement\":{},\"reason\":\"authorization matrix\"}"),
                row("POST /api/v1/children/{id}/screenings", WRITE_MALI).out(NOBODY).bind("id", CHILD)
                        .json("{\"screenedOn\":\"" + FUTURE + "\",\"domains\":" + ALL_NORMAL + "}"),
                row("PUT /api/v1/children/{id}/screenings/{screeningId}", WRITE_MALI).out(NOBODY).bind("id", CHILD)
                        .json("{\"screening\":{\"screenedOn\":\"" + FUTURE + "\",\"domains\":" + ALL_NORMAL
                                + "},\"reason\":\"authorization matrix\"}"),
                row("POST /api/v1/children/{id}/immunizations", WRITE_MALI).out(NOBODY).bind("id", CHILD).json("{}"),
                row("PUT /api/v1/children/{id}/immunizations/{immunizationId}", WRITE_MALI).out(NOBODY).bind("id", CHILD)
                        .json("{\"immunization\":{},\"reason\":\"authorization matrix\"}"),
                row("GET /units/{unitId}/roster", CHILDREN_OF_KK).out(CHILDREN_OF_CM),
                row("GET /units/{unitId}/worklist", CHILDREN_OF_KK).out(CHILDREN_OF_CM),
                row("GET /units/{unitId}/nutrition-summary", CHILDREN_OF_KK).out(CHILDREN_OF_CM),
                row("POST /units/{unitId}/roster/{childId}", STAFF_OF_KK).out(NOBODY).form("measuredOn=" + FUTURE),

                // --- the registry
                // Search results are filtered by scope: only those who read มะลิ see her in them.
                row("GET /children", SIGNED_IN).query("q=มะลิ ใจดี").hides(MALI, READ_MALI),
                row("GET /children/new", SIGNED_IN), // an empty form
                // Registers at the user's own unit; other scopes get the form back with "register at a unit".
                row("POST /children", SIGNED_IN).form(""),
                row("GET /children/{id}/transfer", STAFF_OF_KK).out(NOBODY).bind("id", CHILD),
                row("POST /children/{id}/transfer", WRITE_MALI).out(NOBODY).bind("id", CHILD).form("toUnitId=" + NO_SUCH),
                row("GET /units/{unitId}/arrivals", CHILDREN_OF_KK).out(CHILDREN_OF_CM),
                // Issue 10 §3: transfers awaiting acknowledgement; undo by the sender, acknowledgement by the receiver
                // (both checked on real transfers in TransferAcknowledgementTest; here: nobody learns an unknown one exists).
                row("GET /units/{unitId}/transfers", CHILDREN_OF_KK).out(CHILDREN_OF_CM),
                row("POST /transfers/{id}/undo #unknown transfer", "D D D D N N N N D").bind("id", Binding.same(NO_SUCH))
                        .form("unitId={unitId}"),
                row("POST /transfers/{id}/acknowledge #unknown transfer", "D D D D N N N N D").bind("id", Binding.same(NO_SUCH))
                        .form("unitId={unitId}"),
                // A valid guardian (validated before the access check), so on this test's own child.
                row("POST /children/{id}/guardians", WRITE_HC_CHILD).out(NOBODY).bind("id", WRITABLE_CHILD)
                        .form("givenNameTh=ทดสอบ&familyNameTh=สิทธิ์&relationship=มารดา"),
                row("POST /children/{id}/photo", WRITE_MALI).out(NOBODY).bind("id", CHILD)
                        .multipart("photo", "note.txt", "text/plain", NOT_AN_IMAGE),
                // A valid correction (validated before the access check), so on this test's own child.
                row("POST /children/{id}/corrections", WRITE_HC_CHILD).out(NOBODY).bind("id", WRITABLE_CHILD)
                        .form("field=givenNameEn&newValue=&reason=authorization+matrix"),
                row("GET /my-children", SIGNED_IN).hides(MALI, "D D D D D D D D A"), // a guardian's own children only
                row("GET /api/v1/children", CHILDREN_OF_KK).out(CHILDREN_OF_CM).query("unit={unitId}").hides(MALI, CHILDREN_OF_KK),
                row("GET /api/v1/children #search", SIGNED_IN).query("q=มะลิ ใจดี").hides(MALI, READ_MALI),
                row("GET /api/v1/children #search by the CM child's name", SIGNED_IN).query("q=เชียงใหม่")
                        .hides(CM_CHILD, READ_CM_CHILD),
                row("POST /api/v1/children", STAFF_OF_KK).out(NOBODY).json("{\"unitId\":\"{unitId}\"}"),
                // Incoming requests of a unit: its recorders; a guardian sees those for their own children.
                row("GET /api/v1/join-requests", "D D D D A D A D A").out("D D D D D D D D A").query("unit={unitId}")
                        .hides(HC_CHILD, NOBODY),
                row("GET /api/v1/join-requests #of the health center", "D D D D D A D D A").query("unit=" + KK_HEALTH_CENTER)
                        .hides(HC_CHILD, "D D D D D A D D D"),
                row("GET /api/v1/join-requests #outgoing", STAFF_OF_KK).out(NOBODY).query("unit={unitId}&direction=outgoing")
                        .hides(CM_CHILD, NOBODY),
                // A stale revision: the decider gets 409, nothing is decided.
                row("POST /api/v1/join-requests/{id}/decision", WRITE_HC_CHILD).out(NOBODY).bind("id", JOIN_REQUEST)
                        .json("{\"approve\":false,\"revision\":99}"),
                row("POST /api/v1/join-requests/{id}/decision #unknown request", NOBODY)
                        .bind("id", Binding.same(NO_SUCH)).json("{\"approve\":false,\"revision\":99}"),
                row("GET /units/{unitId}/join-requests", STAFF_OF_KK).out(NOBODY),
                row("POST /units/{unitId}/join-requests/{id}", WRITE_HC_CHILD).out(NOBODY).bind("id", JOIN_REQUEST)
                        .bind("unitId", new Binding(KK_HEALTH_CENTER, CM_CENTER)).form("approve=false&revision=99"),
                // Only the requesting unit's recorders read a request; nobody else learns it exists.
                row("GET /api/v1/join-requests/{id} #unknown request", NOBODY).bind("id", Binding.same(NO_SUCH)),

                // --- the MOU: agreements (administrators), consent (family and recorders), emergency openings
                row("GET /admin/agreements", ADMIN),
                row("POST /admin/agreements", ADMIN).form("code="),
                row("GET /admin/agreements/{id}", ADMIN).bind("id", AGREEMENT),
                row("GET /admin/agreements/{id}/print", ADMIN).bind("id", AGREEMENT),
                row("POST /admin/agreements/{id}", ADMIN).bind("id", AGREEMENT).form("revision=999"),
                row("POST /admin/agreements/{id}/status", ADMIN).bind("id", AGREEMENT).form("revision=999&status=ACTIVE"),
                row("GET /api/v1/agreements", ADMIN),
                row("POST /api/v1/agreements", ADMIN).json("{}"),
                row("GET /api/v1/agreements/{id}", ADMIN).bind("id", AGREEMENT),
                row("PUT /api/v1/agreements/{id}", ADMIN).bind("id", AGREEMENT).json("{}"),
                row("POST /api/v1/agreements/{id}/status", ADMIN).bind("id", AGREEMENT).json("{}"),
                row("GET /api/v1/children/{id}/consents", READ_MALI).out(READ_CM_CHILD).bind("id", CHILD),
                row("POST /api/v1/children/{id}/consents", "D D D D A A A D A").out(NOBODY).bind("id", CHILD).json("{}"),
                // An emergency opening: any role that reads children may (a too-short reason answers 400 here).
                row("POST /api/v1/children/{id}/break-glass", REVIEWS_AND_RECORDS).out(REVIEWS_AND_RECORDS).bind("id", CHILD)
                        .json("{\"reason\":\"x\"}"),
                row("GET /children/{id}/emergency", SIGNED_IN).out(SIGNED_IN).bind("id", CHILD),
                row("POST /children/{id}/emergency", REVIEWS_AND_RECORDS).out(REVIEWS_AND_RECORDS).bind("id", CHILD)
                        .form("reason=x"),
                row("GET /api/v1/break-glass", SUPERVISORS),
                row("POST /api/v1/break-glass/{id}/review #unknown opening", "D N N N D D D D D")
                        .bind("id", Binding.same(NO_SUCH)).json("{\"decision\":\"ACCEPTED\",\"revision\":0}"),
                // --- the family's own view (guardians), correction requests (the recording unit), retention (admins)
                row("GET /family/children/{id}", GUARDIAN_OF_MALI).out(NOBODY).bind("id", CHILD),
                row("GET /family/children/{id}/export.json", GUARDIAN_OF_MALI).out(NOBODY).bind("id", CHILD),
                row("GET /family/children/{id}/access", GUARDIAN_OF_MALI).out(NOBODY).bind("id", CHILD),
                // No purpose: the guardian's choice is refused as invalid (400) after the access check.
                row("POST /family/children/{id}/consents", GUARDIAN_OF_MALI).out(NOBODY).bind("id", CHILD).form(""),
                row("POST /family/children/{id}/correction-requests", GUARDIAN_OF_MALI).out(NOBODY).bind("id", CHILD).form(""),
                row("GET /units/{unitId}/correction-requests", STAFF_OF_KK).out(NOBODY),
                row("POST /units/{unitId}/correction-requests/{id} #unknown request", "D D D D N D N D D").out(NOBODY)
                        .bind("id", Binding.same(NO_SUCH)).form("revision=0"),
                row("GET /api/v1/retention/runs", ADMIN),
                row("GET /break-glass", SUPERVISORS),
                row("POST /break-glass/{id} #unknown opening", "D N N N D D D D D").bind("id", Binding.same(NO_SUCH))
                        .form("revision=0&decision=ACCEPTED"),

                // --- child protection (issue 17): the screening is a write (the child's recorders: teacher.kk, head.kk,
                // health.kk reach มะลิ); the rule is the administrators' and the province's officers'; a concern is 404 for
                // everyone but its workers (socialdev.kk, the district child-protection subcommittee) and its reporter,
                // none of them a persona here (ProtectionConcernTest covers them), so an unknown id answers as a real one.
                row("GET /children/{childId}/protection", "D D D D A A A D D").out(NOBODY),
                row("POST /children/{childId}/protection", "D D D D A A A D D").out(NOBODY).form("items=rumour"),
                row("GET /protection/concerns", SIGNED_IN),
                // The whole child (issue 17 §4): those who reach the child, not its family (their own book); 404 outside.
                row("GET /protection/counts", "D D A A D D D D D"),
                row("GET /children/{childId}/whole", "D N A N A A A N D").out("D N N A N N N N D"),
                row("GET /protection/concerns/{id}", "D N N N N N N N N").bind("id", Binding.same(NO_SUCH)),
                row("POST /protection/concerns/{id}/status", "D N N N N N N N N").bind("id", Binding.same(NO_SUCH))
                        .form("status=CLOSED&revision=0"),
                row("POST /protection/concerns/{id}/release", "D N N N N N N N N").bind("id", Binding.same(NO_SUCH))
                        .form("reason=x"),
                row("GET /api/v1/protection/rules/{code}", "D A A D D D D D D").out("D A D A D D D D D"),
                row("POST /api/v1/protection/rules/{code}", "D A A D D D D D D").out("D A D A D D D D D").json("{}"),
                row("POST /api/v1/protection/children/{childId}/screenings", "D D D D A A A D D").out(NOBODY)
                        .json("{\"items\":[\"rumour\"]}"),
                row("GET /api/v1/protection/concerns", SIGNED_IN),
                row("GET /api/v1/protection/concerns/{id}", "D N N N N N N N N").bind("id", Binding.same(NO_SUCH)),
                row("POST /api/v1/protection/concerns/{id}/status", "D N N N N N N N N").bind("id", Binding.same(NO_SUCH))
                        .json("{\"status\":\"CLOSED\",\"revision\":0}"),
                row("POST /api/v1/protection/concerns/{id}/release", "D N N N N N N N N").bind("id", Binding.same(NO_SUCH))
                        .json("{\"reason\":\"x\"}"),

                // --- district committees (issue 12 §5): the demo's พชอ. เมืองขอนแก่น has officer.khonkaen, health.kk,
                // head.kk and school.kk as members (committee.kk, its secretary, is not a persona): members read it, only
                // the secretary prepares meetings, the secretary or an administrator manages members; everyone else 404.
                row("GET /committees", SIGNED_IN).hides(demoCommittee(), "- A A D D A A A D"),
                row("POST /committees", ADMIN).form("kind=&districtCode=&nameTh="),
                row("GET /committees/{id}", COMMITTEE_MEMBERS).out(NO_COMMITTEE).bind("id", COMMITTEE),
                row("POST /committees/{id}/members", COMMITTEE_MANAGER).out(NO_COMMITTEE).bind("id", COMMITTEE)
                        .form("username=no.such.user&position=MEMBER"),
                row("POST /committees/{id}/meetings", COMMITTEE_SECRETARY).out(NO_COMMITTEE).bind("id", COMMITTEE)
                        .form("heldOn=&place="),
                row("GET /committees/{id}/meetings/{meetingId}", COMMITTEE_MEMBERS).out(NO_COMMITTEE)
                        .bind("id", COMMITTEE).bind("meetingId", MEETING),
                row("POST /committees/{id}/meetings/{meetingId}", COMMITTEE_SECRETARY).out(NO_COMMITTEE)
                        .bind("id", COMMITTEE).bind("meetingId", MEETING).form("op=publish"),
                row("GET /committees/{id}/meetings/{meetingId}/agenda", COMMITTEE_MEMBERS).out(NO_COMMITTEE)
                        .bind("id", COMMITTEE).bind("meetingId", MEETING),
                row("POST /committees/{id}/tasks/{taskId}/done", COMMITTEE_SECRETARY).out(NO_COMMITTEE)
                        .bind("id", COMMITTEE).bind("taskId", TASK).form("note="),
                row("GET /api/v1/committees", SIGNED_IN).hides(demoCommittee(), "- A A D D A A A D"),
                row("POST /api/v1/committees", ADMIN).json("{}"),
                row("GET /api/v1/committees/{id}", COMMITTEE_MEMBERS).out(NO_COMMITTEE).bind("id", COMMITTEE),
                row("POST /api/v1/committees/{id}/members", COMMITTEE_MANAGER).out(NO_COMMITTEE).bind("id", COMMITTEE)
                        .json("{}"),
                // An administrator passes authorization and is told there is no such member (404).
                row("POST /api/v1/committees/{id}/members/{userId}/remove", "D N D N N D D D N").out(NO_COMMITTEE)
                        .bind("id", COMMITTEE).bind("userId", Binding.same(NO_SUCH)),
                row("POST /api/v1/committees/{id}/meetings", COMMITTEE_SECRETARY).out(NO_COMMITTEE).bind("id", COMMITTEE)
                        .json("{}"),
                row("GET /api/v1/committees/{id}/meetings/{meetingId}", COMMITTEE_MEMBERS).out(NO_COMMITTEE)
                        .bind("id", COMMITTEE).bind("meetingId", MEETING),
                row("POST /api/v1/committees/{id}/meetings/{meetingId}/propose", COMMITTEE_SECRETARY).out(NO_COMMITTEE)
                        .bind("id", COMMITTEE).bind("meetingId", MEETING),
                row("POST /api/v1/committees/{id}/meetings/{meetingId}/items", COMMITTEE_SECRETARY).out(NO_COMMITTEE)
                        .bind("id", COMMITTEE).bind("meetingId", MEETING).json("{}"),
                row("POST /api/v1/committees/{id}/meetings/{meetingId}/items/{itemId}/accept", COMMITTEE_SECRETARY)
                        .out(NO_COMMITTEE).bind("id", COMMITTEE).bind("meetingId", MEETING).bind("itemId", Binding.same(NO_SUCH)),
                row("POST /api/v1/committees/{id}/meetings/{meetingId}/items/{itemId}/remove", COMMITTEE_SECRETARY)
                        .out(NO_COMMITTEE).bind("id", COMMITTEE).bind("meetingId", MEETING).bind("itemId", Binding.same(NO_SUCH)),
                row("POST /api/v1/committees/{id}/meetings/{meetingId}/items/{itemId}/move", COMMITTEE_SECRETARY)
                        .out(NO_COMMITTEE).bind("id", COMMITTEE).bind("meetingId", MEETING).bind("itemId", Binding.same(NO_SUCH))
                        .json("{\"up\":true}"),
                row("POST /api/v1/committees/{id}/meetings/{meetingId}/items/{itemId}/minutes", COMMITTEE_SECRETARY)
                        .out(NO_COMMITTEE).bind("id", COMMITTEE).bind("meetingId", MEETING).bind("itemId", Binding.same(NO_SUCH))
                        .json("{}"),
                row("POST /api/v1/committees/{id}/meetings/{meetingId}/items/{itemId}/tasks", COMMITTEE_SECRETARY)
                        .out(NO_COMMITTEE).bind("id", COMMITTEE).bind("meetingId", MEETING).bind("itemId", Binding.same(NO_SUCH))
                        .json("{}"),
                row("POST /api/v1/committees/{id}/meetings/{meetingId}/items/{itemId}/care-plan", COMMITTEE_SECRETARY)
                        .out(NO_COMMITTEE).bind("id", COMMITTEE).bind("meetingId", MEETING).bind("itemId", Binding.same(NO_SUCH))
                        .json("{}"),
                row("POST /api/v1/committees/{id}/meetings/{meetingId}/publish", COMMITTEE_SECRETARY).out(NO_COMMITTEE)
                        .bind("id", COMMITTEE).bind("meetingId", MEETING),
                row("POST /api/v1/committees/{id}/meetings/{meetingId}/close", COMMITTEE_SECRETARY).out(NO_COMMITTEE)
                        .bind("id", COMMITTEE).bind("meetingId", MEETING),
                row("POST /api/v1/committees/{id}/meetings/{meetingId}/minutes", COMMITTEE_SECRETARY).out(NO_COMMITTEE)
                        .bind("id", COMMITTEE).bind("meetingId", MEETING).json("{}"),
                row("GET /api/v1/committees/{id}/tasks", COMMITTEE_MEMBERS).out(NO_COMMITTEE).bind("id", COMMITTEE),
                // No persona is the secretary or from the task's agency (MSDHS): nobody can mark the demo's task done.
                row("POST /api/v1/committees/{id}/tasks/{taskId}/done", COMMITTEE_SECRETARY).out(NO_COMMITTEE)
                        .bind("id", COMMITTEE).bind("taskId", TASK).json("{}"),

                // --- referrals (issue 12): the two units (and the family) see a referral, nobody else learns it exists;
                // steps carry a stale revision (409) or no reason (400), so nothing changes.
                row("GET /referrals", "D D A A A A A A D"),
                row("GET /referrals #of a unit", CHILDREN_OF_KK).out(CHILDREN_OF_CM).query("unit={unitId}"),
                row("GET /referrals/new", READ_MALI).out(READ_CM_CHILD).query("child={childId}"),
                row("POST /referrals", "D D D D A A A A D").form("child=" + MALI),
                row("GET /referrals/reviews", "D D A A D D D D D"),
                row("GET /referrals/committee", "D D A A D D D D D"),
                // issue 12 §4, §7: marking a legal-basis referral reviewed (the fixture needs none: 404 for every
                // officer, refused for the rest); the officers' dashboard of their own area or one inside it.
                row("POST /referrals/{id}/review", "D D N N D D D D D").out("D D N N D D D D D").bind("id", REFERRAL),
                row("GET /referrals/dashboard", "D D A A D D D D D"),
                row("GET /referrals/dashboard #area", "D D A D D D D D D").out("D D D A D D D D D").query("area={code}"),
                row("GET /referrals/dashboard.xlsx", "D D A A D D D D D"),
                row("GET /referrals/dashboard.xlsx #area", "D D A D D D D D D").out("D D D A D D D D D").query("area={code}"),
                row("GET /referrals/{id}", REFERRAL_PARTIES).out(NO_REFERRAL).bind("id", REFERRAL),
                row("POST /referrals/{id}/step", REFERRAL_RECEIVER).out(NO_REFERRAL).bind("id", REFERRAL)
                        .form("action=accept&revision=99"),
                row("POST /api/v1/referrals", "D D D D A A A A D").json("{}"),
                row("GET /api/v1/referrals", CHILDREN_OF_KK).out(CHILDREN_OF_CM).query("unit={unitId}"),
                row("GET /api/v1/referrals/counts", CHILDREN_OF_KK).out(CHILDREN_OF_CM).query("unit={unitId}"),
                row("GET /api/v1/referrals/notifications", SIGNED_IN),
                row("GET /api/v1/referrals/{id}", REFERRAL_PARTIES).out(NO_REFERRAL).bind("id", REFERRAL),
                row("POST /api/v1/referrals/{id}/receive", REFERRAL_RECEIVER).out(NO_REFERRAL).bind("id", REFERRAL)
                        .json("{\"revision\":99}"),
                row("POST /api/v1/referrals/{id}/accept", REFERRAL_RECEIVER).out(NO_REFERRAL).bind("id", REFERRAL)
                        .json("{\"revision\":99}"),
                row("POST /api/v1/referrals/{id}/decline", REFERRAL_RECEIVER).out(NO_REFERRAL).bind("id", REFERRAL)
                        .json("{\"revision\":99}"),
                row("POST /api/v1/referrals/{id}/redirect", REFERRAL_RECEIVER).out(NO_REFERRAL).bind("id", REFERRAL)
                        .json("{\"revision\":99}"),
                row("POST /api/v1/referrals/{id}/appointments", REFERRAL_RECEIVER).out(NO_REFERRAL).bind("id", REFERRAL)
                        .json("{\"revision\":99}"),
                row("POST /api/v1/referrals/{id}/complete", REFERRAL_RECEIVER).out(NO_REFERRAL).bind("id", REFERRAL)
                        .json("{\"revision\":99}"),
                row("POST /api/v1/referrals/{id}/notes", REFERRAL_UNITS).out(NO_REFERRAL).bind("id", REFERRAL).json("{}"),
                row("POST /api/v1/referrals/{id}/close", REFERRAL_UNITS).out(NO_REFERRAL).bind("id", REFERRAL)
                        .json("{\"revision\":99}"),
                // Field visits (issue 11). The OpenRosa server takes HTTP Basic only, on a stateless chain: a browser
                // session reaches none of it (OpenRosaBadInputTest and OpenRosaConformanceTest cover Basic).
                row("GET /openrosa/formList", NOBODY),
                row("GET /openrosa/forms/{formId}/{version}/form.xml", NOBODY)
                        .bind("formId", Binding.same("tonkla_home_visit")).bind("version", Binding.same("2026112801")),
                row("GET /openrosa/forms/{formId}/{version}/manifest", NOBODY)
                        .bind("formId", Binding.same("tonkla_home_visit")).bind("version", Binding.same("2026112801")),
                row("HEAD /openrosa/submission", NOBODY),
                row("POST /openrosa/submission", NOBODY),
                // A visit photo: whoever reads the child for the purpose (มะลิ has none: 404); others refused.
                row("GET /field/children/{childId}/visit-photo", "D D N D N N N D N").out("D D D N D D D D D"),
                row("GET /api/v1/field/campaigns", "D D A A D D D D D"),
                row("POST /api/v1/field/campaigns", "D D A A D D D D D").json("{}"),
                row("POST /api/v1/field/campaigns/{id}/assignments", "D D N N D D D D D").bind("id", Binding.same(NO_SUCH))
                        .json("{}"),
                row("GET /api/v1/field/campaigns/{id}/progress", "D D N N D D D D D").bind("id", Binding.same(NO_SUCH)),
                // Campaign pages (issue 11 §1): provincial and district officers only, each campaign inside their scope.
                row("GET /field/campaigns", "D D A A D D D D D"),
                row("POST /field/campaigns", "D D A A D D D D D").form("name=matrix"),
                row("GET /field/campaigns/{id}", "D D N N D D D D D").bind("id", Binding.same(NO_SUCH)),
                row("POST /field/campaigns/{id}/assignments", "D D N N D D D D D").bind("id", Binding.same(NO_SUCH)).form(""),
                row("GET /field/campaigns/{id}/progress.xlsx", "D D N N D D D D D").bind("id", Binding.same(NO_SUCH)),
                // The offline form: any signed-in user sees it (with their own campaigns, usually none); what a visit may
                // store is decided by the surveyor's assignment, as for ODK Collect (an empty visit answers 400).
                row("GET /field/visit", SIGNED_IN),
                row("POST /field/visits", SIGNED_IN).json("{}"),

                // --- exchange (issue 14): FHIR R4, the change feed, record linkage. FHIR reads a child as the record
                // book does (scope, agreements, purpose care): 403 OperationOutcome outside, 404 for what is not there.
                row("GET /fhir/metadata", SIGNED_IN),
                row("GET /fhir/Patient/{id}", READ_MALI).out(READ_CM_CHILD).bind("id", CHILD),
                row("GET /fhir/Patient", CHILDREN_OF_KK).out(CHILDREN_OF_CM).query("organization=Organization/{unitId}"),
                row("GET /fhir/RelatedPerson", READ_MALI).out(READ_CM_CHILD).query("patient=Patient/{childId}"),
                row("GET /fhir/RelatedPerson/{id}", READ_MALI).out(FHIR_NOTHING).bind("id", new Binding(MALI_MOTHER, NO_SUCH)),
                row("GET /fhir/Observation", READ_MALI).out(READ_CM_CHILD).query("patient=Patient/{childId}"),
                row("GET /fhir/Observation/{id}", FHIR_NOTHING).bind("id", Binding.same(NO_SUCH)),
                row("GET /fhir/Immunization", READ_MALI).out(READ_CM_CHILD).query("patient={childId}"),
                row("GET /fhir/Immunization/{id}", FHIR_NOTHING).bind("id", Binding.same(NO_SUCH)),
                row("GET /fhir/ServiceRequest/{id}", REFERRAL_PARTIES).out(NO_REFERRAL).bind("id", REFERRAL),
                row("GET /fhir/ServiceRequest", READ_MALI).out(READ_CM_CHILD).query("patient=Patient/{childId}"),
                row("GET /fhir/Organization/{id}", SIGNED_IN).bind("id", Binding.same(KK_HEALTH_CENTER)),
                row("GET /fhir/Organization", SIGNED_IN).query("identifier=99001"),
                row("GET /fhir/Location/{id}", SIGNED_IN).bind("id", Binding.same("40")),
                row("GET /fhir/Location", SIGNED_IN),
                row("GET /api/v1/changes", SIGNED_IN).query("limit=5"),
                row("GET /api/v1/linkage/reviews", SIGNED_IN),
                row("GET /api/v1/linkage/merged", SIGNED_IN),
                row("POST /api/v1/linkage/scan", ADMIN).json("{}"),
                row("POST /api/v1/linkage/{id}/merge", FHIR_NOTHING).bind("id", Binding.same(NO_SUCH)).json("{\"revision\":0}"),
                row("POST /api/v1/linkage/{id}/reject", FHIR_NOTHING).bind("id", Binding.same(NO_SUCH)).json("{\"revision\":0}"),
                row("POST /api/v1/linkage/{id}/unmerge", FHIR_NOTHING).bind("id", Binding.same(NO_SUCH))
                        .json("{\"revision\":0,\"reason\":\"x\"}"),
                row("GET /linkage", SIGNED_IN),
                row("POST /linkage/{id}/merge", FHIR_NOTHING).bind("id", Binding.same(NO_SUCH)).form("revision=0"),
                row("POST /linkage/{id}/reject", FHIR_NOTHING).bind("id", Binding.same(NO_SUCH)).form("revision=0"),
                row("POST /linkage/{id}/unmerge", FHIR_NOTHING).bind("id", Binding.same(NO_SUCH)).form("revision=0&reason=x"),

                // --- indicators (issue 15): officers within their area; open data for everyone (counts only)
                row("GET /indicators", MONITOR_40).out(MONITOR_50).query("area={code}"),
                row("GET /indicators/export.xlsx", MONITOR_40).out(MONITOR_50).query("area={code}"),
                row("GET /indicators/budget.xlsx", MONITOR_40).out(MONITOR_50).query("province={code}"),
                row("POST /indicators/unit-costs", ADMIN).form("service=none&cost=1"), // no such service: 400
                row("GET /open-data", EVERYONE),
                row("GET /open-data/{file}.csv", EVERYONE).bind("file", Binding.same("tonkla-child-indicators")),
                row("GET /open-data/{file}.json", EVERYONE).bind("file", Binding.same("tonkla-child-indicators")),
                row("GET /open-data/{file}.xlsx", EVERYONE).bind("file", Binding.same("tonkla-child-indicators")),
                row("GET /open-data/api/3/action/package_show", EVERYONE),
                row("GET /open-data/api/3/action/package_list", EVERYONE),
                // CKAN clients call actions by POST too (no CSRF token: read-only and anonymous).
                row("POST /open-data/api/3/action/package_show", EVERYONE),
                row("POST /open-data/api/3/action/package_list", EVERYONE),
                row("GET /open-data/api/3/action/package_search", EVERYONE),
                row("POST /open-data/api/3/action/package_search", EVERYONE),
                row("GET /open-data/api/3/action/organization_list", EVERYONE),
                row("POST /open-data/api/3/action/organization_list", EVERYONE),
                row("GET /open-data/api/3/action/organization_show", EVERYONE),
                row("POST /open-data/api/3/action/organization_show", EVERYONE),
                row("GET /open-data/api/3/action/{action}", EVERYONE).bind("action", Binding.same("group_list")),
                row("POST /open-data/api/3/action/{action}", EVERYONE).bind("action", Binding.same("group_list")),
                row("GET /open-data/", EVERYONE),
                // The same actions where ckanapi looks for them (no version in the path).
                row("GET /open-data/api/action/package_show", EVERYONE),
                row("POST /open-data/api/action/package_show", EVERYONE),
                row("GET /open-data/api/action/package_list", EVERYONE),
                row("POST /open-data/api/action/package_list", EVERYONE),
                row("GET /open-data/api/action/package_search", EVERYONE),
                row("POST /open-data/api/action/package_search", EVERYONE),
                row("GET /open-data/api/action/organization_list", EVERYONE),
                row("POST /open-data/api/action/organization_list", EVERYONE),
                row("GET /open-data/api/action/organization_show", EVERYONE),
                row("POST /open-data/api/action/organization_show", EVERYONE),
                row("GET /open-data/api/action/{action}", EVERYONE).bind("action", Binding.same("group_list")),
                row("POST /open-data/api/action/{action}", EVERYONE).bind("action", Binding.same("group_list")),
                row("GET /open-data/catalog.jsonld", EVERYONE));
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Accounts accounts;
    @Autowired
    ChildImports childImports;
    @Autowired
    CenterAssessments assessments;

    /** "GET /api/v1/children/{id}" for every method and pattern of every Tonkla controller method. */
    Set<String> routeTable() {
        Set<String> routes = new TreeSet<>();
        handlerMapping.getHandlerMethods().forEach((info, method) -> {
            if (!method.getBeanType().getName().startsWith("org.tonkla.")) return;
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) routes.add("ANY " + AuthorizationMatrix.normalize(pattern));
                for (RequestMethod m : methods) routes.add(m.name() + " " + AuthorizationMatrix.normalize(pattern));
            }
        });
        return routes;
    }

    @Test
    void everyRouteHasARowAndEveryRowARoute() {
        fixtures();
        Set<String> routes = routeTable();
        assertThat(routes).as("the route table was read").hasSizeGreaterThan(20);
        Map<String, Row> rows = AuthorizationMatrix.byKey(matrix());
        Set<String> covered = new TreeSet<>();
        rows.values().forEach(r -> covered.add(r.route));
        List<String> missing = routes.stream().filter(r -> !covered.contains(r)).toList();
        List<String> stale = rows.values().stream().filter(r -> !r.extra && !routes.contains(r.route)).map(r -> r.key).toList();
        StringBuilder problems = new StringBuilder();
        if (!missing.isEmpty()) {
            problems.append("Routes without a row in AuthorizationMatrixTest.matrix() (add one each; letters: anonymous admin "
                    + "officer.khonkaen officer.chiangmai teacher.kk health.kk head.kk school.kk guardian.kk):\n");
            for (String key : missing) problems.append("    row(\"").append(key).append("\", \"? ? ? ? ? ? ? ? ?\"),\n");
        }
        if (!stale.isEmpty()) {
            problems.append("Rows for routes that no longer exist (remove them, or mark .extra() if served outside Spring MVC):\n");
            for (String key : stale) problems.append("    ").append(key).append('\n');
        }
        assertThat(problems.toString()).as("route table vs. authorization matrix").isEmpty();
    }

    @Test
    void everyPersonaGetsWhatTheMatrixSaysInAndOutOfScope() {
        fixtures();
        var run = new AuthorizationMatrix.Run("http://localhost:" + port, DEFAULTS);
        List<String> mismatches = run.check(matrix());
        System.out.println(run.report());
        assertThat(mismatches).as("authorization mismatches (%d), request → expected vs. got", mismatches.size()).isEmpty();
    }

    // --- fixtures (idempotent: the shared context outlives a single test class)

    private static volatile boolean fixturesMade;

    private synchronized void fixtures() {
        if (fixturesMade) return;
        LocalDate today = LocalDate.now();
        LocalDate born = today.minusYears(2).minusMonths(3);
        childImports.importChildren(List.of(
                new ChildImports.ImportedChild(new ChildId(HC_CHILD), "ทดสอบสิทธิ์", "ตารางสิทธิ์", Sex.F, born,
                        nationalId("340019988771"), "400102", "1", null, null, List.of(),
                        List.of(new ChildImports.ImportedEnrolment(KK_HEALTH_CENTER, EnrolmentKind.REGISTERED, null, born, null))),
                new ChildImports.ImportedChild(new ChildId(CM_CHILD), "ทดสอบสิทธิ์", "เชียงใหม่", Sex.M, born,
                        nationalId("350019988772"), "500101", "2", null, null, List.of(),
                        List.of(new ChildImports.ImportedEnrolment(CM_CENTER, EnrolmentKind.ENROLLED, "ห้องทดสอบสิทธิ์",
                                today.minusMonths(6), null)))), "authz-matrix");
        joinRequest(JOIN_HC_CHILD, HC_CHILD, CM_CENTER, "40");
        joinRequest(JOIN_CM_CHILD, CM_CHILD, KK_CENTER, "50");
        assessment(KK_ASSESSMENT, KK_CENTER, "40", "4001");
        assessment(CM_ASSESSMENT, CM_CENTER, "50", "5001");
        referral();
        fixturesMade = true;
    }

    private void referral() {
        jdbc.sql("""
                INSERT INTO referral (id, child_id, province_code, child_name, child_birth_date, need_type, reason, from_unit,
                    to_unit, to_area_code, to_agencies, status, revision, created_by, created_by_name, created_at, updated_at,
                    due_on, legal_basis)
                VALUES (?, ?, '40', 'มะลิ ใจดี', DATE '2023-01-01', 'developmental-delay', 'authz-matrix', ?, ?, '4001',
                    ARRAY['OPS-MOPH','MOPH'], 'CREATED', 0, ?, 'authz-matrix', now(), now(), DATE '2999-01-01', 'HEALTH_SERVICE')
                ON CONFLICT (id) DO NOTHING""")
                .params(KK_REFERRAL, MALI, KK_CENTER, KK_HEALTH_CENTER, UUID.randomUUID()).update();
    }

    private static String nationalId(String first12) {
        return first12 + NationalId.checkDigit(first12);
    }

    private void joinRequest(UUID id, UUID child, UUID unit, String province) {
        jdbc.sql("""
                INSERT INTO join_request (id, child_id, unit_id, kind, details_match, status, requested_by, requested_at,
                  province_code) VALUES (?, ?, ?, 'REGISTERED', FALSE, 'PENDING', 'authz-matrix', ?, ?)
                ON CONFLICT DO NOTHING""")
                .params(id, child, unit, Timestamp.from(Instant.now()), province).update();
    }

    private void assessment(UUID id, UUID unit, String province, String district) {
        jdbc.sql("""
                INSERT INTO center_assessment (id, unit_id, province_code, district_code, agency_code, year_be,
                  catalogue_version, age_groups, status, opened_by, opened_at)
                VALUES (?, ?, ?, ?, 'DLA', ?, ?, 'THREE_TO_SIX', 'DRAFT', 'authz-matrix', ?) ON CONFLICT DO NOTHING""")
                .params(id, unit, province, district, Integer.parseInt(FIXTURE_YEAR), StandardCatalogue.NATIONAL_VERSION,
                        Timestamp.from(Instant.now())).update();
        if (jdbc.sql("SELECT count(*) FROM assessment_evidence WHERE assessment_id = ?").param(id).query(Long.class).single() == 0) {
            var head = new CurrentUser(UUID.randomUUID(), "authz-matrix", "authz-matrix", Role.CENTER_HEAD,
                    new Scope("DLA", OrgUnit.serviceUnit(unit)), "th");
            try {
                assessments.addEvidence(id, null, "1.1.1", "evidence.jpg", TestImages.jpegWithGps(), head);
            } catch (Exception e) {
                throw new IllegalStateException("evidence fixture", e);
            }
        }
    }

    private String demoCommittee() {
        return jdbc.sql("SELECT CAST(id AS text) FROM committee WHERE district_code = '4001' AND kind = 'QUALITY_OF_LIFE'")
                .query(String.class).single();
    }

    private String demoCommitteeRow(String sql) {
        return jdbc.sql(sql).param(demoCommittee()).query(String.class).single();
    }

    private String demoAgreement() {
        return jdbc.sql("SELECT CAST(id AS text) FROM agreement WHERE code = 'MOU-ECD-DEMO'").query(String.class).single();
    }

    private String evidenceOf(UUID assessment) {
        return jdbc.sql("SELECT id FROM assessment_evidence WHERE assessment_id = ? LIMIT 1").param(assessment)
                .query(UUID.class).single().toString();
    }
}
