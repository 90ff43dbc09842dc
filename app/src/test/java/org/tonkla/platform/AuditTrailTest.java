package org.tonkla.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;

/** The audit trail keeps who changed what, and nobody can rewrite it, not even with SQL. */
class AuditTrailTest extends IntegrationTest {

    private final AuditTrail audit;
    private final JdbcClient jdbc;

    @Autowired
    AuditTrailTest(AuditTrail audit, JdbcClient jdbc) {
        this.audit = audit;
        this.jdbc = jdbc;
    }

    @Test
    void recordsAndListsNewestFirst() {
        audit.recordAs("tester", "UPDATE", "test_entity", "42", "first");
        audit.recordAs("tester", "UPDATE", "test_entity", "42", "second");
        var events = audit.recent("tester", "test_entity", 10);
        assertThat(events).extracting(AuditTrail.AuditEvent::summary).startsWith("second", "first");
    }

    @Test
    void rowsCannotBeChangedOrDeleted() {
        audit.recordAs("tester", "CREATE", "test_entity", "43", "kept");
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET summary = 'changed' WHERE entity_id = '43'").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event WHERE entity_id = '43'").update())
                .hasMessageContaining("append-only");
        assertThat(audit.recent("tester", "test_entity", 50)).extracting(AuditTrail.AuditEvent::summary).contains("kept");
    }

    @Test
    void creatingDemoUnitsWasAudited() {
        assertThat(audit.recent(null, "service_unit", 50)).isNotEmpty();
    }
}
