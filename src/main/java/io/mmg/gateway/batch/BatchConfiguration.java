package io.mmg.gateway.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcOrphanLockAwareIdempotentRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The shared read lock for dropped files and the batch folders. */
@Configuration(proxyBeanMethods = false)
public class BatchConfiguration {

    /**
     * An instance renews the read locks of the files it is reading this often; a lock not renewed for
     * {@link #ORPHAN_LOCK_AGE} was left by an instance that died, and another instance takes the file over.
     * The ages are compared on the instances' clocks, so they must agree to well within the difference.
     */
    static final Duration LOCK_RENEWAL = Duration.ofSeconds(30);
    static final Duration ORPHAN_LOCK_AGE = Duration.ofMinutes(2);

    /**
     * JDBC idempotent repository as the file read lock: with several gateway instances on one inbox,
     * the one that inserts the file's key first reads it; the others skip it while its lock is renewed.
     * Two instances that take over the same orphaned lock at once cannot both store the file: a batch's
     * file hash is unique per client (V40).
     */
    @Bean
    JdbcOrphanLockAwareIdempotentRepository batchInboxLocks(DataSource dataSource, CamelContext camelContext,
                                                            BatchSettings settings) {
        createFolders(settings);
        JdbcOrphanLockAwareIdempotentRepository repository =
                new JdbcOrphanLockAwareIdempotentRepository(dataSource, "batch-inbox", camelContext);
        repository.setCreateTableIfNotExists(false);   // Flyway V40 creates it
        repository.setLockKeepAliveIntervalMillis(LOCK_RENEWAL.toMillis());
        repository.setLockMaxAgeMillis(ORPHAN_LOCK_AGE.toMillis());
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
