package org.tonkla.exchange.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.tonkla.exchange.F43Imports;
import org.tonkla.exchange.F43Report;
import org.tonkla.platform.DomainProblem;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./tonkla import f43 FILE.zip… [--report FILE.json]}: imports each zip as a job (resuming one that
 * was interrupted), prints its counts, and writes the report as JSON and the rejected rows as CSV beside
 * it ({@code FILE.rejections.csv}). Runs before {@code import units}, which it leaves alone. Exit code 0
 * when every zip was imported (rows may have been rejected), 2 when a zip could not be read.
 */
@Component
@Order(200)
class ImportF43Command implements ApplicationRunner {

    static final String USAGE = """
            Usage: ./tonkla import f43 FILE.zip… [--report FILE.json]
              FILE.zip   a health unit's 43-file zip (PERSON, ADDRESS, HOME, NUTRITION, EPI, SPECIALPP …)
              --report   write the counts per zip and file as JSON, and every rejected row to FILE.rejections.csv""";

    private final Environment env;
    private final ConfigurableApplicationContext context;
    private final F43Imports imports;
    private final JsonMapper json;

    ImportF43Command(Environment env, ConfigurableApplicationContext context, F43Imports imports, JsonMapper json) {
        this.env = env;
        this.context = context;
        this.imports = imports;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!"import".equals(env.getProperty("tonkla.command"))) return;
        List<String> words = args.getNonOptionArgs();
        if (words.isEmpty() || !words.getFirst().equals("f43")) return;
        if (words.size() < 2) exit(2, USAGE);
        List<F43Report> reports = new ArrayList<>();
        var rejections = new StringBuilder();
        int code = 0;
        for (String name : words.subList(1, words.size())) {
            Path file = Path.of(name);
            try {
                F43Report r = imports.importNow(file.getFileName().toString(), Files.readAllBytes(file),
                        "cli:" + System.getProperty("user.name"));
                reports.add(r);
                String csv = imports.rejectionsCsv(r.jobId());
                rejections.append(rejections.isEmpty() ? csv : csv.substring(csv.indexOf('\n') + 1));
                System.out.println(describe(r));
            } catch (IOException | DomainProblem e) {
                System.err.println(file + " was not imported: " + e.getMessage());
                code = 2;
            }
        }
        String report = args.containsOption("report") ? args.getOptionValues("report").getFirst() : null;
        if (report != null) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("zips", reports);
            Files.writeString(Path.of(report), json.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(body), StandardCharsets.UTF_8);
            Path csv = Path.of(report.replaceFirst("(\\.json)?$", ".rejections.csv"));
            Files.writeString(csv, rejections.isEmpty() ? "zip,file,line,reason,detail\n" : rejections, StandardCharsets.UTF_8);
            System.out.println("Report: " + report + "; rejected rows: " + csv);
        }
        exit(code, null);
    }

    static String describe(F43Report r) {
        var sb = new StringBuilder(r.zip() + ": " + r.status());
        r.files().forEach((file, c) -> sb.append("\n  ").append(file).append(": ").append(c.read()).append(" read, ")
                .append(c.accepted()).append(" accepted, ").append(c.rejected()).append(" rejected ").append(c.rejectedBy())
                .append(", ").append(c.duplicates()).append(" duplicate, ").append(c.skipped()).append(" skipped"));
        sb.append("\n  totals: ").append(r.totals());
        return sb.toString();
    }

    private void exit(int code, String message) {
        if (message != null) (code == 0 ? System.out : System.err).println(message);
        System.exit(SpringApplication.exit(context, () -> code));
    }
}
