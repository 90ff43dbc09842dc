package org.tonkla.field;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.directory.AreaLevel;
import org.tonkla.directory.Directory;
import org.tonkla.identity.Accounts;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;
import org.tonkla.identity.ScopeCheck;
import org.tonkla.platform.InvalidInput;
import org.tonkla.platform.NotFound;
import org.tonkla.platform.Refused;
import org.tonkla.platform.Validation;

/**
 * Opening campaigns and assigning surveyors. A provincial or district officer (or a committee of the area) opens a
 * campaign over districts or subdistricts inside their scope; surveyors are assigned to subdistricts of the campaign's
 * area or to children. A surveyor's submissions are accepted only inside their assignments while the campaign is open.
 */
@Component
public class Campaigns {

    /** What an officer gives to open a campaign. */
    public record NewCampaign(String name, List<String> areaCodes, LocalDate startsOn, LocalDate endsOn,
            UUID registeringUnitId) {}

    /** Surveyor {@code surveyorId} to these subdistricts and/or children of the campaign. */
    public record Assignment(UUID surveyorId, List<String> subdistrictCodes, List<UUID> childIds) {}

    private final JdbcClient jdbc;
    private final ScopeCheck scopes;
    private final Directory directory;
    private final Accounts accounts;
    private final Clock clock;

