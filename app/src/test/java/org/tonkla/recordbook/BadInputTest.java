package org.tonkla.recordbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.tonkla.IntegrationTest;
import org.tonkla.WebClientSession;
import tools.jackson.databind.json.JsonMapper;

/** Input that used to answer 500 answers 400 naming the field (typed errors, validation written once). */
class BadInputTest extends IntegrationTest {

    private static final String MALI = "0192f0a0-0000-7000-8000-0000000000c1";
    private static final JsonMapper json = JsonMapper.builder().build();

    private WebClientSession teacher() {
        var s = session();
        assertThat(s.login("teacher.kk", "tonkla-demo")).isEqualTo("/");
        return s;
    }

    private static void assertNamed(java.net.http.HttpResponse<String> r, String field) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(json.readTree(r.body()).get("errors").findValuesAsString("field")).contains(field);
    }

    @Test
    void notANumberInAMeasurementIsRefusedByName() {
        // JSON has no NaN literal; Jackson reads the string "NaN" into a Double.
        var r = teacher().postJson("/api/v1/children/" + MALI + "/measurements",
                "{\"measuredOn\":\"" + today() + "\",\"weightKg\":\"NaN\"}");
        assertNamed(r, "weightKg");
        var infinite = teacher().postJson("/api/v1/children/" + MALI + "/measurements",
                "{\"measuredOn\":\"" + today() + "\",\"lengthCm\":\"Infinity\"}");
        assertNamed(infinite, "lengthCm");
    }

    @Test
    void aNegativeOrHugeLimitIsRefusedByName() {
        assertNamed(teacher().getJson("/api/v1/children?q=%E0%B8%A1&limit=-1"), "limit");
        assertNamed(teacher().getJson("/api/v1/children?q=%E0%B8%A1&limit=100000"), "limit");
    }

    @Test
    void overLongTextIsRefusedByName() {
        String longName = "ก".repeat(500);
        var r = teacher().postJson("/api/v1/children", """
                {"givenNameTh":"%s","familyNameTh":"ยาว","sex":"F","dateOfBirth":"%s","noIdentifierReason":"ทดสอบ"}"""
                .formatted(longName, today().minusYears(2)));
        assertNamed(r, "givenNameTh");
        assertNamed(teacher().getJson("/api/v1/children?q=" + "a".repeat(300)), "q");
    }

    @Test
    void datesBefore1990OrBeforeBirthAreRefusedByName() {
        var r = teacher().postJson("/api/v1/children", """
                {"givenNameTh":"เก่า","familyNameTh":"มาก","sex":"F","dateOfBirth":"1985-01-01","noIdentifierReason":"ทดสอบ"}""");
        assertNamed(r, "dateOfBirth");
        var beforeBirth = teacher().postJson("/api/v1/children/" + MALI + "/immunizations",
                "{\"vaccineCode\":\"010\",\"givenOn\":\"1995-01-01\"}");
        assertNamed(beforeBirth, "givenOn");
    }

    @Test
    void aWrongEnumOrMalformedJsonIsABadRequestNotAServerError() {
        var r = teacher().postJson("/api/v1/children", "{\"sex\":\"X\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(teacher().postJson("/api/v1/children", "{not json").statusCode()).isEqualTo(400);
        assertThat(teacher().getJson("/api/v1/children/not-a-uuid").statusCode()).isEqualTo(400);
    }

    @Test
    void aConfirmedExtremeMeasurementIsSevereAndANeedNotNormal() {
        var teacher = teacher();
        var registered = teacher.postJson("/api/v1/children", """
                {"givenNameTh":"สุดขีด","familyNameTh":"ยืนยัน","sex":"F","dateOfBirth":"%s","noIdentifierReason":"ทดสอบ",
                 "confirmedNew":true}""".formatted(today().minusYears(2)));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String id = json.readTree(registered.body()).get("id").asString();
        String extreme = "{\"measuredOn\":\"" + today() + "\",\"weightKg\":3.1,\"lengthCm\":86";
        assertThat(teacher.postJson("/api/v1/children/" + id + "/measurements", extreme + "}").statusCode()).isEqualTo(422);
        var saved = teacher.postJson("/api/v1/children/" + id + "/measurements", extreme + ",\"confirmImplausible\":true}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        assertThat(saved.body()).contains("SEVERE_EXTREME_CONFIRMED").doesNotContain("\"NORMAL\"");
        assertThat(teacher.getJson("/api/v1/children/" + id).body()).contains("growth.class.SEVERE_EXTREME_CONFIRMED");
    }
}
