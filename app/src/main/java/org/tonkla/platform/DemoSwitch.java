package org.tonkla.platform;

import java.net.URI;
import java.util.Locale;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether this Tonkla carries the demo data and its published passwords. {@code tonkla.demo.enabled}
 * ({@code TONKLA_DEMO}) is {@code true}, {@code false} or {@code auto} (the default): auto means "only
 * when nobody else can reach it", i.e. bound to a loopback address ({@code server.address},
 * {@code TONKLA_BIND}) and, when a public URL is configured, that URL is a loopback one too (a
 * reverse proxy on the same host makes a loopback-bound Tonkla public). An unset bind address
 * means every interface, so no demo.
 *
 * <p>As a {@link Condition} it keeps the demo loader out of the application context altogether.
 */
public final class DemoSwitch implements Condition {

    static final String SETTING = "tonkla.demo.enabled";

    /**
     * The decision, as a pure function.
     *
     * @param setting {@code true}, {@code false}, {@code auto}; {@code null} or blank is {@code auto}
     * @param bindAddress {@code server.address}; {@code null} or blank means every interface
     * @param publicUrl {@code tonkla.public-url}; {@code null} or blank when not configured
     * @throws IllegalArgumentException for any other setting, so a typo never turns the demo on
     */
    public static boolean decide(String setting, String bindAddress, String publicUrl) {
        String s = setting == null ? "" : setting.trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "true" -> true;
            case "false" -> false;
            case "", "auto" -> isLoopback(bindAddress) && (publicUrl == null || publicUrl.isBlank()
                    || isLoopback(hostOf(publicUrl)));
            default -> throw new IllegalArgumentException(
                    "tonkla.demo.enabled (TONKLA_DEMO) must be true, false or auto, not '" + setting + "'");
        };
    }

    /** The decision for a running application. */
    public static boolean enabled(Environment env) {
        return decide(env.getProperty(SETTING), env.getProperty("server.address"), env.getProperty("tonkla.public-url"));
    }

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return enabled(context.getEnvironment());
    }

    /** Loopback by its literal form only: a name other than {@code localhost} is not looked up. */
    static boolean isLoopback(String address) {
        if (address == null) return false;
        String a = address.trim().toLowerCase(Locale.ROOT);
        if (a.startsWith("[") && a.endsWith("]")) a = a.substring(1, a.length() - 1);
        return a.equals("localhost") || a.endsWith(".localhost") || a.equals("::1") || a.equals("0:0:0:0:0:0:0:1")
                || a.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    private static String hostOf(String url) {
        try {
            return URI.create(url.trim()).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
