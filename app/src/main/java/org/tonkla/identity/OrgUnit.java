package org.tonkla.identity;

import java.util.Objects;
import java.util.UUID;

/**
 * A place in Thailand's org-unit tree: the country, an administrative area (DOPA code of 2, 4 or 6
 * digits: province, district/khet, subdistrict/khwaeng) or one service unit.
 */
public sealed interface OrgUnit extends java.io.Serializable {

    static OrgUnit country() {
        return Country.INSTANCE;
    }

    static OrgUnit area(String dopaCode) {
        return new Area(dopaCode);
    }

    static OrgUnit serviceUnit(UUID id) {
        return new ServiceUnit(id);
    }

    enum Country implements OrgUnit { INSTANCE }

    /** An area by DOPA geocode; codes nest, a district's code starts with its province's. */
    record Area(String code) implements OrgUnit {
        public Area {
            Objects.requireNonNull(code, "code");
            if (!code.matches("\\d{2}|\\d{4}|\\d{6}")) {
                throw new IllegalArgumentException("DOPA area code must have 2, 4 or 6 digits: " + code);
            }
        }

        public ScopeLevel level() {
            return switch (code.length()) {
                case 2 -> ScopeLevel.PROVINCE;
                case 4 -> ScopeLevel.DISTRICT;
                default -> ScopeLevel.SUBDISTRICT;
            };
        }
    }

    record ServiceUnit(UUID id) implements OrgUnit {
        public ServiceUnit {
            Objects.requireNonNull(id, "id");
        }
    }
}
