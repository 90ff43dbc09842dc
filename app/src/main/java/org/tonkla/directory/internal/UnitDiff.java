package org.tonkla.directory.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.directory.HealthUnitKind;
import org.tonkla.directory.ServiceUnitType;
import org.tonkla.directory.UnitImportPreview.Change;
import org.tonkla.directory.UnitImportPreview.ChangeKind;
import org.tonkla.directory.UnitStatus;

/**
 * Compares a list with the directory. What a list does not say (no status, no affiliation, no type) is
 * not a change; a place the list knows less precisely than the directory (a district where the
 * directory has its subdistrict) is not a move; a unit missing from the list is left alone.
 */
final class UnitDiff {

    /** A unit as the directory holds it, with its owner today. */
    record Existing(UUID id, ServiceUnitType type, String typeCode, HealthUnitKind kind, String nameTh, String agency,
            String province, String district, String subdistrict, String sourceArea, UnitStatus status) {

        String areaCode() {
            return subdistrict != null ? subdistrict : district != null ? district : province;
        }
    }

    /** A unit the list changes, and how. */
    record Update(Existing existing, IncomingUnit incoming, Set<ChangeKind> kinds) {}

    record Plan(List<Change> changes, List<IncomingUnit> added, List<Update> updates) {}

    private UnitDiff() {}

    static Map<String, Existing> existing(JdbcClient jdbc, java.time.LocalDate today) {
        Map<String, Existing> byKey = new HashMap<>();
        jdbc.sql("""
                SELECT id, type, health_type_code, health_kind, name_th, province_code, district_code, subdistrict_code,
                       source_area_code, status, hospcode, school_code, center_code,
                       coalesce((SELECT o.agency_code FROM service_unit_owner o WHERE o.unit_id = u.id AND o.since <= :today
                                  ORDER BY o.since DESC LIMIT 1), agency_code) AS agency
                  FROM service_unit u""").param("today", today).query((rs, n) -> {
            var e = new Existing(rs.getObject("id", UUID.class), ServiceUnitType.valueOf(rs.getString("type")),
                    rs.getString("health_type_code"),
                    rs.getString("health_kind") == null ? null : HealthUnitKind.valueOf(rs.getString("health_kind")),
                    rs.getString("name_th"), rs.getString("agency"), rs.getString("province_code"),
                    rs.getString("district_code"), rs.getString("subdistrict_code"), rs.getString("source_area_code"),
                    UnitStatus.valueOf(rs.getString("status")));
            if (rs.getString("hospcode") != null) byKey.put("H:" + rs.getString("hospcode"), e);
            if (rs.getString("school_code") != null) byKey.put("S:" + rs.getString("school_code"), e);
            if (rs.getString("center_code") != null) byKey.put("C:" + rs.getString("center_code"), e);
            if (e.subdistrict() != null) byKey.putIfAbsent("N:" + e.type() + "|" + e.subdistrict() + "|" + e.nameTh(), e);
            return e;
        }).list();
        return byKey;
    }

    static Plan plan(List<IncomingUnit> incoming, Map<String, Existing> existing) {
        List<Change> changes = new ArrayList<>();
        List<IncomingUnit> added = new ArrayList<>();
        List<Update> updates = new ArrayList<>();
        for (IncomingUnit u : incoming) {
            String code = code(u);
            Existing e = existing.get(u.key());
            if (e == null) {
                added.add(u);
                changes.add(new Change(ChangeKind.ADDED, u.row(), code, u.nameTh(), null, place(u.areaCode(), u.sourceAreaCode())));
                continue;
            }
            Set<ChangeKind> kinds = EnumSet.noneOf(ChangeKind.class);
            if (!e.nameTh().equals(u.nameTh())) {
                kinds.add(ChangeKind.RENAMED);
                changes.add(new Change(ChangeKind.RENAMED, u.row(), code, u.nameTh(), e.nameTh(), u.nameTh()));
            }
            boolean retyped = u.kind() == null ? e.type() != u.type()
                    : u.typeCode() != null && (!u.typeCode().equals(e.typeCode()) || u.kind() != e.kind());
            if (retyped) {
                kinds.add(ChangeKind.RETYPED);
                changes.add(new Change(ChangeKind.RETYPED, u.row(), code, u.nameTh(), typeOf(e.type(), e.kind(), e.typeCode()),
                        typeOf(u.type(), u.kind(), u.typeCode())));
            }
            if (moved(e, u)) {
                kinds.add(ChangeKind.MOVED);
                changes.add(new Change(ChangeKind.MOVED, u.row(), code, u.nameTh(), place(e.areaCode(), e.sourceArea()),
                        place(u.areaCode(), u.sourceAreaCode())));
            }
            if (u.status() != null && u.status() != e.status()) {
                ChangeKind k = u.status() == UnitStatus.CLOSED ? ChangeKind.CLOSED : ChangeKind.REOPENED;
                kinds.add(k);
                changes.add(new Change(k, u.row(), code, u.nameTh(), e.status().name(),
                        u.closedOn() == null ? u.status().name() : u.status().name() + " " + u.closedOn()));
            }
            if (u.agencyCode() != null && !u.agencyCode().equals(e.agency())) {
                kinds.add(ChangeKind.OWNER);
                changes.add(new Change(ChangeKind.OWNER, u.row(), code, u.nameTh(), e.agency(), u.agencyCode()));
            }
            if (!kinds.isEmpty()) updates.add(new Update(e, u, kinds));
        }
        return new Plan(changes, added, updates);
    }

    /** A move, unless the list only knows the place less precisely than the directory (blank is not a move). */
    private static boolean moved(Existing e, IncomingUnit u) {
        if (Objects.equals(e.areaCode(), u.areaCode()) && Objects.equals(e.sourceArea(), u.sourceAreaCode())) return false;
        boolean coarser = u.sourceAreaCode() == null && e.areaCode().startsWith(u.areaCode())
                && e.areaCode().length() > u.areaCode().length();
        return !coarser;
    }

    static String code(IncomingUnit u) {
        return u.hospcode() != null ? u.hospcode() : u.schoolCode() != null ? u.schoolCode() : u.centerCode();
    }

    private static String place(String area, String sourceArea) {
        return sourceArea == null ? area : area + " (" + sourceArea + "?)";
    }

    private static String typeOf(ServiceUnitType type, HealthUnitKind kind, String typeCode) {
        return kind == null ? type.name() : kind.name() + (typeCode == null ? "" : " " + typeCode);
    }

    /** A stable digest of the changes, so an apply can tell whether the directory moved on since its preview. */
    static String fingerprint(List<Change> changes) {
        try {
            var md = java.security.MessageDigest.getInstance("SHA-256");
            for (Change c : changes) md.update((c + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
