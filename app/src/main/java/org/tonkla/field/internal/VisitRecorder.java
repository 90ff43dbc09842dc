package org.tonkla.field.internal;

import java.sql.Date;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.tonkla.field.Campaign;
import org.tonkla.field.Campaigns;
import org.tonkla.identity.CurrentUser;
import org.tonkla.platform.DomainProblem;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a complete submission into a household visit and its children. The visit is written once (unique by
 * submission), then each child in its own transaction ({@link ChildRecorder}): a child the registry's duplicate guard
 * or validation stops (similar children, a bad name, an implausible measurement) is kept on the visit for review with
 * the reason, and the rest of the visit stands. Without the guardian's consent only what a state task allows is kept:
 * the child's identity and growth; household members, income, status items, photos and GPS are dropped here even if
 * a client sent them.
 */
@Component
public class VisitRecorder {

    private static final Logger log = LoggerFactory.getLogger(VisitRecorder.class);

    private final JdbcClient jdbc;
    private final Campaigns campaigns;
    private final ChildRecorder children;
    private final JsonMapper json;
    private final VisitDays days;
    private final TransactionTemplate ownTransaction;
    private final SubmissionRedaction redaction;
    private final LateAttachments late;

    VisitRecorder(JdbcClient jdbc, Campaigns campaigns, ChildRecorder children, JsonMapper json, VisitDays days,
            PlatformTransactionManager transactions, SubmissionRedaction redaction, LateAttachments late) {
        this.redaction = redaction;
        this.late = late;
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.children = children;
        this.json = json;
        this.days = days;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Processes the submission if it is complete and not processed yet; a second call does nothing. */
    public void process(UUID submissionId, CurrentUser user) {
        process(submissionId, null, user);
    }

    /** Like {@link #process(UUID, CurrentUser)}, with the submission's form already read from its XML (null: read it). */
    public void process(UUID submissionId, VisitForm parsed, CurrentUser user) {
        var sub = jdbc.sql("SELECT campaign_id, CASE WHEN ? THEN xml END, received_at FROM field_submission WHERE id = ?"
                        + " AND complete AND processed_at IS NULL")
                .params(parsed == null, submissionId).query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getTimestamp(3).toInstant()})
                .optional();
        if (sub.isEmpty()) { // processed already: a file sent after the visit goes where it would have gone
            if (parsed != null) late.apply(submissionId, parsed, user);
            return;
        }
        VisitForm form = parsed != null ? parsed
                : VisitFormReader.read(((String) sub.get()[1]).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Campaign campaign = campaigns.find((UUID) sub.get()[0]).orElseThrow();
        // Decided from the first part's receipt, as the intake decided when it accepted the visit for this campaign.
        VisitTime time = days.of(form, campaign, (Instant) sub.get()[2]);
        Map<String, String[]> attachments = StoredAttachments.of(jdbc, submissionId);
        boolean household = form.consent() != null && form.consent().allows("household") && form.household() != null;
        Double perMember = household ? incomePerMember(form.household().members()) : null;
        UUID visitId = ownTransaction.execute(s -> insertVisit(submissionId, form, campaign, time, attachments, household, perMember,
                user));
        if (visitId == null) return; // processed meanwhile by a concurrent re-send
        int position = 0;
        if ("visited".equals(form.outcome())) {
            for (VisitForm.ChildEntry c : form.children()) {
                int pos = position++;
                try {
                    var result = children.record(visitId, pos, form, c, campaign, time.day(), attachments, perMember,
                            user);
                    photo(result, form, c, attachments, user);
                } catch (DomainProblem e) {
                    String reason = e instanceof org.tonkla.registry.DuplicateCandidates
                            ? "similar children already registered: check before registering" : e.getMessage();
                    review(visitId, pos, c, campaign, reason);
                } catch (RuntimeException e) {
                    // Anything else (a constraint of another module's table): the visit and the other children stand.
                    log.warn("Home-visit child {} could not be recorded", pos, e);
                    review(visitId, pos, c, campaign, "could not be recorded: " + e.getClass().getSimpleName());
                }
            }
        }
        jdbc.sql("UPDATE field_submission SET processed_at = now() WHERE id = ?").param(submissionId).update();
        redaction.keepOnlyConsented(submissionId, form.consent());
    }

