package org.tonkla.consent;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code ./tonkla audit verify | head}: checks the access log's hash chains and prints their heads
 * for publication. Exit status 0 when clean, 1 when something was found, 2 for a usage error.
 */
@Component
@Order(200)
class AuditCommand implements ApplicationRunner {

    static final String USAGE = """
            Usage: ./tonkla audit verify [--province CODE] [--heads FILE]
                     recompute every hash chain of the access log and report each altered, inserted or
                     deleted entry by chain, seq and entry id; --heads also checks heads published earlier
                     (a file written by 'audit head --json')
                   ./tonkla audit head [--json]
                     the last seq and hash of each chain and one digest of them all, the line to publish""";

    private final Environment env;
    private final ConfigurableApplicationContext context;
    private final AccessLogChains chains;
    private final Clock clock;

    AuditCommand(Environment env, ConfigurableApplicationContext context, AccessLogChains chains, Clock clock) {
        this.env = env;
        this.context = context;
        this.chains = chains;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!"audit".equals(env.getProperty("tonkla.command"))) return;
        int status = run(List.of(args.getSourceArgs()), System.out, System.err);
        System.exit(SpringApplication.exit(context, () -> status));
    }

    /** Runs the command the launcher's words ask for; options as {@code --name value} or {@code --name=value}. */
    int run(List<String> args, PrintStream out, PrintStream err) {
        var words = new ArrayList<String>();
        var options = new HashMap<String, String>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--tonkla.") || a.startsWith("--spring.") || a.startsWith("--server.")
                    || a.startsWith("--logging.")) continue;
            if (!a.startsWith("--")) {
                words.add(a);
                continue;
            }
            String name = a.contains("=") ? a.substring(2, a.indexOf('=')) : a.substring(2);
            boolean flag = name.equals("json");
            String value = a.contains("=") ? a.substring(a.indexOf('=') + 1)
                    : (flag || i + 1 >= args.size() ? "" : args.get(++i));
            options.put(name, value);
        }
        String command = words.size() == 1 ? words.getFirst() : "";
        if (command.equals("verify") && options.keySet().stream().allMatch(o -> o.equals("province") || o.equals("heads"))) {
            return verify(options.get("province"), options.containsKey("heads") ? Path.of(options.get("heads")) : null, out, err);
        }
        if (command.equals("head") && options.keySet().stream().allMatch(o -> o.equals("json"))) {
            return head(options.containsKey("json"), out);
        }
        err.println(USAGE);
        return 2;
    }

    int verify(String province, Path publishedHeads, PrintStream out, PrintStream err) {
        List<AccessLogChains.Head> published = List.of();
        if (publishedHeads != null) {
            try {
                published = AccessLogChains.parseHeads(JsonMapper.builder().build().readTree(Files.readString(publishedHeads)));
            } catch (IOException | RuntimeException e) {
                err.println("Cannot read the published heads in " + publishedHeads + ": " + e.getMessage());
                return 2;
            }
            out.println("published heads: " + published.size() + " chains, digest " + AccessLogChains.digest(published)
                    + " (compare with the line that was published)");
        }
        long started = System.nanoTime();
        var summary = chains.verify(province, new AccessLogChains.Listener() {
            private long lastReport = System.nanoTime();

            @Override
            public void problem(AccessLogChains.Problem problem) {
                out.println(problem);
            }

            @Override
            public void progress(long checked, long estimated) {
                if (System.nanoTime() - lastReport < 2_000_000_000L) return;
                lastReport = System.nanoTime();
                err.printf("… %,d of about %,d entries checked%n", checked, estimated);
            }
        });
        long headProblems = chains.checkPublished(published, out::println);
        long problems = summary.problems() + headProblems;
        out.printf("%s: %,d entries in %d chains checked in %.1f s, %,d problems%n", problems == 0 ? "OK" : "TAMPERED",
                summary.entries(), summary.chains(), (System.nanoTime() - started) / 1e9, problems);
        return problems == 0 ? 0 : 1;
    }

    int head(boolean json, PrintStream out) {
        var heads = chains.heads();
        String digest = AccessLogChains.digest(heads);
        Instant at = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
        if (json) {
            var mapper = JsonMapper.builder().build();
            ObjectNode root = mapper.createObjectNode();
            root.put("format", "tonkla-access-log-heads-v1");
            root.put("takenAt", at.toString());
            var list = root.putArray("chains");
            for (var h : heads) list.addObject().put("chain", h.chain()).put("seq", h.seq()).put("hash", h.hex());
            root.put("digest", digest);
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } else {
            for (var h : heads) out.printf("chain %s  seq %d  hash %s%n", h.chain(), h.seq(), h.hex());
            out.printf("tonkla access-log heads %s: %d chains, sha256 %s%n", at, heads.size(), digest);
        }
        return 0;
    }
}
