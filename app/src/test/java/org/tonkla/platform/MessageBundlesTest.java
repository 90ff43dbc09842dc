package org.tonkla.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every page and message exists in Thai and in English: the two bundles have the same keys. */
class MessageBundlesTest {

    @Test
    void thaiAndEnglishBundlesHaveTheSameKeys() throws IOException {
        Properties th = load("i18n/messages_th.properties");
        Properties en = load("i18n/messages_en.properties");
        assertThat(th).isNotEmpty();
        assertThat(th.stringPropertyNames()).as("keys missing in messages_en")
                .isSubsetOf(en.stringPropertyNames());
        assertThat(en.stringPropertyNames()).as("keys missing in messages_th")
                .isSubsetOf(th.stringPropertyNames());
    }

    @Test
    void noMessageIsBlank() throws IOException {
        for (String bundle : new String[] {"i18n/messages_th.properties", "i18n/messages_en.properties"}) {
            Properties p = load(bundle);
            p.forEach((k, v) -> assertThat(v.toString()).as(bundle + " " + k).isNotBlank());
        }
    }

    private static Properties load(String resource) throws IOException {
        var p = new Properties();
        try (var in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