    Campaigns(JdbcClient jdbc, ScopeCheck scopes, Directory directory, Accounts accounts, Clock clock) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.directory = directory;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * Opens a campaign with the current home-visit form.
     *
     * @throws Refused when the user is not an officer or committee member, or an area or the unit is outside their scope
     * @throws InvalidInput naming each bad field
     */
    @Transactional
    public UUID create(NewCampaign cmd, CurrentUser user) {
        requireOrganiser(user);
        List<String> codes = cmd.areaCodes() == null ? List.of() : cmd.areaCodes().stream().map(String::strip).distinct().toList();
        var v = new Validation().requiredText("name", cmd.name(), 200)
                .check(!codes.isEmpty(), "areaCodes", "at least one district (4 digits) or subdistrict (6 digits)")
                .check(cmd.startsOn() != null, "startsOn", "a date")
                .check(cmd.endsOn() != null && (cmd.startsOn() == null || !cmd.endsOn().isBefore(cmd.startsOn())),
                        "endsOn", "a date on or after startsOn");
        for (String code : codes) {
            boolean known = directory.area(code).filter(a -> a.level() == AreaLevel.DISTRICT || a.level() == AreaLevel.SUBDISTRICT)
                    .isPresent();
            v.check(known, "areaCodes", "district or subdistrict codes (DOPA)");
        }
        v.check(codes.stream().map(c -> c.length() >= 2 ? c.substring(0, 2) : c).distinct().count() <= 1, "areaCodes",
                "areas of one province");
        var unit = cmd.registeringUnitId() == null ? null : directory.serviceUnit(cmd.registeringUnitId()).orElse(null);
        v.check(unit != null, "registeringUnitId", "the service unit where children found are registered");
        v.throwIfInvalid();
        for (String code : codes) {
            if (!scopes.mayActOn(user, OrgUnit.area(code))) throw new Refused("Area outside the user's scope");
        }
        if (!scopes.mayActOn(user, OrgUnit.serviceUnit(unit.id()))) throw new Refused("Unit outside the user's scope");
        if (codes.stream().noneMatch(c -> unit.subdistrictCode() != null && unit.subdistrictCode().startsWith(c))) {
            throw new InvalidInput("registeringUnitId", "a unit inside the campaign's area");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO field_campaign (id, name, province_code, starts_on, ends_on, form_id, form_version,
                  registering_unit_id, created_by) VALUES (?,?,?,?,?,?,?,?,?)""")
                .params(id, cmd.name().strip(), codes.getFirst().substring(0, 2), Date.valueOf(cmd.startsOn()),
                        Date.valueOf(cmd.endsOn()), FieldForms.HOME_VISIT, FieldForms.HOME_VISIT_VERSION, unit.id(),
                        user.username())
                .update();
        for (String code : codes) {
            jdbc.sql("INSERT INTO field_campaign_area (campaign_id, area_code) VALUES (?,?)").params(id, code).update();
        }
        return id;
    }

    /**
     * Assigns a surveyor (an account with the surveyor role) to subdistricts of the campaign's area and to children.
     * An assignment already made is kept once.
     */
    @Transactional
    public void assign(UUID campaignId, Assignment a, CurrentUser user) {
        // The same test as the campaign's pages: an officer assigns in a campaign whose whole area is theirs.
        Campaign campaign = inScope(campaignId, user);
        var surveyor = a.surveyorId() == null ? null : accounts.find(a.surveyorId()).orElse(null);
        List<String> subdistricts = a.subdistrictCodes() == null ? List.of() : a.subdistrictCodes();
        List<UUID> children = a.childIds() == null ? List.of() : a.childIds();
        var v = new Validation().check(surveyor != null && surveyor.role() == Role.SURVEYOR, "surveyorId", "an account with the surveyor role")
                .check(!subdistricts.isEmpty() || !children.isEmpty(), "subdistrictCodes", "subdistricts or children");
        for (String s : subdistricts) {
            v.check(s != null && s.matches("\\d{6}") && campaign.covers(s), "subdistrictCodes", "subdistricts of the campaign's area");
        }
        for (UUID child : children) { // a child to visit must live in the campaign's area (its household's subdistrict)
            String home = jdbc.sql("""
                    SELECT h.subdistrict_code FROM child ch JOIN household h ON h.id = ch.household_id WHERE ch.id = ?""")
                    .param(child).query(String.class).optional().orElse(null);
            v.check(home != null && campaign.covers(home), "childIds", "children living in the campaign's area");
        }
        v.throwIfInvalid();
        for (String s : subdistricts) insertAssignment(campaignId, a.surveyorId(), s, null);
        for (UUID child : children) insertAssignment(campaignId, a.surveyorId(), null, child);
    }

    private void insertAssignment(UUID campaign, UUID surveyor, String subdistrict, UUID child) {
        jdbc.sql("""
                INSERT INTO field_assignment (id, campaign_id, surveyor_id, subdistrict_code, child_id) VALUES (?,?,?,?,?)
                ON CONFLICT DO NOTHING""").params(UUID.randomUUID(), campaign, surveyor, subdistrict, child).update();
    }

    /** The campaigns in which the user is assigned and which are open today. */
    public List<Campaign> openFor(CurrentUser surveyor) {
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql(SELECT + """
                 WHERE c.starts_on <= :today AND c.ends_on >= :today
                   AND EXISTS (SELECT 1 FROM field_assignment a WHERE a.campaign_id = c.id AND a.surveyor_id = :user)
                 GROUP BY c.id ORDER BY c.starts_on, c.name""")
                .param("today", Date.valueOf(today)).param("user", surveyor.id()).query(Campaigns::campaign).list();
    }

    /**
     * The campaigns of this form that may receive the surveyor's visit of a household in {@code subdistrictCode}
     * today: assigned to that subdistrict, or assigned children in a campaign whose area covers it; started, and not
     * ended more than {@code lateDays} ago (a visit made before the end may arrive later: the caller checks the day it
     * was made). Any version of the form Tonkla serves is accepted (the intake has checked that it does): a phone may
     * still carry the previous version when a campaign starts with a new one, or the reverse.
     */
    public List<Campaign> receivingFor(CurrentUser surveyor, String formId, String subdistrictCode, int lateDays) {
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql(SELECT + """
                 WHERE c.starts_on <= :today AND c.ends_on >= :earliestEnd AND c.form_id = :form
                   AND EXISTS (SELECT 1 FROM field_assignment a WHERE a.campaign_id = c.id AND a.surveyor_id = :user
                                 AND (a.subdistrict_code = :subdistrict OR a.child_id IN (SELECT ch.id FROM child ch
                                        JOIN household h ON h.id = ch.household_id WHERE h.subdistrict_code = :subdistrict)))
                 GROUP BY c.id ORDER BY c.starts_on, c.name""")
                .param("today", Date.valueOf(today)).param("earliestEnd", Date.valueOf(today.minusDays(lateDays)))
                .param("form", formId).param("user", surveyor.id()).param("subdistrict", subdistrictCode)
                .query(Campaigns::campaign).list()
                .stream().filter(c -> c.covers(subdistrictCode)).toList();
    }

    /** The campaigns of the officer's scope, newest first. */
    public List<Campaign> list(CurrentUser user) {
        requireOrganiser(user);
        return jdbc.sql(SELECT + " GROUP BY c.id ORDER BY c.starts_on DESC, c.name").query(Campaigns::campaign).list()
                .stream().filter(c -> c.areaCodes().stream().allMatch(code -> scopes.mayActOn(user, OrgUnit.area(code))))
                .toList();
    }

    /**
     * One campaign of the officer's scope, read alone (not by listing them all).
     *
     * @throws NotFound when there is no such campaign in the officer's scope (refused for other roles)
     */
    public Campaign inScope(UUID id, CurrentUser user) {
        requireOrganiser(user);
        return find(id).filter(c -> c.areaCodes().stream().allMatch(code -> scopes.mayActOn(user, OrgUnit.area(code))))
                .orElseThrow(() -> new NotFound("campaign"));
    }

    public Optional<Campaign> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE c.id = ? GROUP BY c.id").param(id).query(Campaigns::campaign).optional();
    }

    private static void requireOrganiser(CurrentUser user) {
        if (user.role() != Role.PROVINCIAL_OFFICER && user.role() != Role.COMMITTEE_MEMBER) {
            throw new Refused("Only provincial or district officers open campaigns");
        }
    }

    private static final String SELECT = """
            SELECT c.id, c.name, c.province_code, c.starts_on, c.ends_on, c.form_id, c.form_version, c.registering_unit_id,
                   array_agg(a.area_code ORDER BY a.area_code) AS areas
              FROM field_campaign c JOIN field_campaign_area a ON a.campaign_id = c.id
            """;

    private static Campaign campaign(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Campaign(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("province_code"),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class), rs.getString("form_id"),
                rs.getString("form_version"), rs.getObject("registering_unit_id", UUID.class),
                Arrays.asList((String[]) rs.getArray("areas").getArray()));
    }
}
