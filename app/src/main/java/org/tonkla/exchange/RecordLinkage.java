package org.tonkla.exchange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.exchange.linkage.LinkageWeights;
import org.tonkla.exchange.linkage.LinkageWeights.Facts;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.Role;
import org.tonkla.platform.AuditTrail;
import org.tonkla.platform.Conflict;
import org.tonkla.platform.NotFound;
import org.tonkla.platform.Refused;
import org.tonkla.registry.Child;
import org.tonkla.registry.ChildAccess;
import org.tonkla.registry.ChildId;
import org.tonkla.registry.LinkageCandidates;
import org.tonkla.registry.LinkageCandidates.Candidate;

/**
 * Record linkage across units and agencies (THAI-RULES §8): whether two registry records are one child. By valid
 * national ID always (the registry holds one record per ID, and imports join it); otherwise {@link #scan} weighs
 * the candidates the registry finds by Thai name keys and date of birth ({@link LinkageWeights}, Fellegi–Sunter),
 * merges above the upper threshold and queues the middle band for a person. Merging links the duplicate to the
 * record kept and moves nothing, so {@link #unmerge} restores exactly; every step is in {@code linkage_event} and
 * the audit trail, and two records that both hold a national ID are never merged (the database refuses it).
 */
@Component
public class RecordLinkage {

    /** A pair as the reviewer sees it (both children only to a user who may read both). */
    public record Pair(UUID id, Child kept, Child duplicate, double score, String evidence, String status, int revision,
            Instant createdAt) {}

    /** How a scan ended for one child: pairs merged and pairs queued for review. */
    public record ScanResult(int merged, int queued) {}

    private final JdbcClient jdbc;
    private final LinkageCandidates candidates;
    private final ChildAccess access;
    private final AuditTrail audit;

    private final org.springframework.transaction.support.TransactionTemplate tx;
    private final java.time.Clock clock;

    RecordLinkage(JdbcClient jdbc, LinkageCandidates candidates, ChildAccess access, AuditTrail audit,
            org.springframework.transaction.PlatformTransactionManager transactions, java.time.Clock clock) {
        this.clock = clock;
        this.tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.candidates = candidates;
        this.access = access;
        this.audit = audit;
    }

