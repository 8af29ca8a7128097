package io.mmg.gateway.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The gateway's waits on PostgreSQL (gateway.database.*, docs/reliability.md): bounds on the pool, a start-up
 * that waits for the database, and migrations on a connection of their own.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    /** Static and bound from the environment: a post-processor is created before the other beans. */
    @Bean
    static DatabaseBounds databaseBounds(Environment environment) {
        return new DatabaseBounds(Binder.get(environment)
                .bindOrCreate("gateway.database", DatabaseSettings.class));
    }

    /**
     * Migrations run on their own connection, not on the pool, so the pool's statement_timeout and lock_timeout
     * do not cut a migration that rewrites a large table, and nothing they set stays on a pooled connection.
     */
    @Bean
    FlywayConfigurationCustomizer migrationsOnTheirOwnConnection(HikariDataSource pool) {
        return configuration -> configuration.dataSource(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
    }

    @Bean
    FlywayMigrationStrategy waitForDatabaseThenMigrate(HikariDataSource pool, DatabaseSettings settings) {
        return new DatabaseStartupWait(DatabaseAddress.of(pool), settings.startupWait(), settings.connectionTimeout());
    }
}
