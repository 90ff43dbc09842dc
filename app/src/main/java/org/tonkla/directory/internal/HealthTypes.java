package org.tonkla.directory.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.tonkla.directory.HealthUnitKind;

/**
 * The MOPH facility types and the rules that turn a list's row into a kind and an owner. The type table
 * is data ({@code tonkla.directory.units.type-codes}, by default the shipped
 * {@code reference/health-units/type-codes.csv}); rules that no source verifies are settings:
 * <ul>
 * <li>{@code tonkla.directory.units.default-agency} (MOPH): the owner of a new health unit whose list
 *     names none (the 2015 HDC rows; private clinics and hospitals too, as their licensing ministry);
 * <li>{@code tonkla.directory.units.bma-agency} (BMA-HEALTH): owner of Bangkok's ศูนย์บริการสาธารณสุข N;
 * <li>{@code tonkla.directory.units.affiliations}: registry affiliation labels that name no agency in the
 *     directory, mapped to one (default: องค์กรปกครองส่วนท้องถิ่น → DLA).
 * </ul>
 */
@Component
class HealthTypes {

    private final Map<String, HealthUnitKind> kindByCode = new HashMap<>();
    private final Map<String, String> codeByLabel = new HashMap<>();
    private final String defaultAgency;
    private final String bmaAgency;
    private final Map<String, String> affiliations;

    HealthTypes(@Value("${tonkla.directory.units.type-codes:classpath:reference/health-units/type-codes.csv}") Resource table,
            @Value("${tonkla.directory.units.default-agency:MOPH}") String defaultAgency,
            @Value("${tonkla.directory.units.bma-agency:BMA-HEALTH}") String bmaAgency,
            @Value("#{${tonkla.directory.units.affiliations:{'องค์กรปกครองส่วนท้องถิ่น':'DLA'}}}") Map<String, String> affiliations) {
        this.defaultAgency = defaultAgency;
        this.bmaAgency = bmaAgency;
        this.affiliations = Map.copyOf(affiliations);
        try (var in = table.getInputStream()) {
            for (var row : CsvTable.parse(in.readAllBytes()).rows()) {
                String code = row.get("type_code");
                kindByCode.put(code, HealthUnitKind.valueOf(row.get("kind")));
                if (!row.get("type_name_th").isEmpty()) codeByLabel.putIfAbsent(row.get("type_name_th"), code);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the health-unit type table " + table, e);
        }
    }

    /**
     * The kind of a unit of this type code; Bangkok's ศูนย์บริการสาธารณสุข followed by a number (types 13
     * and 14) are the BMA's health centers. Unknown or blank codes are {@link HealthUnitKind#OTHER}.
     */
    HealthUnitKind kind(String typeCode, String provinceCode, String nameTh) {
        HealthUnitKind kind = typeCode == null ? null : kindByCode.get(typeCode);
        if (("13".equals(typeCode) || "14".equals(typeCode)) && "10".equals(provinceCode)
                && nameTh.matches("ศูนย์บริการสาธารณสุข\\s*\\d+.*")) {
            return HealthUnitKind.BMA_HEALTH_CENTER;
        }
        return kind == null ? HealthUnitKind.OTHER : kind;
    }

    /** The type code whose HDC label is this registry label (ประเภทหน่วยบริการสุขภาพ), or {@code null}. */
    String codeOfLabel(String label) {
        return codeByLabel.get(label);
    }

    /** Whether the table knows this code. */
    boolean knows(String typeCode) {
        return kindByCode.containsKey(typeCode);
    }

    String defaultAgency(HealthUnitKind kind) {
        return kind == HealthUnitKind.BMA_HEALTH_CENTER ? bmaAgency : defaultAgency;
    }

    /** An agency for a registry affiliation label that names none in the directory, or {@code null}. */
    String agencyOfAffiliation(String label) {
        return affiliations.get(label);
    }
}
