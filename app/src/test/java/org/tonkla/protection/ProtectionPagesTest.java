package org.tonkla.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tonkla.protection.ProtectionScreeningTest.as;
import static org.tonkla.protection.ProtectionScreeningTest.classmate;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tonkla.IntegrationTest;

/** The Thai pages of issue 17: the teacher screens on the form, the protection worker opens the concern. */
class ProtectionPagesTest extends IntegrationTest {

    @Test
    void aTeacherScreensOnTheFormAndTheWorkerOpensTheConcern() {
        var teacher = as(session(), "teacher.kk");
        UUID child = classmate(21);
        var form = teacher.get("/children/" + child + "/protection", "text/html");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("คัดกรองความเสี่ยงด้านการคุ้มครองเด็ก").contains("มีบาดแผลที่อธิบายไม่ได้");

        // HIGH without a reason: the error beside the field, the ticked items kept.
        var missing = teacher.postForm("/children/" + child + "/protection", "items=unexplained-injury&reason=");
        assertThat(missing.statusCode()).isEqualTo(200);
        assertThat(missing.body()).contains("field-error").contains("value=\"unexplained-injury\" checked");

        String reason = URLEncoder.encode("แผลไหม้ที่หลังมือ", StandardCharsets.UTF_8);
        var result = teacher.postForm("/children/" + child + "/protection", "items=unexplained-injury&reason=" + reason);
        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(result.body()).contains("ความเสี่ยงสูง").contains("ได้แจ้งเรื่องคุ้มครองเด็กแล้ว");
        var m = Pattern.compile("/protection/concerns/([0-9a-f-]{36})").matcher(result.body());
        assertThat(m.find()).isTrue();
        String concern = m.group(1);

        // The reporter's page shows the status only.
        var status = teacher.get("/protection/concerns/" + concern, "text/html");
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains("รับแจ้งแล้ว").doesNotContain("แผลไหม้");

        var worker = as(session(), "socialdev.kk");
        assertThat(worker.get("/protection/concerns", "text/html").body()).contains(concern);
        var detail = worker.get("/protection/concerns/" + concern, "text/html");
        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(detail.body()).contains("แผลไหม้ที่หลังมือ").contains("release-form").contains("status-form");
    }
}
