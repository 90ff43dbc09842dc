package org.tonkla.platform.web;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.tonkla.platform.ThaiDates;

/**
 * What the layout tells the page's scripts about the server, as meta tags: the session timeout (so a
 * page can warn before it ends) and today in Thailand by the application's clock (so a date field can
 * refuse a future birth or weighing by the same day the server uses). Templates call it as
 * {@code ${@pageSettings.sessionSeconds()}}.
 */
@Component("pageSettings")
public class PageSettings {

    private final Clock clock;
    private final Duration sessionTimeout;

    PageSettings(Clock clock, @Value("${server.servlet.session.timeout:30m}") Duration sessionTimeout) {
        this.clock = clock;
        this.sessionTimeout = sessionTimeout;
    }

    public long sessionSeconds() {
        return sessionTimeout.toSeconds();
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ThaiDates.BANGKOK));
    }
}
