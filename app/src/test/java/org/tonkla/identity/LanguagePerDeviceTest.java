package org.tonkla.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tonkla.IntegrationTest;
import org.tonkla.demo.DemoUnits;

/**
 * Issue 10 §8: the language is remembered per device. A device where Thai was chosen stays Thai when someone
 * whose account was last used in English signs in on it; a device that never chose gets the account's language.
 */
class LanguagePerDeviceTest extends IntegrationTest {

    @Autowired
    Accounts accounts;

    @Test
    void theDevicesChoiceWinsOverTheAccountsLanguage() {
        accounts.create(new Accounts.AccountForm("caregiver.language", "ครูสองภาษา", Role.CAREGIVER,
                new Scope("DLA", OrgUnit.serviceUnit(DemoUnits.KHON_KAEN_CENTER)), "tonkla-demo", true), true);
        var office = session();
        assertThat(office.login("caregiver.language", "tonkla-demo")).isEqualTo("/");
        assertThat(office.get("/?lang=en", "text/html").body()).contains("lang=\"en\"");

        // The shared phone at the center was set to Thai before she signs in on it.
        var phone = session();
        assertThat(phone.get("/login?lang=th", "text/html").body()).contains("lang=\"th\"");
        assertThat(phone.login("caregiver.language", "tonkla-demo")).isEqualTo("/");
        assertThat(phone.get("/", "text/html").body()).contains("lang=\"th\"").contains("สวัสดี");

        // A device that never chose: the account's language.
        var laptop = session();
        assertThat(laptop.login("caregiver.language", "tonkla-demo")).isEqualTo("/");
        assertThat(laptop.get("/", "text/html").body()).contains("lang=\"en\"");
    }
}
