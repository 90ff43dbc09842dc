package org.tonkla.platform.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tonkla.platform.TonklaProperties;

/**
 * One DataSource for the whole application: the external PostgreSQL named by {@code TONKLA_DB_URL},
 * or else the embedded one. Flyway builds the same schema on either.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    /**
     * The embedded server, when no external database is configured. As a bean it stops after the
     * pool that uses it has closed, so Ctrl-C ends the connections first and PostgreSQL last.
     */
    @Bean(destroyMethod = "close")
    EmbeddedDatabase.EmbeddedServer embeddedDatabase(TonklaProperties properties) {
        var db = properties.db();
        if (db.external()) return EmbeddedDatabase.EmbeddedServer.NONE;
        return db.ephemeral()
                ? EmbeddedDatabase.ephemeral()
                : EmbeddedDatabase.persistent(properties.dataDir().resolve("postgres"), db.embeddedPort(), db.embeddedStartupWait());
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(TonklaProperties properties, ObjectProvider<EmbeddedDatabase.EmbeddedServer> embedded,
            @org.springframework.beans.factory.annotation.Value("${tonkla.db.pool-size:20}") int poolSize) {
        var db = properties.db();
        var config = new HikariConfig();
        config.setPoolName("tonkla");
        // TONKLA_DB_POOL_SIZE: more connections than a few per core only queue inside PostgreSQL (bench/README.md).
        config.setMaximumPoolSize(poolSize);
        if (db.external()) {
            config.setJdbcUrl(db.url());
            config.setUsername(db.user());
            config.setPassword(db.password());
        } else {
            config.setJdbcUrl(embedded.getObject().jdbcUrl());
            config.setUsername(EmbeddedDatabase.USER);
        }
        return new HikariDataSource(config);
    }
}
