package org.tonkla.registry;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tonkla.registry.internal.ChildRows;
import org.tonkla.registry.internal.NameKeys;

/**
 * For record linkage (exchange): the registry's children that might be the same person as a given name and
 * date of birth, blocked on the stored Thai name keys (THAI-RULES §8: LK82, Udom83, MetaSound, made with the
 * version in {@code registry_name_key_version}) or the date of birth, with which keys agree. A system process's
 * look-up, like {@link ChildrenByNationalId}: no scope check and no access log; whoever shows the result to a
 * person checks and logs through {@link ChildAccess}.
 */
@Component
public class LinkageCandidates {

    /**
     * A registered child compared with the name looked up.
     *
     * @param keysAgreeing how many of the three Thai name keys are equal (0–3)
     * @param sameThaiName whether the Thai given and family names are spelled exactly alike
     * @param hasNationalId whether the registry holds a (checksum-valid) national ID for this child
     */
    public record Candidate(Child child, int keysAgreeing, boolean sameThaiName, boolean hasNationalId) {}

    private final JdbcClient jdbc;

    LinkageCandidates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} children sharing a name key or the date of birth, nearest first. */
    public List<Candidate> similarTo(String given, String family, LocalDate dateOfBirth, ChildId excluding, int limit) {
        var keys = NameKeys.of(given, family);
        String name = (given == null ? "" : given.strip()) + " " + (family == null ? "" : family.strip());
        return jdbc.sql("SELECT " + ChildRows.COLUMNS + """
                     , ((c.name_key_lk82 = :lk82)::int + (c.name_key_udom83 = :udom83)::int
                        + (c.name_key_metasound = :meta)::int) AS keys_agreeing,
                       (c.given_name_th || ' ' || c.family_name_th) = :name AS same_name,
                       c.national_id_hash IS NOT NULL AS has_national_id
                  FROM child c
                 WHERE c.id <> :self
                   AND (c.date_of_birth = :dob OR c.name_key_lk82 = :lk82 OR c.name_key_udom83 = :udom83
                        OR c.name_key_metasound = :meta)
                 ORDER BY keys_agreeing DESC, abs(c.date_of_birth - CAST(:dob AS date)) LIMIT :limit""")
                .param("lk82", keys.lk82()).param("udom83", keys.udom83()).param("meta", keys.metaSound())
                .param("name", name).param("dob", Date.valueOf(dateOfBirth))
                .param("self", excluding == null ? new java.util.UUID(0, 0) : excluding.value()).param("limit", limit)
                .query((rs, n) -> new Candidate(ChildRows.child(rs, n), rs.getInt("keys_agreeing"), rs.getBoolean("same_name"),
                        rs.getBoolean("has_national_id")))
                .list();
    }

    /** The child as a candidate of itself (its facts for scoring), if there is such a child. */
    public Optional<Candidate> of(ChildId id) {
        return jdbc.sql("SELECT " + ChildRows.COLUMNS + ", c.national_id_hash IS NOT NULL AS has_national_id "
                        + "FROM child c WHERE c.id = ?")
                .param(id.value())
                .query((rs, n) -> new Candidate(ChildRows.child(rs, n), 3, true, rs.getBoolean("has_national_id")))
                .optional();
    }

    /** The children the registry holds no national ID for (G-code or none): those linkage looks at. */
    public List<ChildId> withoutNationalId(int limit) {
        return jdbc.sql("SELECT id FROM child WHERE national_id_hash IS NULL ORDER BY created_at LIMIT ?").param(limit)
                .query(java.util.UUID.class).list().stream().map(ChildId::new).toList();
    }
}
