package org.tonkla.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tonkla.IntegrationTest;
import org.tonkla.WebClientSession;
import org.tonkla.demo.DemoUnits;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The areas and service-unit API against the DOPA counts (77 provinces; Khon Kaen has 26
 * districts; Bangkok has 50 khet; THAI-RULES.md §5) and the scope rules.
 */
class DirectoryApiTest extends IntegrationTest {

    private static final JsonMapper json = JsonMapper.builder().build();
    private WebClientSession officer;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AreaJson(String code, String nameTh, String nameEn, String level, String parentCode) {}

    @BeforeEach
    void login() {
        officer = session();
        assertThat(officer.login("officer.khonkaen", "tonkla-demo")).isEqualTo("/");
    }

    private List<AreaJson> areas(String query) {
        var response = officer.getJson("/api/v1/areas?" + query);
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readValue(response.body(), new TypeReference<>() {});
    }

    @Test
    void seventySevenProvinces() {
        var provinces = areas("level=province");
        assertThat(provinces).hasSize(77);
        assertThat(provinces).contains(new AreaJson("40", "ขอนแก่น", "Khon Kaen", "province", null));
        assertThat(provinces).allSatisfy(a -> assertThat(a.code()).matches("\\d{2}"));
    }

    @Test
    void khonKaenHasTwentySixDistricts() {
        var districts = areas("parent=40");
        assertThat(districts).hasSize(26).allSatisfy(d -> {
            assertThat(d.parentCode()).isEqualTo("40");
            assertThat(d.level()).isEqualTo("district");
            assertThat(d.code()).startsWith("40");
        });
        assertThat(districts).extracting(AreaJson::nameEn).contains("Mueang Khon Kaen", "Nam Phong", "Chonnabot");
    }

    @Test
    void bangkokHasFiftyKhet() {
        assertThat(areas("parent=10")).hasSize(50).extracting(AreaJson::code).contains("1001", "1050");
    }

    @Test
    void allLevelsHaveTheOfficialCounts() {
        assertThat(areas("level=district")).hasSize(928);
        assertThat(areas("level=subdistrict")).hasSize(7436);
    }

    @Test
    void badLevelIsAProblemNamingTheParameter() {
        var response = officer.getJson("/api/v1/areas?level=village");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(response.body()).contains("level").contains("village");
    }

    @Test
    void withoutSessionOrTokenTheApiAnswers401ProblemJson() {
        var anonymous = session().getJson("/api/v1/areas?level=province");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(anonymous.body()).contains("\"status\":401");
    }

    @Test
    void chiangMaiOfficerIsForbiddenAKhonKaenUnit() {
        var chiangMai = session();
        chiangMai.login("officer.chiangmai", "tonkla-demo");
        var response = chiangMai.getJson("/api/v1/service-units/" + DemoUnits.KHON_KAEN_CENTER);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(chiangMai.getJson("/api/v1/service-units/" + DemoUnits.CHIANG_MAI_CENTER).statusCode()).isEqualTo(200);
    }

    @Test
    void khonKaenOfficerSeesTheUnitsOfItsProvince() {
        var response = officer.getJson("/api/v1/service-units/" + DemoUnits.KHON_KAEN_CENTER);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"subdistrictCode\":\"400101\"").contains("\"agencyCode\":\"DLA\"");
        var units = officer.getJson("/api/v1/service-units?area=4001&type=health-center");
        assertThat(units.body()).contains("99001").doesNotContain("ศูนย์พัฒนาเด็กเล็ก");
    }

    @Test
    void unitsAreFoundByThaiNameEnglishNameOrCode() {
        assertThat(officer.getJson("/api/v1/service-units?q=%E0%B8%AA%E0%B8%B3%E0%B8%A3%E0%B8%B2%E0%B8%8D").body())
                .contains(DemoUnits.KHON_KAEN_HEALTH_CENTER.toString()); // สำราญ
        assertThat(officer.getJson("/api/v1/service-units?q=Anuban").body())
                .contains(DemoUnits.KHON_KAEN_KINDERGARTEN.toString());
        assertThat(officer.getJson("/api/v1/service-units?q=99001").body())
                .contains(DemoUnits.KHON_KAEN_HEALTH_CENTER.toString());
    }
}