    /**
     * Compares the child with the registry's similar records and links or queues the likely ones. Pairs a person
     * rejected or unmerged are not proposed again. A system step (imports, the administrators' scan).
     */
    @Transactional
    public ScanResult scan(ChildId child, String actor) {
        Candidate self = candidates.of(child).orElseThrow(() -> new NotFound("child"));
        int merged = 0;
        int queued = 0;
        record Scored(Candidate other, LinkageWeights.Score score) {}
        List<Scored> likely = new java.util.ArrayList<>();
        for (Candidate other : candidates.similarTo(self.child().givenNameTh(), self.child().familyNameTh(),
                self.child().dateOfBirth(), child, 20)) {
            var score = LinkageWeights.compare(facts(self), facts(other), other.keysAgreeing(), other.sameThaiName());
            if (score.total() < LinkageWeights.REVIEW || decidedBefore(child, other.child().id())) continue;
            likely.add(new Scored(other, score));
        }
        // Two or more records above the link threshold: which one is this child is a person's call, so none merges.
        boolean ambiguous = likely.stream().filter(p -> p.score().total() >= LinkageWeights.LINK).count() > 1;
        for (Scored p : likely) {
            Candidate other = p.other();
            var score = p.score();
            // Kept: the record with a national ID, else the one that was there first.
            boolean keepSelf = self.hasNationalId() && !other.hasNationalId();
            Child kept = keepSelf ? self.child() : other.child();
            Child duplicate = keepSelf ? other.child() : self.child();
            boolean link = !ambiguous && score.total() >= LinkageWeights.LINK && !alreadyMerged(duplicate.id());
            UUID id = UUID.randomUUID();
            int added = jdbc.sql("""
                    INSERT INTO linkage_pair (id, child_a, child_b, score, evidence, status, automatic, province_code,
                                              decided_by, decided_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                    .params(id, kept.id().value(), duplicate.id().value(), score.total(), score.describe(),
                            link ? "MERGED" : "REVIEW", link, kept.provinceCode(), link ? actor : null,
                            link ? java.sql.Timestamp.from(clock.instant()) : null)
                    .update();
            if (added == 0) continue;
            event(id, link ? "AUTO_MERGED" : "QUEUED", actor, score.describe());
            if (link) {
                changed(kept, duplicate);
                audit.recordAs(actor, "LINK_MERGE", "child", duplicate.id().toString(), "merged into " + kept.id() + " (automatic)");
                merged++;
            } else {
                queued++;
            }
        }
        return new ScanResult(merged, queued);
    }

    /**
     * Scans every record without a national ID, each in its own transaction: after an import has brought
     * children with their IDs, records other units made without one find them.
     */
    public ScanResult scanUnidentified(String actor) {
        int merged = 0;
        int queued = 0;
        for (ChildId child : candidates.withoutNationalId(100_000)) {
            ScanResult r = tx.execute(status -> scan(child, actor));
            merged += r.merged();
            queued += r.queued();
        }
        return new ScanResult(merged, queued);
    }

    /** Pairs waiting for review whose two children the user may read, newest first; listed in both access logs. */
    @Transactional
    public List<Pair> reviews(CurrentUser user, int limit) {
        return visible(user, "REVIEW", limit);
    }

    /** Merged pairs the user may read both children of, newest first (for unmerging). */
    @Transactional
    public List<Pair> merged(CurrentUser user, int limit) {
        return visible(user, "MERGED", limit);
    }

    /**
     * Merges the pair after review.
     *
     * @throws Conflict when the pair changed since it was shown ({@code revision}) or both records hold a national ID
     */
    @Transactional
    public void merge(UUID pairId, int revision, CurrentUser user) {
        decide(pairId, revision, user, "REVIEW", "MERGED", "MERGED", null);
    }

    @Transactional
    public void reject(UUID pairId, int revision, CurrentUser user) {
        decide(pairId, revision, user, "REVIEW", "REJECTED", "REJECTED", null);
    }

    /** Undoes a merge: both records stand alone again, as they were; the pair is not proposed again. */
    @Transactional
    public void unmerge(UUID pairId, int revision, CurrentUser user, String reason) {
        decide(pairId, revision, user, "MERGED", "UNMERGED", "UNMERGED", reason);
    }

    /** One pair, if the user may read both of its children (not logged: for the caller that shows it to log). */
    public Optional<Pair> pair(UUID id, CurrentUser user) {
        return load(id).filter(p -> mayDecide(user, p));
    }

    /** The records merged with this one: {@code replaces} (this one is kept) or {@code replaced-by}. */
    public List<Link> linksOf(ChildId child) {
        return jdbc.sql("""
                SELECT CASE WHEN child_a = :c THEN child_b ELSE child_a END AS other, child_a = :c AS kept
                  FROM linkage_pair WHERE status = 'MERGED' AND (child_a = :c OR child_b = :c)""")
                .param("c", child.value())
                .query((rs, n) -> new Link(new ChildId(rs.getObject("other", UUID.class)), rs.getBoolean("kept")))
                .list();
    }

    /** Another record of the same child; {@code thisKept}: this record is the one kept. */
    public record Link(ChildId other, boolean thisKept) {}

    private void decide(UUID pairId, int revision, CurrentUser user, String from, String to, String action, String note) {
        Pair pair = load(pairId).filter(p -> mayDecide(user, p)).orElseThrow(() -> new NotFound("linkage pair"));
        if (!user.role().readsChildRecords() || user.role() == Role.GUARDIAN) throw new Refused("This role decides no linkage");
        int changed;
        try {
            changed = jdbc.sql("""
                    UPDATE linkage_pair SET status = ?, revision = revision + 1, decided_by = ?, decided_at = now()
                     WHERE id = ? AND status = ? AND revision = ?""")
                    .params(to, user.username(), pairId, from, revision).update();
        } catch (DataIntegrityViolationException e) {
            throw new Conflict("linkage.neverMerged", "two records with national IDs, or a record already merged elsewhere");
        }
        if (changed == 0) throw new Conflict("error.conflict.changed", "the pair changed since it was shown");
        event(pairId, action, user.username(), note);
        changed(pair.kept(), pair.duplicate());
        audit.record("LINK_" + action, "child", pair.duplicate().id().toString(), action.toLowerCase() + " with " + pair.kept().id());
        access.shown(user, List.of(pair.kept(), pair.duplicate()), "linkage");
    }

    private boolean mayDecide(CurrentUser user, Pair p) {
        return access.mayAccess(user, p.kept().id()) && access.mayAccess(user, p.duplicate().id());
    }

    private List<Pair> visible(CurrentUser user, String status, int limit) {
        if (!user.role().readsChildRecords() || user.role() == Role.GUARDIAN) return List.of();
        List<UUID> ids = jdbc.sql("SELECT id FROM linkage_pair WHERE status = ? ORDER BY created_at DESC, id LIMIT 2000")
                .param(status).query(UUID.class).list();
        List<Pair> out = new ArrayList<>();
        for (UUID id : ids) {
            if (out.size() >= limit) break;
            load(id).filter(p -> mayDecide(user, p)).ifPresent(out::add);
        }
        List<Child> shown = new ArrayList<>();
        out.forEach(p -> { shown.add(p.kept()); shown.add(p.duplicate()); });
        access.shown(user, shown, "linkage");
        return out;
    }

    private Optional<Pair> load(UUID id) {
        return jdbc.sql("SELECT child_a, child_b, score, evidence, status, revision, created_at FROM linkage_pair WHERE id = ?")
                .param(id).query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getDouble(3), rs.getString(4), rs.getString(5), rs.getInt(6), rs.getTimestamp(7).toInstant()})
                .optional().flatMap(r -> {
                    var a = candidates.of(new ChildId((UUID) r[0]));
                    var b = candidates.of(new ChildId((UUID) r[1]));
                    if (a.isEmpty() || b.isEmpty()) return Optional.empty();
                    return Optional.of(new Pair(id, a.get().child(), b.get().child(), (double) r[2], (String) r[3],
                            (String) r[4], (int) r[5], (Instant) r[6]));
                });
    }

    private boolean decidedBefore(ChildId a, ChildId b) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM linkage_pair WHERE status IN ('REJECTED', 'UNMERGED')
                                AND ((child_a = ? AND child_b = ?) OR (child_a = ? AND child_b = ?)))""")
                .params(a.value(), b.value(), b.value(), a.value()).query(Boolean.class).single();
    }

    private boolean alreadyMerged(ChildId duplicate) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM linkage_pair WHERE child_b = ? AND status = 'MERGED')")
                .param(duplicate.value()).query(Boolean.class).single();
    }

    private void event(UUID pair, String action, String actor, String note) {
        jdbc.sql("INSERT INTO linkage_event (id, pair_id, action, actor, note) VALUES (?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), pair, action, actor, note).update();
    }

    /** Both Patients changed for partners (their links): in the change feed, in this transaction. */
    private void changed(Child a, Child b) {
        for (Child c : List.of(a, b)) {
            jdbc.sql("INSERT INTO exchange_change (resource_type, resource_id, child_id, kind) VALUES ('Patient', ?, ?, 'updated')")
                    .params(c.id().toString(), c.id().value()).update();
        }
    }

    private static Facts facts(Candidate c) {
        Child child = c.child();
        return new Facts(child.fullNameTh(), child.sex().name().charAt(0), child.dateOfBirth(), null, c.hasNationalId());
    }
}
