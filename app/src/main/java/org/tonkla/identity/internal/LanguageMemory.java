package org.tonkla.identity.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.tonkla.identity.Accounts;
import org.tonkla.platform.LanguageChosen;

/** Keeps a user's language choice with their account, so it follows them to another device. */
@Component
class LanguageMemory {

    private final Accounts accounts;

    LanguageMemory(Accounts accounts) {
        this.accounts = accounts;
    }

    @EventListener
    void on(LanguageChosen event) {
        accounts.rememberLanguage(event.username(), event.language());
    }
}
