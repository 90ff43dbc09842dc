package org.tonkla.registry.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.Role;
import org.tonkla.platform.DomainProblem;

/**
 * How many identity look-ups (registration or search by national ID or G-code) a user makes per
 * hour: a recorder registers a class in a morning, an attacker tries thousands of identifiers or
 * birthdays. Counted in PostgreSQL so every node sees the same count. Surveyors have an allowance of their own
 * ({@code tonkla.registry.surveyor-identity-lookups-per-hour}): in a home-visit campaign (issue 11) one surveyor
 * registers every child found in a village in a day, far more than a recorder's class, and their accounts are
 * already limited to their campaigns' areas and period.
 */
@Component
public class LookupQuota {

    /** Too many identity look-ups this hour: 429. */
    public static final class Exhausted extends DomainProblem {
        public Exhausted() {
            super("registry.error.lookupQuota", "Too many look-ups by national ID or G-code this hour; try again later");
        }

        @Override
        public int status() {
            return 429;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int perHour;
    private final int surveyorPerHour;
    private final TransactionTemplate ownTransaction;

    LookupQuota(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions,
            @Value("${tonkla.registry.identity-lookups-per-hour:60}") int perHour,
            @Value("${tonkla.registry.surveyor-identity-lookups-per-hour:300}") int surveyorPerHour) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.perHour = perHour;
        this.surveyorPerHour = surveyorPerHour;
    }

    /** Counts one look-up by {@code user}; throws {@link Exhausted} past the hourly quota. */
    public void spend(CurrentUser user) {
        Instant window = Instant.now(clock).truncatedTo(ChronoUnit.HOURS);
        // In its own transaction, so a request that fails later (rolled back) still counts.
        Integer used = ownTransaction.execute(status -> jdbc.sql("""
                INSERT INTO identity_lookup (user_id, window_start, lookups) VALUES (?, ?, 1)
                ON CONFLICT (user_id, window_start) DO UPDATE SET lookups = identity_lookup.lookups + 1
                RETURNING lookups""")
                .params(user.id(), Timestamp.from(window)).query(Integer.class).single());
        int allowed = user.role() == Role.SURVEYOR ? surveyorPerHour : perHour;
        if (used != null && used > allowed) throw new Exhausted();
    }
}
