package org.tonkla.identity.internal;

import java.io.Console;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.tonkla.identity.Accounts;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;
import org.tonkla.identity.Scope;

/**
 * The first administrator of an installation without demo data. Either {@code TONKLA_ADMIN_USERNAME}
 * and {@code TONKLA_ADMIN_PASSWORD} at start-up, or {@code ./tonkla admin create USER}. There is no
 * default password.
 */
@Component
@Order(100)
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);
    private final Accounts accounts;
    private final Environment env;

    FirstAdministrator(Accounts accounts, Environment env) {
        this.accounts = accounts;
        this.env = env;
    }

    @Override
    public void run(ApplicationArguments args) {
        if ("admin".equals(env.getProperty("tonkla.command"))) {
            runCommand(args.getNonOptionArgs());
            return;
        }
        String username = env.getProperty("TONKLA_ADMIN_USERNAME");
        String password = env.getProperty("TONKLA_ADMIN_PASSWORD");
        if (username != null && password != null && !accounts.exists(username)) {
            create(username, password);
            log.info("Created administrator {} from TONKLA_ADMIN_USERNAME", username);
        }
    }

    private void runCommand(java.util.List<String> words) {
        if (words.size() != 2 || !words.get(0).equals("create")) {
            System.err.println("Usage: ./tonkla admin create USERNAME   (password from TONKLA_ADMIN_PASSWORD or asked)");
            System.exit(2);
        }
        String username = words.get(1);
        String password = env.getProperty("TONKLA_ADMIN_PASSWORD");
        if (password == null) {
            Console console = System.console();
            if (console == null) {
                System.err.println("No terminal to ask for the password: set TONKLA_ADMIN_PASSWORD.");
                System.exit(2);
            }
            char[] first = console.readPassword("Password for %s (at least 10 characters): ", username);
            char[] again = console.readPassword("Again: ");
            if (!Arrays.equals(first, again)) {
                System.err.println("The two passwords differ; nothing was created.");
                System.exit(2);
            }
            password = new String(first);
        }
        try {
            create(username, password);
            System.out.println("Administrator " + username + " created.");
            System.exit(0);
        } catch (org.tonkla.platform.InvalidInput e) {
            System.err.println(switch (e.field()) {
                case "username.taken" -> "User " + username + " already exists; nothing was created.";
                case "password" -> "The password must have at least 10 characters; nothing was created.";
                default -> "The username must be 3–64 characters of a-z, 0-9, '.', '_' or '-'; nothing was created.";
            });
            System.exit(2);
        }
    }

    private void create(String username, String password) {
        accounts.create(new Accounts.AccountForm(username, username, Role.ADMINISTRATOR,
                new Scope(null, OrgUnit.country()), password, true), false);
    }
}