    private void photo(ChildRecorder.Result result, VisitForm form, VisitForm.ChildEntry c, Map<String, String[]> attachments,
            CurrentUser user) {
        try {
            children.photo(result, form, c, attachments, user);
        } catch (RuntimeException e) { // the child is recorded; its photo stays on the visit for a later try
            log.warn("Home-visit child photo could not be set: {}", e.getClass().getSimpleName());
        }
    }

    private void review(UUID visitId, int position, VisitForm.ChildEntry c, Campaign campaign, String reason) {
        log.info("Home-visit child {} kept for review: {}", position, reason); // no name or identifier in logs
        ownTransaction.executeWithoutResult(s -> jdbc.sql("""
                INSERT INTO field_visit_child (id, visit_id, position, match, review_reason, identifier_type, province_code)
                VALUES (?,?,?,'REVIEW',?,?,?)""")
                .params(UUID.randomUUID(), visitId, position, reason == null ? "refused" : reason, ChildRecorder.idType(c),
                        campaign.provinceCode())
                .update());
    }

    /** The average income per member per month, as the EEF defines it, computed here rather than trusted from the form. */
    static Double incomePerMember(List<VisitForm.Member> members) {
        if (members.isEmpty()) return null;
        double total = members.stream().mapToDouble(m -> m.income() == null ? 0 : m.income()).sum();
        return total / members.size();
    }

    private UUID insertVisit(UUID submissionId, VisitForm form, Campaign campaign, VisitTime time, Map<String, String[]> files,
            boolean household, Double perMember, CurrentUser user) {
        var consent = form.consent();
        boolean given = consent != null && consent.given();
        var h = household ? form.household() : null;
        boolean photos = h != null && consent.allows("photos");
        UUID id = UUID.randomUUID();
        int rows = jdbc.sql("""
                INSERT INTO field_visit (id, submission_id, campaign_id, surveyor_id, visited_on, subdistrict_code, province_code,
                  village, house_no, outcome, consent_given, consent_by, consent_relation, consent_on, consent_purposes,
                  member_count, income_total, income_per_member, members, household_status, photo_outside, photo_inside,
                  photo_child_sign, latitude, longitude, gps_accuracy_m, visited_at, visit_time_problem)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?::jsonb,?::jsonb,?,?,?,?,?,?,?,?)
                ON CONFLICT (submission_id) DO NOTHING""")
                .params(id, submissionId, campaign.id(), user.id(), Date.valueOf(time.day()), form.subdistrict(),
                        campaign.provinceCode(), form.village(), form.houseNo(), outcome(form.outcome()),
                        consent == null ? null : given, given ? consent.byName() : null, given ? consent.relation() : null,
                        given && consent.on() != null ? Date.valueOf(consent.on()) : null,
                        given ? consent.purposes().toArray(String[]::new) : new String[0],
                        h == null ? null : h.members().size(),
                        h == null ? null : h.members().stream().mapToDouble(m -> m.income() == null ? 0 : m.income()).sum(),
                        perMember, h == null ? null : json.writeValueAsString(h.members()),
                        h == null ? null : json.writeValueAsString(h.status()),
                        photos ? StoredAttachments.sha(files, h.photoOutside()) : null,
                        photos ? StoredAttachments.sha(files, h.photoInside()) : null,
                        photos ? StoredAttachments.sha(files, h.photoChildSign()) : null, h == null ? null : h.latitude(),
                        h == null ? null : h.longitude(), h == null ? null : h.accuracy(),
                        time.statedAt() == null ? null : java.sql.Timestamp.from(time.statedAt()),
                        time.problem() == null ? null : time.problem().name())
                .update();
        return rows == 1 ? id : null;
    }


    private static String outcome(String value) {
        return switch (value) {
            case "visited" -> "VISITED";
            case "not_found" -> "NOT_FOUND";
            case "refused" -> "REFUSED";
            case "moved" -> "MOVED";
            default -> throw new OpenRosaProblem(400, "ผลการเยี่ยมไม่ถูกต้อง (visit/outcome)");
        };
    }
}
