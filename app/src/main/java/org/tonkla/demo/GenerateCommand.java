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
 *   ./tonkla generate --country          the whole country: about 4,000,000 children over the 77 provinces, 50,000 centers
 *   --scale F                            with --country: a fraction of it (0.01 for a smoke test)
 *   --skip-disk-check                    with --country: go on although the database's disk looks too small
 *   --seed S                             another deterministic population (default 2569)
 * </pre>
 */
@Component
@Order(200)
class GenerateCommand implements ApplicationRunner {

    static final String USAGE = """
            Usage: ./tonkla generate [--pilot | --children N | --country [--scale F] [--skip-disk-check]] [--centers N] [--seed S]
              --pilot        the Khon Kaen pilot: Mueang Khon Kaen, Nam Phong, Chonnabot, about 48,000 children aged 0-6,
                             and a home-visit campaign over the three districts with visits for most households
              --country      the whole country: about 4,000,000 children over the 77 provinces by population, with their
                             records, and 50,000 centers; streamed in batches, restartable (a rerun goes on where it stopped)
              --scale F      with --country: that fraction of it, e.g. 0.01 (40,000 children, 500 centers)
              --skip-disk-check  with --country: go on although the database's disk looks too small for it
              --children N   N children spread over the pilot districts
              --centers N    a national set of N early-childhood centers with profiles, staff and assessments
              --seed S       the random seed (default 2569): the same seed gives the same population""";

    /** What to generate; zero means none of that kind. */
    record Options(int children, int centers, long seed, boolean campaign, double country, boolean skipDiskCheck) {

        Options(int children, int centers, long seed) {
            this(children, centers, seed, false, 0, false);
        }

        Options(int children, int centers, long seed, boolean campaign) {
            this(children, centers, seed, campaign, 0, false);
        }

        /** Options that take no value. */
        private static final java.util.Set<String> FLAGS = java.util.Set.of("--pilot", "--country", "--skip-disk-check");

        static Options parse(List<String> args) {
            int children = 0;
            int centers = 0;
            long seed = 2569;
            boolean campaign = false;
            boolean country = false;
            boolean skipDiskCheck = false;
            double scale = 1;
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (a.startsWith("--tonkla.") || a.startsWith("--spring.") || a.startsWith("--server.") || a.startsWith("--logging.")) continue;
                String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
                if (!seen.add(name)) throw new IllegalArgumentException(name + " is given twice");
                if (FLAGS.contains(name) && a.contains("=")) throw new IllegalArgumentException(name + " takes no value, got " + a);
                String value = a.contains("=") ? a.substring(a.indexOf('=') + 1)
                        : (i + 1 < args.size() && !args.get(i + 1).startsWith("--") ? args.get(++i) : null);
                if (FLAGS.contains(name) && value != null) i--; // a flag takes no value: the next word is read on its own
                switch (name) {
                    case "--pilot" -> {
                        children = SyntheticChildren.PILOT_CHILDREN;
                        campaign = true;
                    }
                    case "--children" -> children = positive(name, value);
                    case "--centers" -> centers = positive(name, value);
                    case "--seed" -> seed = positive(name, value);
                    case "--country" -> country = true;
                    case "--scale" -> scale = fraction(name, value);
                    case "--skip-disk-check" -> skipDiskCheck = true;
                    default -> throw new IllegalArgumentException("Unknown option " + a);
                }
            }
            if (!country && scale != 1) throw new IllegalArgumentException("--scale goes with --country");
            if (country && children > 0) throw new IllegalArgumentException("--country makes its own children: not with --pilot or --children");
            if (country && SyntheticCountry.children(scale) < 1) {
                throw new IllegalArgumentException("--scale " + scale + " is less than one child of the country's 4,000,000");
            }
            if (children == 0 && centers == 0 && !country) throw new IllegalArgumentException("Nothing to generate");
            if (!country && skipDiskCheck) throw new IllegalArgumentException("--skip-disk-check goes with --country");
            return new Options(children, centers, seed, campaign, country ? scale : 0, skipDiskCheck);
        }

        private static double fraction(String name, String value) {
            try {
                double f = Double.parseDouble(value == null ? "" : value);
                if (f > 0 && f <= 2) return f;
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(name + " needs a number above 0 and at most 2, got " + (value == null ? "nothing" : value));
        }

        private static int positive(String name, String value) {
            try {
                int n = Integer.parseInt(value == null ? "" : value.replace("_", "").replace(",", ""));
                if (n > 0) return n;
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(name + " needs a positive whole number, got " + (value == null ? "nothing" : value));
        }
    }

    private final Environment env;
    private final ConfigurableApplicationContext context;
    private final SyntheticChildren children;
    private final SyntheticCenters centers;
    private final SyntheticCountry country;
    private final SyntheticField field;
    private final CountryDiskCheck disk;

    GenerateCommand(Environment env, ConfigurableApplicationContext context, SyntheticChildren children,
            SyntheticCenters centers, SyntheticCountry country, SyntheticField field, CountryDiskCheck disk) {
        this.disk = disk;
        this.country = country;
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
        if (options.country() > 0) {
            var room = disk.room(SyntheticCountry.plan(SyntheticCountry.populations(),
                    SyntheticCountry.children(options.country())), options.seed());
            System.out.println("Disk: " + room.describe());
            if (!room.enough() && !options.skipDiskCheck()) {
                System.err.println("Not enough free disk for this run: free up space at " + room.where() + ", or generate"
                        + " less (--scale), or add --skip-disk-check to start anyway. Nothing was written.");
                System.exit(SpringApplication.exit(context, () -> 3));
                return;
            }
            country.generate(options.country(), options.seed());
        }
        if (options.centers() > 0) centers.generate(options.centers(), options.seed());
        if (options.children() > 0) children.generate(options.children(), options.seed(), options.campaign() ? field : null);
        System.exit(SpringApplication.exit(context, () -> 0));
    }
}
