package org.tonkla.registry;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.directory.AreaLevel;
import org.tonkla.directory.Directory;
import org.tonkla.directory.ServiceUnit;
import org.tonkla.identity.CurrentUser;
import org.tonkla.platform.AuditTrail;
import org.tonkla.platform.Conflict;
import org.tonkla.platform.InvalidInput;
import org.tonkla.platform.PersonalDataCipher;
import org.tonkla.platform.Validation;
import org.tonkla.registry.internal.ChildRows;
import org.tonkla.registry.internal.Identifiers;
import org.tonkla.registry.internal.LookupQuota;
import org.tonkla.registry.internal.NameKeys;

/**
 * Registering a child at a unit. A new child is created and enrolled there. An identifier that is
 * already registered never opens the child: unless the child is already at this unit, it becomes a
 * join request that the child's current unit or guardian decides ({@link JoinRequests}), and the
 * answer is the same whether or not the date of birth and sex given match the record.
 */
@Component
public class Registration {

    /** What registering answered. */
    public sealed interface Outcome permits Created, AlreadyHere, JoinRequested {}

    /** A new child, enrolled at the unit. */
    public record Created(ChildId child) implements Outcome {}

    /** The identifier is a child already enrolled or registered at this unit. */
    public record AlreadyHere(ChildId child) implements Outcome {}

    /** The identifier is registered elsewhere: the child's unit has been asked (no child id is given). */
    public record JoinRequested(UUID request) implements Outcome {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ChildAccess access;
    private final Directory directory;
    private final PersonalDataCipher cipher;
    private final AuditTrail audit;
    private final LookupQuota quota;
    private final JoinRequests joins;

    Registration(JdbcClient jdbc, Clock clock, ChildAccess access, Directory directory, PersonalDataCipher cipher,
            AuditTrail audit, LookupQuota quota, JoinRequests joins) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.access = access;
        this.directory = directory;
        this.cipher = cipher;
        this.audit = audit;
        this.quota = quota;
        this.joins = joins;
    }

    /**
     * Registers a child at {@code cmd.unitId()}.
     *
     * @throws DuplicateCandidates when similar children the user may see exist and {@link NewChild#confirmedNew} is false
     * @throws InvalidInput naming each bad field
     * @throws org.tonkla.platform.Refused when the user does not record children at that unit
     * @throws Conflict when the same identifier was registered at the same moment by someone else
     */
    @Transactional
    public Outcome register(NewChild cmd, CurrentUser user) {
        ServiceUnit unit = cmd.unitId() == null ? null : directory.serviceUnit(cmd.unitId()).orElse(null);
        if (unit == null) throw new InvalidInput("unitId", "the service unit that registers the child");
        access.requireRecorderAt(user, unit.id());
        if (!unit.acceptsNewRecords()) throw new InvalidInput("unitId", "a service unit that is open (this one is closed)");
        LocalDate today = LocalDate.now(clock);
        validate(cmd, today);
        var identifier = Identifiers.parse(cmd.nationalId(), cmd.gCode(), cmd.noIdentifierReason());
        if (!(identifier instanceof Identifiers.None)) {
            quota.spend(user);
            Optional<ChildId> existing = existing(identifier);
            if (existing.isPresent()) return joinExisting(existing.get(), unit, cmd, user);
        }
        if (!cmd.confirmedNew()) {
            var visible = similarChildren(cmd).stream().filter(c -> access.mayAccess(user, c.id())).toList();
            if (!visible.isEmpty()) {
                access.shown(user, visible, "duplicate-check");
                throw new DuplicateCandidates(visible);
            }
        }
        return new Created(create(cmd, identifier, unit, user, today));
    }

    private void validate(NewChild cmd, LocalDate today) {
        var v = new Validation()
                .requiredText("givenNameTh", cmd.givenNameTh(), 100)
                .requiredText("familyNameTh", cmd.familyNameTh(), 100)
                .optionalText("givenNameEn", cmd.givenNameEn(), 100)
                .optionalText("familyNameEn", cmd.familyNameEn(), 100)
                .check(cmd.sex() != null, "sex", "M or F")
                .date("dateOfBirth", cmd.dateOfBirth(), null, today)
                .optionalText("className", cmd.className(), 100)
                .optionalText("houseNo", cmd.houseNo(), 100)
                .check(cmd.nationality() == null || cmd.nationality().isBlank() || cmd.nationality().matches("[A-Z]{3}"),
                        "nationality", "an ISO 3166 alpha-3 code such as THA")
                .number("latitude", cmd.latitude(), -90, 90, "degrees")
                .number("longitude", cmd.longitude(), -180, 180, "degrees")
                .check((cmd.latitude() == null) == (cmd.longitude() == null), "latitude",
                        "latitude and longitude, both or neither");
        if (cmd.enrolledOn() != null) v.date("enrolledOn", cmd.enrolledOn(), cmd.dateOfBirth(), today);
        v.throwIfInvalid();
    }

    private Optional<ChildId> existing(Identifiers.Parsed identifier) {
        return switch (identifier) {
            case Identifiers.National n -> jdbc.sql("SELECT id FROM child WHERE national_id_hash = ?")
                    .param(cipher.lookupHash(n.digits())).query(UUID.class).optional().map(ChildId::new);
            case Identifiers.GCodeNumber g -> jdbc.sql("SELECT id FROM child WHERE g_code = ?")
                    .param(g.code()).query(UUID.class).optional().map(ChildId::new);
            case Identifiers.None none -> Optional.empty();
        };
    }

