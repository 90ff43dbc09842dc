package org.tonkla.demo;

import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code ./tonkla generate}: synthetic data for demonstrations, load tests and benchmarks, written
 * through the modules' own APIs and bulk paths into the configured database.
 *
 * <pre>
 *   ./tonkla generate --pilot            the Khon Kaen pilot: 3 districts, about 48,000 children aged 0–6, and a
 *                                        home-visit campaign over them with visits for most households
 *   ./tonkla generate --children N       N children in the pilot districts
 *   ./tonkla generate --centers N        a national set of N early-childhood centers with their assessments
 *   --seed S                             another deterministic population (default 2569)
 * </pre>
 */
@Component
@Order(200)
class GenerateCommand implements ApplicationRunner {

    static final String USAGE = """
            Usage: ./tonkla generate [--pilot | --children N] [--centers N] [--seed S]
              --pilot        the Khon Kaen pilot: Mueang Khon Kaen, Nam Phong, Chonnabot, about 48,000 children aged 0-6,
                             and a home-visit campaign over the three districts with visits for most households
              --children N   N children spread over the pilot districts
              --centers N    a national set of N early-childhood centers with profiles, staff and assessments
              --seed S       the random seed (default 2569): the same seed gives the same population""";

    /** What to generate; zero means none of that kind. */
    record Options(int children, int centers, long seed, boolean campaign) {

        static Options parse(List<String> args) {
            int children = 0;
            int centers = 0;
            long seed = 2569;
            boolean campaign = false;
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (a.startsWith("--tonkla.") || a.startsWith("--spring.") || a.startsWith("--server.")) continue;
                String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
                String value = a.contains("=") ? a.substring(a.indexOf('=') + 1)
                        : (i + 1 < args.size() && !args.get(i + 1).startsWith("--") ? args.get(++i) : null);
                switch (name) {
                    case "--pilot" -> {
                        children = SyntheticChildren.PILOT_CHILDREN;
                        campaign = true;
                    }
                    case "--children" -> children = positive(name, value);
                    case "--centers" -> centers = positive(name, value);
                    case "--seed" -> seed = positive(name, value);
                    default -> throw new IllegalArgumentException("Unknown option " + a);
                }
            }
            if (children == 0 && centers == 0) throw new IllegalArgumentException("Nothing to generate");
            return new Options(children, centers, seed, campaign);
        }

        private static int positive(String name, String value) {
            try {
                int n = Integer.parseInt(value == null ? "" : value.replace("_", "").replace(",", ""));
                if (n > 0) return n;
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(name + " needs a positive whole number, got " + value);
        }
    }

    private final Environment env;
    private final ConfigurableApplicationContext context;
    private final SyntheticChildren children;
    private final SyntheticCenters centers;
    private final SyntheticField field;

    GenerateCommand(Environment env, ConfigurableApplicationContext context, SyntheticChildren children,
            SyntheticCenters centers, SyntheticField field) {
        this.field = field;
        this.env = env;
        this.context = context;
        this.children = children;
        this.centers = centers;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!"generate".equals(env.getProperty("tonkla.command"))) return;
        Options options;
        try {
            options = Options.parse(List.of(args.getSourceArgs()));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(SpringApplication.exit(context, () -> 2));
            return;
        }
        if (options.centers() > 0) centers.generate(options.centers(), options.seed());
        if (options.children() > 0) children.generate(options.children(), options.seed(), options.campaign() ? field : null);
        System.exit(SpringApplication.exit(context, () -> 0));
    }
}
