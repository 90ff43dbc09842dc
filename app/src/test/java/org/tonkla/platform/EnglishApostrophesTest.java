package org.tonkla.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.tonkla.IntegrationTest;

/**
 * Issue 10 §8: apostrophes in English strings show on the page. A message with arguments goes through
 * {@link java.text.MessageFormat}, where a single quote starts a quoted section and vanishes (so it must be
 * written ''), while one without arguments is shown as written (so '' would show twice). Every English string
 * is rendered as the pages render it, through the application's message source.
 */
class EnglishApostrophesTest extends IntegrationTest {

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

    @Autowired
    MessageSource messages;

    @Test
    void everyEnglishApostropheIsShownOnceAndEveryArgumentIsFilledIn() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Resource bundle : new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*_en.properties")) {
            Properties english = new Properties();
            try (var in = new InputStreamReader(bundle.getInputStream(), StandardCharsets.UTF_8)) {
                english.load(in);
            }
            for (String key : english.stringPropertyNames()) {
                String source = english.getProperty(key);
                Matcher m = ARGUMENT.matcher(source);
                int arguments = 0;
                while (m.find()) arguments = Math.max(arguments, Integer.parseInt(m.group(1)) + 1);
                Object[] args = new Object[arguments];
                // Number formats ({0,number,#}, Buddhist-era years) get a number, the others text.
                for (int i = 0; i < arguments; i++) args[i] = source.contains("{" + i + ",number") ? (Object) (7000 + i) : "ARG" + i;
                String shown = messages.getMessage(key, arguments == 0 ? null : args, Locale.ENGLISH);
                boolean meantApostrophe = source.replace("''", "'").contains("'");
                if (shown.contains("''") || (meantApostrophe && !shown.contains("'"))) wrong.add(key + " → " + shown);
                for (int i = 0; i < arguments; i++) {
                    if (source.contains("{" + i) && !shown.contains(String.valueOf(args[i]))) wrong.add(key + " loses {" + i + "} → " + shown);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }
}
