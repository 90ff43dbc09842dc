package org.tonkla.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.OrgUnitDirectory;
import org.tonkla.identity.OrgUnitDirectory.Choice;
import org.tonkla.identity.Placement;
import org.tonkla.platform.AuditTrail;

/**
 * Areas, agencies and service units. Lists of areas and units are public directory information
 * (names, types, official codes); anything about a unit's children goes through the scope check.
 */
@Component
public class Directory implements OrgUnitDirectory {

    private static final String UNIT_COLUMNS = """
            id, type, name_th, name_en, agency_code, subdistrict_code, province_code, latitude, longitude,
            hospcode, school_code, district_code, status, closed_on, health_kind""";
    /** The columns, with the owner as of {@code :today}: an owner change dated later takes effect on its date. */
    private static final String UNIT_SELECT = """
            SELECT id, type, name_th, name_en, coalesce((SELECT o.agency_code FROM service_unit_owner o
                     WHERE o.unit_id = service_unit.id AND o.since <= :today ORDER BY o.since DESC LIMIT 1),
                   agency_code) AS agency_code, subdistrict_code, province_code, latitude, longitude,
                   hospcode, school_code, district_code, status, closed_on, health_kind
              FROM service_unit
            """;

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final java.time.Clock clock;

    Directory(JdbcClient jdbc, AuditTrail audit, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    // --- areas

    public List<Area> areasAtLevel(AreaLevel level) {
        return jdbc.sql("SELECT code, name_th, name_en, level, parent_code FROM area WHERE level = ? ORDER BY code")
                .param(level.name()).query(Directory::area).list();
    }

    /** The areas directly below {@code parentCode}: a province's districts, a district's subdistricts. */
    public List<Area> childrenOf(String parentCode) {
        return jdbc.sql("SELECT code, name_th, name_en, level, parent_code FROM area WHERE parent_code = ? ORDER BY code")
                .param(parentCode).query(Directory::area).list();
    }

    public Optional<Area> area(String code) {
        return jdbc.sql("SELECT code, name_th, name_en, level, parent_code FROM area WHERE code = ?")
                .param(code).query(Directory::area).optional();
    }

    /** The area and all areas above it, province first. */
    public List<Area> lineage(String code) {
        List<Area> result = new ArrayList<>();
        for (int len = 2; len <= code.length(); len += 2) {
            area(code.substring(0, len)).ifPresent(result::add);
        }
        return result;
    }

    // --- agencies

    public List<Agency> agencies() {
        return jdbc.sql("SELECT code, parent_code, kind, name_th, name_en, mou_party FROM agency ORDER BY parent_code NULLS FIRST, code")
                .query(Directory::agency).list();
    }

    public Optional<Agency> agency(String code) {
        return jdbc.sql("SELECT code, parent_code, kind, name_th, name_en, mou_party FROM agency WHERE code = ?")
                .param(code).query(Directory::agency).optional();
    }

    /** Adds an agency (e.g. a department the reference list lacks). */
    @Transactional
    public void addAgency(Agency agency) {
        jdbc.sql("INSERT INTO agency (code, parent_code, kind, name_th, name_en, mou_party) VALUES (?,?,?,?,?,?)")
                .params(agency.code(), agency.parentCode(), agency.kind(), agency.nameTh(), agency.nameEn(), agency.mouParty())
                .update();
        lineages.invalidateAll();
        audit.record("CREATE", "agency", agency.code(), agency.nameEn());
    }

    /**
     * The agency and every agency above it, e.g. DLA then MOI. Asked on every read of a child's record; kept for a
     * minute like {@link #placementOf}'s placements (agencies are reference data, added seldom and never moved).
     */
    public List<String> agencyLineage(String code) {
        return lineages.get(code, this::readAgencyLineage);
    }

    private final com.github.benmanes.caffeine.cache.Cache<String, List<String>> lineages =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(10_000)
                    .expireAfterWrite(java.time.Duration.ofMinutes(1)).build();

    private List<String> readAgencyLineage(String code) {
        return jdbc.sql("""
                WITH RECURSIVE up(code, parent_code) AS (
                  SELECT code, parent_code FROM agency WHERE code = ?
                  UNION ALL SELECT a.code, a.parent_code FROM agency a JOIN up ON a.code = up.parent_code)
                SELECT code FROM up""").param(code).query(String.class).list().stream().toList();
    }

    // --- service units

    public Optional<ServiceUnit> serviceUnit(UUID id) {
        return jdbc.sql(UNIT_SELECT + "WHERE id = :id").param("id", id).param("today", today())
                .query(Directory::unit).optional();
    }

    /** The unit with this HOSPCODE, closed or not. */
    public Optional<ServiceUnit> serviceUnitByHospcode(String hospcode) {
        return jdbc.sql(UNIT_SELECT + "WHERE hospcode = :code").param("code", hospcode).param("today", today())
                .query(Directory::unit).optional();
    }

    /**
     * Units inside an area (any level, by code prefix; units known only to a coarser area are listed
     * under it), optionally of one type, active ones first, by name.
     */
    public List<ServiceUnit> serviceUnitsIn(String areaCode, ServiceUnitType type, int limit) {
        return jdbc.sql(UNIT_SELECT + """
                WHERE area_code LIKE :prefix AND (CAST(:type AS text) IS NULL OR type = :type)
                ORDER BY status, name_th LIMIT :limit""")
                .param("prefix", (areaCode == null ? "" : areaCode) + "%")
                .param("type", type == null ? null : type.name())
                .param("limit", limit).param("today", today())
                .query(Directory::unit).list();
    }

    /** Units whose name resembles {@code text} or whose HOSPCODE or school code is it; see the four-argument form. */
    public List<ServiceUnit> searchServiceUnits(String text, int limit) {
        return searchServiceUnits(text, null, null, limit);
    }

    /**
     * Units whose Thai or English name resembles {@code text} (trigram, with or without Thai tone and
     * other above-line marks), or whose HOSPCODE, 9-character code or school code is it, optionally
     * inside an area and of one type. An exact code comes first, then active units, then the closest names.
     */
    public List<ServiceUnit> searchServiceUnits(String text, String areaCode, ServiceUnitType type, int limit) {
        String q = text == null ? "" : text.trim();
        if (q.isEmpty()) return List.of();
        // A HOSPCODE typed without its leading zeros (4250 for 04250) is still that unit.
        if (q.matches("\\d{1,4}")) q = "0".repeat(5 - q.length()) + q;
        return jdbc.sql(UNIT_SELECT + """
                , (SELECT directory_plain(CAST(:q AS text)) AS p) query
                WHERE (hospcode = :q OR school_code = :q OR hospcode9 = upper(:q) OR center_code = :q
                       OR strpos(name_plain, query.p) > 0 OR name_plain % query.p)
                  AND area_code LIKE :prefix AND (CAST(:type AS text) IS NULL OR type = :type)
                ORDER BY (hospcode = :q OR school_code = :q OR hospcode9 = upper(:q)) DESC NULLS LAST, status,
                         similarity(name_plain, query.p) DESC, name_th
                LIMIT :limit""")
                .param("q", q).param("limit", limit).param("today", today())
                .param("prefix", (areaCode == null ? "" : areaCode) + "%")
                .param("type", type == null ? null : type.name())
                .query(Directory::unit).list();
    }

    /** Registers a service unit and returns its id. */
    @Transactional
    public UUID addServiceUnit(ServiceUnit unit) {
        UUID id = unit.id() != null ? unit.id() : UUID.randomUUID();
        jdbc.sql("INSERT INTO service_unit (" + UNIT_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(id, unit.type().name(), unit.nameTh(), unit.nameEn(), unit.agencyCode(), unit.subdistrictCode(),
                        unit.provinceCode() != null ? unit.provinceCode() : unit.subdistrictCode().substring(0, 2),
                        unit.latitude(), unit.longitude(), unit.hospcode(), unit.schoolCode(), unit.districtCode(),
                        unit.status().name(), unit.closedOn(), unit.healthKind() == null ? null : unit.healthKind().name())
                .update();
        placements.invalidate(id);
        audit.record("CREATE", "service_unit", id.toString(), unit.type() + " " + unit.nameTh());
        return id;
    }

    // --- the org-unit questions identity asks

    /**
     * Where an org unit sits, for the scope check that every read of a child passes. Placements are
     * kept for a minute: areas never change and a unit's affiliation seldom does, and a second node
     * sees a change within that minute.
     */
    @Override
    public Optional<Placement> placementOf(OrgUnit unit) {
        return switch (unit) {
            case OrgUnit.Country c -> Optional.of(Placement.country());
            case OrgUnit.Area a -> placements.get(a.code(),
                    key -> area(a.code()).map(found -> Placement.ofArea(found.code())));
            case OrgUnit.ServiceUnit s -> placements.get(s.id(), key -> serviceUnit(s.id()).map(u ->
                    new Placement(u.areaCode(), u.id(), agencyLineage(u.agencyCode()))));
        };
    }

    private final com.github.benmanes.caffeine.cache.Cache<Object, Optional<Placement>> placements =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(200_000)
                    .expireAfterWrite(java.time.Duration.ofMinutes(1)).build();

    /** Forgets cached placements after units changed owner or place (an import, an owner change). */
    public void forgetPlacements() {
        placements.invalidateAll();
        lineages.invalidateAll();
    }

    private java.time.LocalDate today() {
        return java.time.LocalDate.now(clock);
    }

    @Override
    public String describe(OrgUnit unit, Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        return switch (unit) {
            case OrgUnit.Country c -> en ? "Thailand" : "ประเทศไทย";
            case OrgUnit.Area a -> lineage(a.code()).stream().map(x -> x.name(locale))
                    .reduce((outer, inner) -> inner + ", " + outer).orElse(a.code());
            case OrgUnit.ServiceUnit s -> serviceUnit(s.id()).map(u -> u.name(locale)).orElse(s.id().toString());
        };
    }

    @Override
    public boolean isAgency(String code) {
        return agency(code).isPresent();
    }

    @Override
    public List<Choice> agencyChoices() {
        return agencies().stream().map(a -> new Choice(a.code(), a.nameTh(), a.nameEn())).toList();
    }

    @Override
    public List<Choice> areaChoices(String parentCode) {
        var areas = parentCode == null || parentCode.isEmpty() ? areasAtLevel(AreaLevel.PROVINCE) : childrenOf(parentCode);
        return areas.stream().map(a -> new Choice(a.code(), a.nameTh(), a.nameEn())).toList();
    }

    private static Area area(ResultSet rs, int row) throws SQLException {
        return new Area(rs.getString("code"), rs.getString("name_th"), rs.getString("name_en"),
                AreaLevel.valueOf(rs.getString("level")), rs.getString("parent_code"));
    }

    private static Agency agency(ResultSet rs, int row) throws SQLException {
        return new Agency(rs.getString("code"), rs.getString("parent_code"), rs.getString("kind"),
                rs.getString("name_th"), rs.getString("name_en"), rs.getBoolean("mou_party"));
    }

    private static ServiceUnit unit(ResultSet rs, int row) throws SQLException {
        return new ServiceUnit(rs.getObject("id", UUID.class), ServiceUnitType.valueOf(rs.getString("type")),
                rs.getString("name_th"), rs.getString("name_en"), rs.getString("agency_code"),
                rs.getString("subdistrict_code"), rs.getString("province_code"),
                (Double) rs.getObject("latitude"), (Double) rs.getObject("longitude"),
                rs.getString("hospcode"), rs.getString("school_code"), rs.getString("district_code"),
                UnitStatus.valueOf(rs.getString("status")), rs.getObject("closed_on", java.time.LocalDate.class),
                rs.getString("health_kind") == null ? null : HealthUnitKind.valueOf(rs.getString("health_kind")));
    }
}
