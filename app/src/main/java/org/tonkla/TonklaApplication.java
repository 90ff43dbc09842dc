package org.tonkla;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/**
 * Tonkla (ต้นกล้า): Thailand's early-childhood data platform, one deployable split into modules.
 *
 * @see <a href="../../../../../README.md">README: the module map</a>
 */
@Modulithic(sharedModules = "platform")
@SpringBootApplication
public class TonklaApplication {

    public static void main(String[] args) {
        var app = new SpringApplication(TonklaApplication.class);
        var argList = java.util.Arrays.asList(args);
        if (argList.contains("--tonkla.command=generate")) {
            String problem = org.tonkla.demo.GenerateArguments.problem(argList);
            if (problem != null) {
                System.err.println(problem);
                System.exit(2);
            }
        }
        if (argList.contains("--tonkla.command=admin") || argList.contains("--tonkla.command=generate")) {
            // A one-off command on the same database and schema: no demo data, and the web server
            // on a free port so it never collides with a running Tonkla.
            args = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of(
                    "--tonkla.demo.enabled=false", "--server.port=0")).toArray(String[]::new);
        }
        if (argList.contains("--tonkla.command=generate") && argList.stream().noneMatch(a -> a.startsWith("--logging.level.root"))) {
            // The generator's progress lines, not Spring's start-up, on the console (warnings still show).
            args = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of(
                    "--logging.level.root=WARN", "--spring.main.banner-mode=off")).toArray(String[]::new);
        }
        app.run(args);
    }
}
