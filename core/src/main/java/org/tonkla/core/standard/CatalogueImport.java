package org.tonkla.core.standard;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of reading a catalogue: accepted as a whole, or rejected with every error found.
 *
 * @see CatalogueReader
 */
public sealed interface CatalogueImport permits CatalogueImport.Accepted, CatalogueImport.Rejected {

    /** Every row was valid. */
    record Accepted(StandardCatalogue catalogue) implements CatalogueImport {
        public Accepted {
            Objects.requireNonNull(catalogue, "catalogue");
        }
    }

    /** At least one row was invalid; nothing is imported. */
    record Rejected(List<ImportError> errors) implements CatalogueImport {
        public Rejected {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) throw new IllegalArgumentException("a rejection needs at least one error");
        }
    }
}
