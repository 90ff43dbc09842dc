package org.tonkla.directory.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.directory.Directory;
import org.tonkla.directory.UnitImportPreview;
import org.tonkla.platform.AuditTrail;
import org.tonkla.platform.Conflict;
import org.tonkla.platform.InvalidInput;
import org.tonkla.platform.NotFound;

/**
 * Imports of unit lists: read and check the whole file (any bad row refuses it, nothing changed), compare
 * with the directory, store the preview, and apply it when asked if the directory has not moved on
 * since. Applying the same list again changes nothing.
 */
@Component
public class UnitLists {

    /** An import as the history lists it. */
    public record ImportRecord(UUID id, String fileName, String format, int rows, String summary, String status,
            String createdBy, java.time.Instant createdAt) {}

    private final JdbcClient jdbc;
    private final HealthTypes types;
    private final UnitWriter writer;
    private final Directory directory;
    private final AuditTrail audit;
    private final Clock clock;

    UnitLists(JdbcClient jdbc, HealthTypes types, UnitWriter writer, Directory directory, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.types = types;
        this.writer = writer;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Checks the list and stores what it would change, without changing any unit.
     *
     * @throws InvalidInput naming every bad row and column
     */
    @Transactional
    public UnitImportPreview preview(String fileName, byte[] content, String by) {
        Prepared p = prepare(fileName, content);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO unit_import (id, file_name, format, sha256, row_count, summary, content, status, fingerprint, created_by)
                VALUES (?,?,?,?,?,?,?,'PREVIEWED',?,?)""")
                .params(id, fileName, p.format(), sha256(content), p.rows(), p.preview(id).summary(), content,
                        UnitDiff.fingerprint(p.plan().changes()), by).update();
        return p.preview(id);
    }

    /**
     * Applies a stored preview.
     *
     * @throws Conflict if it was applied already or the directory changed since the preview (preview again)
     */
    @Transactional
    public UnitImportPreview apply(UUID importId, String by) {
        var stored = jdbc.sql("SELECT file_name, content, status, fingerprint FROM unit_import WHERE id = ? FOR UPDATE")
                .param(importId).query((rs, n) -> new Object[] {rs.getString(1), rs.getBytes(2), rs.getString(3), rs.getString(4)})
                .optional().orElseThrow(() -> new NotFound("unit import"));
        if (!"PREVIEWED".equals(stored[2])) throw Conflict.changedMeanwhile("unit import");
        Prepared p = prepare((String) stored[0], (byte[]) stored[1]);
        if (!UnitDiff.fingerprint(p.plan().changes()).equals(stored[3])) throw Conflict.changedMeanwhile("unit import");
        return write(importId, p, by);
    }

    /** Checks and applies a list at once (the command line, the shipped list); returns what it changed. */
    @Transactional
    public UnitImportPreview importNow(String fileName, byte[] content, String by) {
        Prepared p = prepare(fileName, content);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO unit_import (id, file_name, format, sha256, row_count, summary, status, fingerprint, created_by)
                VALUES (?,?,?,?,?,?,'PREVIEWED',?,?)""")
                .params(id, fileName, p.format(), sha256(content), p.rows(), p.preview(id).summary(),
                        UnitDiff.fingerprint(p.plan().changes()), by).update();
        return write(id, p, by);
    }

    /** Checks a list and says what it would change, storing nothing. */
    public UnitImportPreview dryRun(String fileName, byte[] content) {
        return prepare(fileName, content).preview(null);
    }

    public List<ImportRecord> recent(int limit) {
        return jdbc.sql("""
                SELECT id, file_name, format, row_count, summary, status, created_by, created_at FROM unit_import
                 ORDER BY created_at DESC LIMIT ?""").param(limit)
                .query((rs, n) -> new ImportRecord(rs.getObject("id", UUID.class), rs.getString("file_name"),
                        rs.getString("format"), rs.getInt("row_count"), rs.getString("summary"), rs.getString("status"),
                        rs.getString("created_by"), rs.getTimestamp("created_at").toInstant())).list();
    }

    /**
     * Applies a list unless one of this name was applied before; an advisory lock keeps two nodes
     * starting together from loading it twice. Returns whether it was applied now.
     */
    @Transactional
    public boolean importOnce(String fileName, byte[] content, String by) {
        jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?)) l").param(LOCK).query(Integer.class).single();
        boolean done = jdbc.sql("SELECT count(*) FROM unit_import WHERE file_name = ? AND status = 'APPLIED'")
                .param(fileName).query(Long.class).single() > 0;
        if (done) return false;
        importNow(fileName, content, by);
        return true;
    }

    private static final long LOCK = 0x75_6e_69_74_6c_69_73L; // arbitrary, constant across nodes

    private record Prepared(String fileName, String format, int rows, UnitDiff.Plan plan) {
        UnitImportPreview preview(UUID id) {
            return new UnitImportPreview(id, fileName, format, rows, plan.changes());
        }
    }

    private Prepared prepare(String fileName, byte[] content) {
        var areas = new HashSet<>(jdbc.sql("SELECT code FROM area").query(String.class).list());
        Map<String, String> agencies = new HashMap<>();
        for (var a : directory.agencies()) agencies.put(a.nameTh(), a.code());
        var read = new UnitFiles(types, areas, agencies).read(content, fileName);
        if (!read.errors().isEmpty()) throw new InvalidInput(read.errors());
        LocalDate today = LocalDate.now(clock);
        var plan = UnitDiff.plan(read.units(), UnitDiff.existing(jdbc, today));
        return new Prepared(fileName, read.format(), read.units().size(), plan);
    }

    private UnitImportPreview write(UUID importId, Prepared p, String by) {
        writer.write(importId, p.plan(), by);
        UnitImportPreview preview = p.preview(importId);
        jdbc.sql("UPDATE unit_import SET status = 'APPLIED', applied_at = now(), summary = ? WHERE id = ?")
                .params(preview.summary(), importId).update();
        directory.forgetPlacements();
        audit.record("IMPORT", "unit_import", importId.toString(), p.fileName() + ": " + preview.summary());
        return preview;
    }

    private static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
