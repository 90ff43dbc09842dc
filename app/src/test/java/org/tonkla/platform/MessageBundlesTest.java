package org.tonkla.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every page and message exists in Thai and in English: each module's bundle has the same keys in
 * both languages, and every bundle on the classpath is one that the application actually loads.
 */
class MessageBundlesTest {

    @Test
    void everyBundleIsConfigured() throws IOException {
        assertThat(configuredBasenames()).as("spring.messages.basename in application.yml")
                .containsExactlyInAnyOrderElementsOf(bundlesOnClasspath());
    }

    @Test
    void thaiAndEnglishBundlesHaveTheSameKeys() throws IOException {
        for (String basename : bundlesOnClasspath()) {
            Properties th = load(basename + "_th.properties");
            Properties en = load(basename + "_en.properties");
            assertThat(th).as(basename).isNotEmpty();
            assertThat(th.stringPropertyNames()).as("keys missing in " + basename + "_en")
                    .isSubsetOf(en.stringPropertyNames());
            assertThat(en.stringPropertyNames()).as("keys missing in " + basename + "_th")
                    .isSubsetOf(th.stringPropertyNames());
        }
    }

    @Test
    void noMessageIsBlankAndNoKeyIsInTwoBundles() throws IOException {
        Set<String> seen = new TreeSet<>();
        for (String basename : bundlesOnClasspath()) {
            for (String lang : new String[] {"_th", "_en"}) {
                Properties p = load(basename + lang + ".properties");
                p.forEach((k, v) -> assertThat(v.toString()).as(basename + lang + " " + k).isNotBlank());
            }
            for (String key : load(basename + "_th.properties").stringPropertyNames()) {
                assertThat(seen.add(key)).as("key " + key + " is defined in two bundles").isTrue();
            }
        }
    }

    private static Set<String> bundlesOnClasspath() throws IOException {
        Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*_th.properties");
        return Arrays.stream(found).map(r -> "i18n/" + r.getFilename().replace("_th.properties", ""))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> configuredBasenames() {
        var yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        String basenames = yaml.getObject().getProperty("spring.messages.basename");
        return Arrays.stream(basenames.split(",")).map(String::trim).collect(Collectors.toCollection(TreeSet::new));
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