    private Outcome joinExisting(ChildId child, ServiceUnit unit, NewChild cmd, CurrentUser user) {
        var row = access.file(child).orElseThrow();
        if (row.unitsOn(LocalDate.now(clock)).contains(unit.id()) && access.mayAccess(user, child)) {
            return new AlreadyHere(child);
        }
        boolean matches = row.child().dateOfBirth().equals(cmd.dateOfBirth()) && row.child().sex() == cmd.sex();
        EnrolmentKind kind = cmd.enrolmentKind() == null ? EnrolmentKind.ENROLLED : cmd.enrolmentKind();
        String typed = cmd.givenNameTh().strip() + " " + cmd.familyNameTh().strip();
        return new JoinRequested(joins.request(row.child(), unit.id(), kind, cmd.className(), matches, typed, user));
    }

    /** Children whose Thai name sounds alike (any of the three Thai name keys) or reads alike, born the same day. */
    private List<Child> similarChildren(NewChild cmd) {
        var keys = NameKeys.of(cmd.givenNameTh(), cmd.familyNameTh());
        return jdbc.sql("SELECT " + ChildRows.COLUMNS + """
                 FROM child c
                WHERE c.date_of_birth = :dob
                  AND (c.name_key_lk82 = :lk82 OR c.name_key_udom83 = :udom83 OR c.name_key_metasound = :meta
                       OR similarity(c.given_name_th || ' ' || c.family_name_th, :name) > 0.5)
                LIMIT 20""")
                .param("dob", Date.valueOf(cmd.dateOfBirth())).param("lk82", keys.lk82()).param("udom83", keys.udom83())
                .param("meta", keys.metaSound()).param("name", cmd.givenNameTh().strip() + " " + cmd.familyNameTh().strip())
                .query(ChildRows::child).list();
    }

    private ChildId create(NewChild cmd, Identifiers.Parsed identifier, ServiceUnit unit, CurrentUser user, LocalDate today) {
        // A unit's own subdistrict stands in for an unknown home; some health units are known only to their district.
        String given = ChildRows.blank(cmd.subdistrictCode()) ? unit.subdistrictCode() : cmd.subdistrictCode().strip();
        String subdistrict = given == null ? "" : given;
        if (!subdistrict.matches("\\d{6}")
                || directory.area(subdistrict).filter(a -> a.level() == AreaLevel.SUBDISTRICT).isEmpty()) {
            throw new InvalidInput("subdistrictCode", "a DOPA subdistrict code of 6 digits");
        }
        String province = subdistrict.substring(0, 2);
        UUID householdId = UUID.randomUUID();
        jdbc.sql("INSERT INTO household (id, subdistrict_code, province_code, house_no, latitude, longitude) VALUES (?,?,?,?,?,?)")
                .params(householdId, subdistrict, province, ChildRows.emptyToNull(cmd.houseNo()), cmd.latitude(),
                        cmd.longitude())
                .update();
        var id = new ChildId(UUID.randomUUID());
        var keys = NameKeys.of(cmd.givenNameTh(), cmd.familyNameTh());
        try {
            jdbc.sql("""
                    INSERT INTO child (id, given_name_th, family_name_th, given_name_en, family_name_en, sex, date_of_birth,
                      nationality, identifier_type, national_id_hash, national_id_cipher, national_id_last4, g_code,
                      no_identifier_reason, household_id, province_code, name_key_lk82, name_key_udom83, name_key_metasound,
                      created_by)
                    VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""")
                    .params(id.value(), cmd.givenNameTh().strip(), cmd.familyNameTh().strip(),
                            ChildRows.emptyToNull(cmd.givenNameEn()), ChildRows.emptyToNull(cmd.familyNameEn()),
                            cmd.sex().name(), Date.valueOf(cmd.dateOfBirth()),
                            ChildRows.blank(cmd.nationality()) ? "THA" : cmd.nationality(), identifier.type().name(),
                            identifier instanceof Identifiers.National n ? cipher.lookupHash(n.digits()) : null,
                            identifier instanceof Identifiers.National n ? cipher.encrypt(n.digits()) : null,
                            identifier instanceof Identifiers.National n ? n.digits().substring(9) : null,
                            identifier instanceof Identifiers.GCodeNumber g ? g.code() : null,
                            identifier instanceof Identifiers.None none ? none.reason() : null,
                            householdId, province, keys.lk82(), keys.udom83(), keys.metaSound(), user.username())
                    .update();
        } catch (DuplicateKeyException e) {
            // The same identifier registered by someone else a moment ago; the key's value is not logged.
            throw new Conflict("registry.error.registeredMeanwhile",
                    "A child with this identifier was registered at the same moment; send the registration again");
        }
        EnrolmentKind kind = cmd.enrolmentKind() == null ? EnrolmentKind.ENROLLED : cmd.enrolmentKind();
        jdbc.sql("""
                INSERT INTO enrolment (id, child_id, unit_id, kind, class_name, started_on, province_code, created_by)
                VALUES (?,?,?,?,?,?,?,?)""")
                .params(UUID.randomUUID(), id.value(), unit.id(), kind.name(), ChildRows.emptyToNull(cmd.className()),
                        Date.valueOf(cmd.enrolledOn() == null ? today : cmd.enrolledOn()), province, user.username())
                .update();
        access.logWrite(user, id, province, "registration", null);
        audit.record("CREATE", "child", id.toString(), "registered at unit " + unit.id());
        return id;
    }
}
