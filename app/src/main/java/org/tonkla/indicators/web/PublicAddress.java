package org.tonkla.indicators.web;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.tonkla.platform.TonklaProperties;

/**
 * Tonkla's public address for the open-data catalogues' links: {@code tonkla.public-url}, never the request's Host
 * header, which a client chooses. A configured port 0 (a server on a random port: tests) is this server's own port.
 */
@Component
class PublicAddress {

    private volatile String base;

    PublicAddress(TonklaProperties tonkla) {
        this.base = tonkla.publicUrl().replaceAll("/+$", "");
    }

    @EventListener
    void started(WebServerInitializedEvent event) {
        if (base.endsWith(":0")) base = base.substring(0, base.length() - 1) + event.getWebServer().getPort();
    }

    String base() {
        return base;
    }
}
