package io.mmg.gateway.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.Phones;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Payout files an ERP drops into inbox/<client id>/: picked up once, paid, moved, results written. */
class PayoutFileInboxTest extends GatewayApiTest {

    @Autowired
    BatchSettings settings;

    @Test
    void a_dropped_file_is_paid_moved_to_done_and_answered_with_a_result_file() throws IOException {
        UUID clientId = clientOf(apiKey);
        String phone = Phones.uganda();
        drop(clientId, "payroll-nov.csv", PayoutBatchTest.HEADER + "PAY-1," + phone + ",30000,UGX,,Salary\n");

        Path result = settings.outbox().resolve(clientId.toString()).resolve("payroll-nov.result.csv");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(result));

        List<String> lines = Files.readAllLines(result);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("1,PAY-1," + phone + ",30000,UGX,SUCCESSFUL,");
        assertThat(filesIn(settings.dir().resolve("done").resolve(clientId.toString()))).anyMatch(n -> n.startsWith("payroll-nov-"));
        assertThat(Files.exists(settings.inbox().resolve(clientId.toString()).resolve("payroll-nov.csv"))).isFalse();
    }

    @Test
    void the_same_file_dropped_twice_is_paid_once() throws IOException {
        UUID clientId = clientOf(apiKey);
        String phone = Phones.uganda();
        String content = PayoutBatchTest.HEADER + "TWICE-1," + phone + ",30000,UGX,,\n";
        drop(clientId, "vendors.csv", content);
        awaitBatches(clientId, 1);

        drop(clientId, "vendors-again.csv", content);

        Path errors = settings.outbox().resolve(clientId.toString()).resolve("vendors-again.csv.errors.txt");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(errors));
        assertThat(Files.readString(errors)).contains("DUPLICATE_FILE");
        assertThat(filesIn(settings.dir().resolve("failed").resolve(clientId.toString()))).anyMatch(n -> n.startsWith("vendors-again-"));
        await().atMost(Duration.ofSeconds(30)).until(() -> mtn.requests("transfer", phone) == 1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM payment WHERE phone_number = ?", Integer.class, phone)).isEqualTo(1);
    }

    @Test
    void a_file_in_the_folder_of_an_unknown_client_fails_with_a_report() throws IOException {
        UUID stranger = UUID.randomUUID();
        drop(stranger, "who.csv", PayoutBatchTest.HEADER + "X-1," + Phones.uganda() + ",30000,UGX,,\n");

        Path errors = settings.outbox().resolve(stranger.toString()).resolve("who.csv.errors.txt");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(errors));
        assertThat(Files.readString(errors)).contains("not a known client id");
    }

    @Test
    void a_file_whose_read_lock_was_left_by_an_instance_that_died_is_picked_up_by_another() throws IOException {
        UUID clientId = clientOf(apiKey);
        String lockKey = settings.inbox().resolve(clientId.toString()).resolve("orphaned.csv").toAbsolutePath().toString();
        // The lock an instance took an hour ago before it died, never renewed since.
        jdbc.update("INSERT INTO camel_messageprocessed (processorname, messageid, createdat) "
                + "VALUES ('batch-inbox', ?, localtimestamp - interval '1 hour')", lockKey);

        drop(clientId, "orphaned.csv", PayoutBatchTest.HEADER + "ORPHAN-1," + Phones.uganda() + ",30000,UGX,,\n");

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM disbursement_batch WHERE client_id = ? AND file_name = 'orphaned.csv'",
                Integer.class, clientId) == 1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM camel_messageprocessed WHERE messageid = ? "
                + "AND createdat < localtimestamp - interval '30 minutes'", Integer.class, lockKey)).isZero();
    }

    private void drop(UUID clientId, String name, String content) throws IOException {
        Path folder = settings.inbox().resolve(clientId.toString());
        Files.createDirectories(folder);
        // Written aside and moved in, as an ERP should: the gateway never sees half a file.
        Path partial = Files.writeString(folder.getParent().resolve(name + ".part"), content);
        Files.move(partial, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private void awaitBatches(UUID clientId, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM disbursement_batch WHERE client_id = ?", Integer.class, clientId) >= count);
    }

    private UUID clientOf(String key) {
        return jdbc.queryForObject("SELECT client_id FROM api_key WHERE key_hash = ?", UUID.class,
                io.mmg.gateway.security.Secrets.sha256(key));
    }

    private static List<String> filesIn(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

}
