package org.tonkla.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where read-only aggregate queries go (dashboards, open data): a PostgreSQL streaming replica named by
 * {@code TONKLA_DB_REPLICA_URL} ({@code tonkla.db.replica-url}), or else the primary. Only for reads that may lag
 * the primary by the replication delay (seconds) and touch no personal data: the aggregate cells are refreshed
 * minutes after a write anyway. The pool is not a DataSource bean, so Spring's single-DataSource wiring (Flyway,
 * transactions, JdbcClient) stays on the primary.
 */
@Component
public class ReadReplica implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReadReplica.class);
    private final JdbcClient jdbc;
    private final HikariDataSource pool;

    ReadReplica(JdbcClient primary, TonklaProperties properties,
            @Value("${tonkla.db.replica-url:${TONKLA_DB_REPLICA_URL:}}") String url) {
        if (url == null || url.isBlank()) {
            this.pool = null;
            this.jdbc = primary;
            return;
        }
        var config = new HikariConfig();
        config.setPoolName("tonkla-replica");
        config.setMaximumPoolSize(10);
        config.setReadOnly(true);
        config.setInitializationFailTimeout(-1); // a node may start before its replica is up
        config.setJdbcUrl(url);
        var db = properties.db();
        config.setUsername(db.user() == null || db.user().isBlank() ? "postgres" : db.user());
        if (db.password() != null && !db.password().isBlank()) config.setPassword(db.password());
        config.addDataSourceProperty("ApplicationName", "tonkla-replica-reads");
        this.pool = new HikariDataSource(config);
        this.jdbc = JdbcClient.create(pool);
        log.info("Dashboards and open data read from the replica {}", url.replaceAll("password=[^&]*", "password=***"));
    }

    /** The client for replica-safe reads: the replica's when one is configured, else the primary's. */
    public JdbcClient jdbc() {
        return jdbc;
    }

    /** Whether reads go to a replica. */
    public boolean configured() {
        return pool != null;
    }

    @Override
    public void destroy() {
        if (pool != null) pool.close();
    }
}
