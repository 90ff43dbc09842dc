package org.tonkla.field;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;
import org.tonkla.WebClientSession;
import org.tonkla.demo.DemoUnits;
import org.tonkla.registry.ChildrenByNationalId;

/**
 * Issue 17 §5, from the field: a surveyor fills the home-visit form (version 2026112901) with ODK Collect's engine
 * for a child who lives with her grandmother and has an unexplained burn. The visit registers the child and records
 * a protection screening with the living arrangement; living with neither parent (2) and an unexplained injury (6)
 * reach HIGH (6) under the national rule, which opens a protection concern routed to the social development office of
 * Khon Kaen, the child's province, under the surveyor's name. The office's worker sees it; a teacher does not, and
 * the surveyor sees its status only.
 */
class HomeVisitProtectionTest extends IntegrationTest {

    @Autowired JdbcClient jdbc;
    @Autowired ChildrenByNationalId byNationalId;

    @Test
    @SuppressWarnings("unchecked")
    void aHomeVisitFindingAChildWithGrandparentsAndAnUnexplainedInjuryRaisesAConcern() throws Exception {
        var client = new OpenRosaClient("http://localhost:" + port, "surveyor.kk", "tonkla-demo");
        byte[] xform = client.getBytes("/openrosa/forms/tonkla_home_visit/2026112901/form.xml").body();
        String nationalId = OpenRosaClient.nationalId();
        var filler = new FormFiller(xform)
                .answer("/data/visit/subdistrict", "400702").answer("/data/visit/village", "หมู่ 7")
                .answer("/data/visit/house_no", "88").answer("/data/visit/outcome", "visited")
                .answer("/data/consent/given", "yes").answer("/data/consent/by_name", "ยาย ทดสอบ")
                .answer("/data/consent/relation", "relative").answer("/data/consent/on", today())
                .answer("/data/consent/purposes", "household")
                .repeat("/data/household/member", 2)
                .answer("/data/household/member/age", 63, 4)
                .answer("/data/household/member/relation", "grandparent", "self")
                .answer("/data/household/member/income", 3000, 0)
                .answer("/data/household/member/disability", "none", "none")
                .answer("/data/household/tenure", "own").answer("/data/household/floor", "wood")
                .answer("/data/household/wall", "wood_metal").answer("/data/household/roof", "metal")
                .answer("/data/household/toilet", "yes").answer("/data/household/farm_land", "lt1")
                .answer("/data/household/water", "well").answer("/data/household/electricity", "meter")
                .answer("/data/household/vehicles", "none").answer("/data/household/appliances", "none")
                .answer("/data/household/photo_fallback", "not_allowed")
                .repeat("/data/child", 1)
                .answer("/data/child/given_name", "ใบเตย").answer("/data/child/family_name", "คุ้มครอง" + nationalId.substring(9))
                .answer("/data/child/sex", "F").answer("/data/child/dob", today().minusYears(4).minusDays(77))
                .answer("/data/child/id_type", "national_id").answer("/data/child/national_id", nationalId)
                .answer("/data/child/weight", 15.0).answer("/data/child/height", 101.0)
                .answer("/data/child/living", "grandparents").answer("/data/child/protection", "unexplained-injury")
                .answer("/data/child/protection_reason", "แผลไหม้ที่หลังมือซ้าย ยายบอกว่าไม่ทราบสาเหตุ");
        byte[] instance = filler.fill();
        assertThat(filler.refused).isEmpty();
        assertThat(client.submit(instance, java.util.Map.of()).statusCode()).isEqualTo(201);

        UUID child = byNationalId.find(List.of(nationalId)).get(nationalId).id().value();
        UUID surveyor = jdbc.sql("SELECT id FROM app_user WHERE username = 'surveyor.kk'").query(UUID.class).single();
        var screening = jdbc.sql("SELECT living_arrangement, level, items FROM protection_screening WHERE child_id = ?")
                .param(child).query((rs, i) -> new Object[] {rs.getString(1), rs.getString(2),
                        List.of((String[]) rs.getArray(3).getArray())}).single();
        assertThat(screening[0]).isEqualTo("GRANDPARENTS");
        assertThat(screening[1]).isEqualTo("HIGH");
        assertThat((List<Object>) screening[2]).containsExactlyInAnyOrder("not-with-parents", "unexplained-injury");
        var concern = jdbc.sql("SELECT id, office_unit_id, province_code, reporter_id, status, reason FROM protection_concern"
                + " WHERE child_id = ?").param(child).query((rs, i) -> new Object[] {rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class), rs.getString(3), rs.getObject(4, UUID.class), rs.getString(5),
                        rs.getString(6)}).single();
        assertThat(concern[1]).isEqualTo(DemoUnits.KHON_KAEN_SOCIAL_OFFICE);
        assertThat(concern[2]).isEqualTo("40");
        assertThat(concern[3]).isEqualTo(surveyor);
        assertThat(concern[4]).isEqualTo("OPEN");
        assertThat((String) concern[5]).contains("แผลไหม้");

        String path = "/api/v1/protection/concerns/" + concern[0];
        var worker = login("socialdev.kk");
        assertThat(worker.getJson(path).body()).contains("แผลไหม้").contains("unexplained-injury");
        assertThat(login("teacher.kk").getJson(path).statusCode()).isEqualTo(404);
        var own = login("surveyor.kk").getJson(path);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("\"status\":\"OPEN\"").contains("\"detail\":null").doesNotContain("แผลไหม้");
    }

    private WebClientSession login(String username) {
        var s = session();
        assertThat(s.login(username, "tonkla-demo")).isEqualTo("/");
        return s;
    }
}
