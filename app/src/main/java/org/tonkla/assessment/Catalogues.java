package org.tonkla.assessment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.assessment.internal.Workbooks;
import org.tonkla.core.standard.CatalogueImport;
import org.tonkla.core.standard.CatalogueReader;
import org.tonkla.core.standard.CsvRows;
import org.tonkla.core.standard.ImportError;
import org.tonkla.core.standard.StandardCatalogue;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.Role;
import org.tonkla.platform.AuditTrail;

/**
 * The versions of the standard's catalogue. An administrator imports a full or revised catalogue
 * from a CSV or Excel sheet; a sheet with any invalid cell is refused whole, naming every row and
 * column, and nothing changes. Versions are immutable, so each assessment keeps the version it used.
 */
@Component
public class Catalogues {

    /** What became of an import: the new version, or every error found. */
    public sealed interface ImportOutcome {
        record Imported(String version, int items) implements ImportOutcome {}

        record Refused(List<ImportError> errors) implements ImportOutcome {}
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;
    // Versions never change once stored, so every node may keep what it has read.
    private final Map<String, StandardCatalogue> cache = new ConcurrentHashMap<>();

    Catalogues(JdbcClient jdbc, Clock clock, AuditTrail audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    /** The version new assessments use. */
    public StandardCatalogue active() {
        String version = jdbc.sql("SELECT version FROM assessment_catalogue WHERE active").query(String.class)
                .optional().orElseThrow(() -> new IllegalStateException("No active catalogue"));
        return version(version);
    }

    /** A stored version. */
    public StandardCatalogue version(String version) {
        return cache.computeIfAbsent(version, v -> {
            String csv = jdbc.sql("SELECT rows_csv FROM assessment_catalogue WHERE version = ?").param(v)
                    .query(String.class).optional()
                    .orElseThrow(() -> new org.tonkla.platform.NotFound("catalogue version " + v));
            return switch (CatalogueReader.read(new StringReader(csv))) {
                case CatalogueImport.Accepted a -> a.catalogue();
                case CatalogueImport.Rejected r -> throw new IllegalStateException("Stored catalogue " + v + " is invalid: " + r.errors());
            };
        });
    }

    public List<CatalogueVersion> versions() {
        return jdbc.sql("""
                SELECT c.version, c.source_name, c.item_count, c.active, c.imported_by, c.imported_at,
                       (SELECT count(*) FROM center_assessment a WHERE a.catalogue_version = c.version) AS used
                  FROM assessment_catalogue c ORDER BY c.imported_at DESC""")
                .query((rs, i) -> new CatalogueVersion(rs.getString("version"), rs.getString("source_name"),
                        rs.getInt("item_count"), rs.getBoolean("active"), rs.getString("imported_by"),
                        rs.getTimestamp("imported_at").toInstant(), rs.getLong("used")))
                .list();
    }

    /**
     * Imports a sheet: {@code .xlsx} (the first worksheet) or CSV (UTF-8), header in row 1 with the
     * columns of {@link CatalogueReader}. A version tag already stored is refused, since versions are
     * immutable.
     *
     * @param activate whether new assessments use it from now on
     */
    @Transactional
    public ImportOutcome importSheet(String fileName, byte[] content, boolean activate, CurrentUser user) {
        requireAdministrator(user);
        List<List<String>> rows;
        try {
            rows = isExcel(fileName, content) ? Workbooks.firstSheetRows(new ByteArrayInputStream(content))
                    : CsvRows.parse(new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return new ImportOutcome.Refused(List.of(new ImportError(1, "", "", "a CSV (UTF-8) or Excel .xlsx file")));
        }
        return switch (CatalogueReader.fromRows(rows)) {
            case CatalogueImport.Rejected r -> new ImportOutcome.Refused(r.errors());
            case CatalogueImport.Accepted a -> store(a.catalogue(), rows, fileName, activate, user.username());
        };
    }

    /** Makes {@code version} the one new assessments use. */
    @Transactional
    public void activate(String version, CurrentUser user) {
        requireAdministrator(user);
        version(version);
        jdbc.sql("UPDATE assessment_catalogue SET active = FALSE WHERE active").update();
        jdbc.sql("UPDATE assessment_catalogue SET active = TRUE WHERE version = ?").param(version).update();
        audit.record("ACTIVATE", "assessment_catalogue", version, "new assessments use " + version);
    }

    /**
     * Stores the shipped versions that are not stored yet (any node may run it). The first time the
     * 75-item default arrives it becomes the active version, unless an administrator has made a
     * version of their own active: a database that used the partial shipped version moves on to the
     * full one, and assessments already opened keep the version they were opened with.
     */
    @Transactional
    public void storeShipped() {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('assessment_catalogue shipped'))").query(Object.class).optional();
        String active = jdbc.sql("SELECT version FROM assessment_catalogue WHERE active").query(String.class).optional().orElse(null);
        boolean partialInserted = insertShipped(StandardCatalogue.PARTIAL_VERSION);
        boolean nationalInserted = insertShipped(StandardCatalogue.NATIONAL_VERSION);
        boolean activateNational = nationalInserted && (active == null || active.equals(StandardCatalogue.PARTIAL_VERSION));
        if (activateNational || (active == null && !nationalInserted && !partialInserted)) {
            jdbc.sql("UPDATE assessment_catalogue SET active = FALSE WHERE active").update();
            jdbc.sql("UPDATE assessment_catalogue SET active = TRUE WHERE version = ?").param(StandardCatalogue.NATIONAL_VERSION).update();
            audit.recordAs("system", "ACTIVATE", "assessment_catalogue", StandardCatalogue.NATIONAL_VERSION,
                    "the shipped default: new assessments use it");
        }
    }

    private boolean insertShipped(String version) {
        StandardCatalogue shipped = StandardCatalogue.shipped(version);
        int inserted = jdbc.sql("""
                INSERT INTO assessment_catalogue (version, source_name, rows_csv, item_count, active, imported_by, imported_at)
                VALUES (?, ?, ?, ?, FALSE, 'system', ?) ON CONFLICT (version) DO NOTHING""")
                .params(version, StandardCatalogue.SHIPPED.get(version), StandardCatalogue.shippedCsv(version),
                        shipped.items().size(), Timestamp.from(Instant.now(clock)))
                .update();
        if (inserted > 0) audit.recordAs("system", "IMPORT", "assessment_catalogue", version, "shipped catalogue");
        return inserted > 0;
    }

    private ImportOutcome store(StandardCatalogue catalogue, List<List<String>> rows, String fileName, boolean activate,
            String username) {
        boolean exists = jdbc.sql("SELECT count(*) FROM assessment_catalogue WHERE version = ?")
                .param(catalogue.version()).query(Long.class).single() > 0;
        if (exists) {
            return new ImportOutcome.Refused(List.of(new ImportError(2, "version", catalogue.version(),
                    "a version tag not used before (stored versions never change)")));
        }
        if (activate) jdbc.sql("UPDATE assessment_catalogue SET active = FALSE WHERE active").update();
        jdbc.sql("""
                INSERT INTO assessment_catalogue (version, source_name, rows_csv, item_count, active, imported_by, imported_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(catalogue.version(), fileName == null ? "" : fileName, CsvRows.format(rows),
                        catalogue.items().size(), activate, username, Timestamp.from(Instant.now(clock)))
                .update();
        audit.record("IMPORT", "assessment_catalogue", catalogue.version(),
                catalogue.items().size() + " items from " + fileName + (activate ? ", active" : ""));
        return new ImportOutcome.Imported(catalogue.version(), catalogue.items().size());
    }

    private static boolean isExcel(String fileName, byte[] content) {
        // An .xlsx is a zip: "PK" first, whatever the name says.
        boolean zip = content.length > 1 && content[0] == 'P' && content[1] == 'K';
        return zip || (fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx"));
    }

    private static void requireAdministrator(CurrentUser user) {
        if (!user.is(Role.ADMINISTRATOR)) {
            throw new org.tonkla.platform.Refused("Only administrators import catalogues");
        }
    }
}
