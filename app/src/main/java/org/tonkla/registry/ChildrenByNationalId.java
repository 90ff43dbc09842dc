package org.tonkla.registry;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tonkla.platform.PersonalDataCipher;

/**
 * For imports that join their rows to children the registry already holds: which of a set of
 * national IDs are registered, and as which child. A system process's look-up (no scope check, no
 * quota): the caller has decided already that the rows may be loaded.
 */
@Component
public class ChildrenByNationalId {

    /** A registered child with the facts entries are scored and scoped with. */
    public record KnownChild(ChildId id, Sex sex, LocalDate dateOfBirth, String provinceCode) {}

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;

    ChildrenByNationalId(JdbcClient jdbc, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** The registered children among {@code nationalIds} (13 digits each), keyed by national ID; absent ones are left out. */
    public Map<String, KnownChild> find(Collection<String> nationalIds) {
        Map<String, String> byHash = new HashMap<>();
        for (String id : nationalIds) byHash.put(java.util.HexFormat.of().formatHex(cipher.lookupHash(id)), id);
        Map<String, KnownChild> found = new HashMap<>();
        if (byHash.isEmpty()) return found;
        jdbc.sql("""
                SELECT encode(national_id_hash, 'hex') AS h, id, sex, date_of_birth, province_code
                FROM child WHERE national_id_hash = ANY(:hashes)""")
                .param("hashes", byHash.keySet().stream().map(java.util.HexFormat.of()::parseHex).toArray(byte[][]::new))
                .query((rs, n) -> {
                    found.put(byHash.get(rs.getString("h")), new KnownChild(new ChildId(rs.getObject("id", java.util.UUID.class)),
                            Sex.valueOf(rs.getString("sex").trim()), rs.getObject("date_of_birth", LocalDate.class),
                            rs.getString("province_code")));
                    return null;
                }).list();
        return found;
    }
}
