package org.tonkla.platform.db;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns "the embedded PostgreSQL cannot start" (a second Tonkla on the same data directory or port) into Spring Boot's
 * short "APPLICATION FAILED TO START" report, what happened and what to do, instead of a page of stack trace in which
 * the person starting Tonkla has to find the one line that matters. Registered in META-INF/spring.factories.
 */
public final class EmbeddedDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedDatabase.CannotStart> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedDatabase.CannotStart cause) {
        return new FailureAnalysis(cause.description(), cause.action(), cause);
    }
}
