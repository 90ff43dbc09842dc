package org.tonkla.indicators.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * While the first release is built (minutes with the whole country), a download is told to come back: 503 with
 * Retry-After and the Thai message; a CKAN call gets CKAN's error shape so a harvester retries rather than fails.
 */
class OpenDataNotReadyTest {

    private final OpenDataNotReady advice = new OpenDataNotReady(messages());

    @Test
    void aDownloadIsToldToComeBackInThai() {
        var answer = advice.notReady(Locale.forLanguageTag("th"), new MockHttpServletRequest("GET", "/open-data/tonkla-child-indicators.csv"));
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("120");
        assertThat(answer.getBody()).isEqualTo("กำลังจัดทำ 2");
    }

    @Test
    void aCkanCallGetsCkansErrorShape() {
        var answer = advice.notReady(Locale.forLanguageTag("th"), new MockHttpServletRequest("GET", "/open-data/api/3/action/package_show"));
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("120");
        assertThat(answer.getBody()).isEqualTo(Map.of("success", false,
                "error", Map.of("__type", "Service Unavailable", "message", "กำลังจัดทำ 2")));
    }

    private static StaticMessageSource messages() {
        var messages = new StaticMessageSource();
        messages.addMessage("indicators.open.building", Locale.forLanguageTag("th"), "กำลังจัดทำ {0}");
        return messages;
    }
}
