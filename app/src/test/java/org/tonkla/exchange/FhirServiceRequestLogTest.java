package org.tonkla.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;
import org.tonkla.WebClientSession;
import org.tonkla.demo.DemoUnits;

/** README: every read of a child's resource over FHIR is in the family's access log, ServiceRequest included. */
class FhirServiceRequestLogTest extends IntegrationTest {

    /** มะลิ, the demo child of the Khon Kaen center. */
    private static final UUID MALI = UUID.fromString("0192f0a0-0000-7000-8000-0000000000c1");
    private static final UUID REFERRAL = UUID.nameUUIDFromBytes("fhir-service-request-log-test".getBytes());

    @Autowired JdbcClient jdbc;

    @BeforeEach
    void referral() {
        jdbc.sql("""
                INSERT INTO referral (id, child_id, province_code, child_name, child_birth_date, need_type, reason, from_unit,
                    to_unit, to_area_code, to_agencies, status, revision, created_by, created_by_name, created_at, updated_at,
                    due_on, legal_basis)
                VALUES (?, ?, '40', 'มะลิ ใจดี', DATE '2023-01-01', 'developmental-delay', 'ทดสอบ FHIR', ?, ?, '4001',
                    ARRAY['OPS-MOPH','MOPH'], 'CREATED', 0, ?, 'fhir-test', now(), now(), DATE '2999-01-01', 'HEALTH_SERVICE')
                ON CONFLICT (id) DO NOTHING""")
                .params(REFERRAL, MALI, DemoUnits.KHON_KAEN_CENTER, DemoUnits.KHON_KAEN_HEALTH_CENTER, UUID.randomUUID()).update();
    }

    @Test
    void aServiceRequestReadIsLoggedWithTheFhirPurpose() {
        WebClientSession health = session();
        assertThat(health.login("health.kk", "tonkla-demo")).isEqualTo("/");
        int before = reads();
        assertThat(health.get("/fhir/ServiceRequest/" + REFERRAL, "application/fhir+json").statusCode()).isEqualTo(200);
        assertThat(reads()).isEqualTo(before + 1);
    }

    private int reads() {
        return jdbc.sql("SELECT count(*) FROM access_log WHERE child_id = ? AND username = 'health.kk' AND action = 'READ' AND purpose = 'care'")
                .param(MALI).query(Integer.class).single();
    }
}
