package org.tonkla.exchange;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.tonkla.exchange.internal.TemplateFiles;
import org.tonkla.exchange.internal.TemplateLoader;
import org.tonkla.identity.CurrentUser;

/**
 * The Excel and CSV templates of centers and schools (issue 14 §5): the empty files to download, and a
 * filled-in one loaded into the user's own unit. Each row goes the way a row typed on the page goes
 * (registration with its checks and duplicate guard, the roster's measurement with its limits), in its
 * own transaction: good rows stay, every other row is reported by row, column and what was expected.
 * Loading the same file again adds nothing.
 */
@Component
public class TemplateImports {

    /** What is wrong with one row: the spreadsheet row number, the column key ({@code file} for the whole file). */
    public record Problem(int row, String column, String expected) {}

    /**
     * What a load did: rows read; added (new children, enrolments or measurements); already there (the same
     * child at the unit, the same measurement); asked to join (a child registered at another unit: that unit
     * decides); and the rows that were not loaded.
     */
    public record Report(TemplateKind kind, int rows, int added, int alreadyThere, int joinRequested, List<Problem> problems) {

        /** Rows with at least one problem: the count the page shows next to the rows read (a row may have several). */
        public int rowsWithProblems() {
            return (int) problems.stream().map(Problem::row).distinct().count();
        }
    }

    private final TemplateLoader loader;

    TemplateImports(TemplateLoader loader) {
        this.loader = loader;
    }

    /** The empty template as an Excel workbook: Thai headers, the key row, column formats. */
    public byte[] workbook(TemplateKind kind) {
        return TemplateFiles.workbook(kind);
    }

    /** The empty template as CSV (UTF-8 with a byte-order mark, so Excel shows the Thai headers). */
    public byte[] csv(TemplateKind kind) {
        return TemplateFiles.csv(kind);
    }

    /**
     * Loads a filled-in template into {@code unitId}.
     *
     * @throws org.tonkla.platform.Refused when the user does not record children at that unit
     * @throws org.tonkla.platform.InvalidInput named {@code file} when the file is no template of this kind
     */
    public Report load(TemplateKind kind, byte[] content, UUID unitId, CurrentUser user) {
        return loader.load(kind, content, unitId, user);
    }
}
