package org.tonkla.directory;

import java.util.List;
import java.util.UUID;

/**
 * What an uploaded list of units would change, before anything is changed: units added, renamed,
 * re-typed, moved, closed, reopened or given another owner, each with its row, code, old and new value.
 * A list that changes nothing (applied before) has no changes.
 *
 * @param importId the stored preview, applied with {@link UnitImports#apply}
 * @param format {@code REGISTRY} (MOPH health_office.csv), {@code SHIPPED} (Tonkla's list) or
 *     {@code SERVICE_UNITS} (the centers and schools template)
 */
public record UnitImportPreview(UUID importId, String fileName, String format, int rows, List<Change> changes) {

    public enum ChangeKind {
        ADDED, RENAMED, RETYPED, MOVED, CLOSED, REOPENED, OWNER;

        public String messageKey() {
            return "unitImport.change." + name();
        }
    }

    /** One change; {@code code} is the HOSPCODE or official code, {@code oldValue} is null for an added unit. */
    public record Change(ChangeKind kind, int row, String code, String nameTh, String oldValue, String newValue) {}

    public UnitImportPreview {
        changes = List.copyOf(changes);
    }

    public long count(ChangeKind kind) {
        return changes.stream().filter(c -> c.kind() == kind).count();
    }

    /** {@code added=1 renamed=0 …}, for logs, the command line and the import history. */
    public String summary() {
        var sb = new StringBuilder();
        for (ChangeKind k : ChangeKind.values()) sb.append(sb.isEmpty() ? "" : " ").append(k.name().toLowerCase()).append('=').append(count(k));
        return sb.toString();
    }
}
