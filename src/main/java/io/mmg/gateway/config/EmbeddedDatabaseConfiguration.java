package io.mmg.gateway.config;

import com.zaxxer.hikari.HikariDataSource;
import io.mmg.gateway.database.EmbeddedDatabaseLockedException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL (zonky embedded binaries) when no spring.datasource.url is given,
 * so a newcomer needs nothing but a JDK. Any other PostgreSQL is used by setting the URL.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${gateway.embedded-database.data-dir:}") String dataDir)
            throws IOException {
        // Stopped as a bean, after everything that uses it (Quartz, the pool): the library's own JVM shutdown hook
        // ran at the same time as Spring's, so the database went while Quartz still wrote to it.
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setRegisterShutdownHook(false);
        if (!dataDir.isBlank()) {
            Path dir = Path.of(dataDir).toAbsolutePath();
            Files.createDirectories(dir);
            // The library turns synchronous_commit off (fine for throw-away test databases); a database that keeps
            // its data must not lose acknowledged payments when its server is killed.
            builder.setDataDirectory(dir).setCleanDataDirectory(false).setServerConfig("synchronous_commit", "on");
        }
        EmbeddedPostgres postgres;
        try {
            postgres = builder.start();
        } catch (IllegalStateException e) {
            // The library locks <data-dir>/epg-lock while its server runs: another gateway has this folder.
            if (!dataDir.isBlank() && String.valueOf(e.getMessage()).startsWith("could not lock")) {
                throw new EmbeddedDatabaseLockedException(Path.of(dataDir), e);
            }
            throw e;
        }
        log.info("Embedded PostgreSQL listening on 127.0.0.1:{} (data: {})",
                postgres.getPort(), dataDir.isBlank() ? "temporary" : dataDir);
        return postgres;
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
        return DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .driverClassName("org.postgresql.Driver")
                .url(url)
                .username("postgres")
                .password("")
                .build();
    }

}
