package org.tonkla.registry.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tonkla.registry.Child;
import org.tonkla.registry.ChildId;
import org.tonkla.registry.Enrolment;
import org.tonkla.registry.EnrolmentKind;
import org.tonkla.registry.Guardian;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a child with what the access rule needs (enrolments, home, guardians' accounts) in one
 * query. Only {@link org.tonkla.registry.ChildAccess} calls it: nothing read here leaves the registry
 * before the rule has been applied.
 */
@Component
public class ChildFiles {

    /**
     * A child's file as stored, before any access check.
     *
     * @param sentFrom units that transferred the child away and await the receiving unit's acknowledgement
     */
    public record FileRow(Child child, String homeSubdistrict, List<Guardian> guardians, Set<UUID> guardianUsers,
            List<Enrolment> enrolments, byte[] sealedNationalId, Set<UUID> sentFrom) {

        /** Units where the child is enrolled or registered on {@code day}. */
        public List<UUID> unitsOn(LocalDate day) {
            return enrolments.stream().filter(e -> e.activeOn(day)).map(Enrolment::unitId).toList();
        }

        /**
         * Units whose staff may read the child's record on {@code day}: those serving the child, and a unit that
         * sent the child on while the transfer is not yet acknowledged (it may still undo it, so it must see whom).
         */
        public List<UUID> readersOn(LocalDate day) {
            var units = new java.util.ArrayList<>(unitsOn(day));
            sentFrom.stream().filter(u -> !units.contains(u)).forEach(units::add);
            return units;
        }
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ChildFiles(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<FileRow> load(ChildId id) {
        return jdbc.sql("SELECT " + ChildRows.COLUMNS + """
                , c.national_id_cipher, h.subdistrict_code AS home_subdistrict,
                  (SELECT coalesce(json_agg(json_build_object('id', e.id, 'unitId', e.unit_id, 'kind', e.kind,
                          'className', e.class_name, 'startedOn', e.started_on, 'endedOn', e.ended_on,
                          'endReason', e.end_reason) ORDER BY e.started_on, e.created_at), '[]')
                     FROM enrolment e WHERE e.child_id = c.id) AS enrolments,
                  (SELECT coalesce(json_agg(json_build_object('id', g.id, 'givenNameTh', g.given_name_th,
                          'familyNameTh', g.family_name_th, 'relationship', cg.relationship, 'phone', g.phone,
                          'userId', g.user_id)), '[]')
                     FROM child_guardian cg JOIN guardian g ON g.id = cg.guardian_id WHERE cg.child_id = c.id) AS guardians,
                  ARRAY(SELECT t.from_unit_id FROM transfer t WHERE t.child_id = c.id
                         AND t.acknowledged_at IS NULL AND t.undone_at IS NULL) AS sent_from
                FROM child c LEFT JOIN household h ON h.id = c.household_id
                WHERE c.id = ?""")
                .param(id.value())
                .query((rs, i) -> {
                    Child child = ChildRows.child(rs, i);
                    List<Enrolment> enrolments = new ArrayList<>();
                    for (JsonNode e : json.readTree(rs.getString("enrolments"))) {
                        enrolments.add(new Enrolment(UUID.fromString(e.get("id").asString()), child.id(),
                                UUID.fromString(e.get("unitId").asString()), EnrolmentKind.valueOf(e.get("kind").asString()),
                                text(e, "className"), LocalDate.parse(e.get("startedOn").asString()),
                                e.get("endedOn").isNull() ? null : LocalDate.parse(e.get("endedOn").asString()),
                                text(e, "endReason")));
                    }
                    List<Guardian> guardians = new ArrayList<>();
                    Set<UUID> users = new HashSet<>();
                    for (JsonNode g : json.readTree(rs.getString("guardians"))) {
                        guardians.add(new Guardian(UUID.fromString(g.get("id").asString()), text(g, "givenNameTh"),
                                text(g, "familyNameTh"), text(g, "relationship"), text(g, "phone")));
                        if (!g.get("userId").isNull()) users.add(UUID.fromString(g.get("userId").asString()));
                    }
                    Set<UUID> sentFrom = new HashSet<>();
                    for (Object unit : (Object[]) rs.getArray("sent_from").getArray()) sentFrom.add((UUID) unit);
                    return new FileRow(child, rs.getString("home_subdistrict"), guardians, users, enrolments,
                            rs.getBytes("national_id_cipher"), Set.copyOf(sentFrom));
                })
                .optional();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}
