package org.tonkla.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.tonkla.IntegrationTest;

/**
 * A query string Tomcat cannot decode is a client's mistake: 400, with the Thai error page or CKAN/problem JSON as
 * the address calls for, and nothing at ERROR in the log. It used to log a stack trace of some 140 lines per request,
 * on anonymous addresses too, so anyone could fill the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class MalformedParametersTest extends IntegrationTest {

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void undecodableParametersAreAQuietBadRequest(CapturedOutput output) throws Exception {
        for (String path : new String[] {"/login?x=%ff", "/open-data/api/3/action/package_search?q=%ff", "/open-data/api/action/package_list?x=%c0%af"}) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path).isEqualTo(400);
        }
        assertThat(output.getAll()).doesNotContain("InvalidParameterException").doesNotContain("Character decoding failed");
    }
}
