package io.mmg.gateway.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import javax.sql.DataSource;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The shared read lock for dropped files and the batch folders. */
@Configuration(proxyBeanMethods = false)
public class BatchConfiguration {

    /**
     * JDBC idempotent repository as the file read lock: with several gateway instances on one inbox,
     * the one that inserts the file's key first reads it; the others skip it.
     */
    @Bean
    JdbcMessageIdRepository batchInboxLocks(DataSource dataSource, BatchSettings settings) {
        createFolders(settings);
        JdbcMessageIdRepository repository = new JdbcMessageIdRepository(dataSource, "batch-inbox");
        repository.setCreateTableIfNotExists(false);   // Flyway V40 creates it
        return repository;
    }

    private static void createFolders(BatchSettings settings) {
        try {
            Files.createDirectories(settings.inbox());
            Files.createDirectories(settings.outbox());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the batch folders under " + settings.dir(), e);
        }
    }
}
