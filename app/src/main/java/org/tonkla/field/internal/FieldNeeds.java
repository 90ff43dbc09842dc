package org.tonkla.field.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tonkla.recordbook.Need;
import org.tonkla.recordbook.NeedSource;
import org.tonkla.registry.ChildId;

/**
 * The screening needs of the child's latest home visit, for the record book's page: each need's message names the
 * agency type that must act; the detail carries the figures behind it (income per member, identifier type).
 */
@Component
class FieldNeeds implements NeedSource {

    private final JdbcClient jdbc;

    FieldNeeds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Need> needsOf(ChildId child, LocalDate day) {
        return jdbc.sql("""
                SELECT r.need_key, n.detail FROM field_need n JOIN field_screening_rule r ON r.code = n.rule_code
                 WHERE n.child_id = :child AND n.found_on <= :day
                   AND n.found_on = (SELECT max(found_on) FROM field_need WHERE child_id = :child AND found_on <= :day)
                 ORDER BY r.code""")
                .param("child", child.value()).param("day", Date.valueOf(day))
                .query((rs, n) -> new Need(rs.getString(1), rs.getString(2))).list().stream().distinct().toList();
    }
}
