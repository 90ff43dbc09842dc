package org.tonkla.directory.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.tonkla.directory.UnitImportPreview;
import org.tonkla.platform.InvalidInput;

/**
 * {@code ./tonkla import units FILE.csv [--dry-run | --yes]}: checks a list of units (the MOPH registry's
 * health_office.csv, Tonkla's own list or the centers and schools template), prints what it would
 * change, and applies it after a yes (asked on a terminal, or {@code --yes}). Bad rows are listed and
 * nothing changes; exit code 2.
 */
@Component
@Order(210)
class ImportUnitsCommand implements ApplicationRunner {

    static final String USAGE = """
            Usage: ./tonkla import units FILE.csv [--dry-run | --yes]
              FILE.csv   the MOPH registry's health_office.csv (hcode.moph.go.th), Tonkla's health-unit list
                         (hospcode,name_th,type_code,province_code,district_code,subdistrict_code,…) or the
                         centers and schools template (%s)
              --dry-run  only show what would change
              --yes      apply without asking""".formatted(UnitFiles.TEMPLATE_HEADER);

    private final Environment env;
    private final ConfigurableApplicationContext context;
    private final UnitLists lists;

    ImportUnitsCommand(Environment env, ConfigurableApplicationContext context, UnitLists lists) {
        this.env = env;
        this.context = context;
        this.lists = lists;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!"import".equals(env.getProperty("tonkla.command"))) return;
        List<String> words = args.getNonOptionArgs();
        if (words.size() != 2 || !words.get(0).equals("units")) exit(2, USAGE);
        Path file = Path.of(words.get(1));
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            exit(2, "Cannot read " + file + ": " + e.getMessage());
            return;
        }
        String name = file.getFileName().toString();
        try {
            UnitImportPreview preview = lists.dryRun(name, content);
            System.out.println(describe(preview));
            if (preview.changes().isEmpty()) exit(0, "Nothing to change.");
            if (args.containsOption("dry-run")) exit(0, "Dry run: nothing was changed.");
            if (!args.containsOption("yes")) {
                var console = System.console();
                if (console == null) exit(2, "Nothing was changed: run again with --yes to apply.");
                String answer = console.readLine("Apply these changes? [y/N] ");
                if (answer == null || !answer.strip().toLowerCase().startsWith("y")) exit(1, "Nothing was changed.");
            }
            UnitImportPreview done = lists.importNow(name, content, "cli:" + System.getProperty("user.name"));
            exit(0, "Applied: " + done.summary());
        } catch (InvalidInput e) {
            var sb = new StringBuilder(name + " was not imported; nothing was changed. Fix these rows:\n");
            e.errors().forEach(f -> sb.append("  ").append(f.field()).append(": expected ").append(f.expected()).append('\n'));
            exit(2, sb.toString().stripTrailing());
        }
    }

    static String describe(UnitImportPreview p) {
        var sb = new StringBuilder(p.fileName() + " (" + p.format() + ", " + p.rows() + " rows): " + p.summary());
        int shown = 0;
        for (var c : p.changes()) {
            if (shown++ == 50) {
                sb.append("\n  … and ").append(p.changes().size() - 50).append(" more");
                break;
            }
            sb.append("\n  ").append(c.kind()).append(" row ").append(c.row()).append(' ').append(c.code()).append(' ')
                    .append(c.nameTh()).append(c.oldValue() == null ? ": " : ": " + c.oldValue() + " -> ").append(c.newValue());
        }
        return sb.toString();
    }

    private void exit(int code, String message) {
        (code == 0 ? System.out : System.err).println(message);
        System.exit(SpringApplication.exit(context, () -> code));
    }
}
