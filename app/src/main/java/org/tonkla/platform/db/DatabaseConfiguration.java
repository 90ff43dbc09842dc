package org.tonkla.platform.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tonkla.platform.TonklaProperties;

/**
 * One DataSource for the whole application: the external PostgreSQL named by {@code TONKLA_DB_URL},
 * or else the embedded one. Flyway builds the same schema on either.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(TonklaProperties properties) {
        var db = properties.db();
        var config = new HikariConfig();
        config.setPoolName("tonkla");
        config.setMaximumPoolSize(20);
        if (db.external()) {
            config.setJdbcUrl(db.url());
            config.setUsername(db.user());
            config.setPassword(db.password());
        } else {
            EmbeddedDatabase.EmbeddedServer embedded = db.ephemeral()
                    ? EmbeddedDatabase.ephemeral()
                    : EmbeddedDatabase.persistent(properties.dataDir().resolve("postgres"), db.embeddedPort());
            config.setJdbcUrl(embedded.jdbcUrl());
            config.setUsername(EmbeddedDatabase.USER);
        }
        return new HikariDataSource(config);
    }
}
