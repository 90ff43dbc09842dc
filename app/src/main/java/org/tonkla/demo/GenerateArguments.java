package org.tonkla.demo;

import java.util.List;

/**
 * {@code ./tonkla generate}'s arguments checked before anything starts: a mistyped option is told at once, not after
 * Spring, the embedded database and the migrations have started (half a minute) and the data directory was made.
 */
public final class GenerateArguments {

    private GenerateArguments() {}

    /** What is wrong with {@code args} and how to call the command, or null when they are fine. */
    public static String problem(List<String> args) {
        try {
            GenerateCommand.Options.parse(args);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage() + System.lineSeparator() + GenerateCommand.USAGE;
        }
    }
}
