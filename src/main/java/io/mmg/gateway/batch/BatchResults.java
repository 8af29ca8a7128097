package io.mmg.gateway.batch;

import io.mmg.gateway.api.CsvLines;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The result file of a batch: one line per row of the original file with what became of it
 * (row, external id, status, provider transaction id, reason). Streamed from the database, so its
 * size does not matter. Written to outbox/&lt;client&gt;/ when the batch ends, and downloadable any time.
 */
@Component("batchResults")
public class BatchResults {

    static final String HEADER = "row,external_id,phone_number,amount,currency,status,payment_id,provider_transaction_id,reason";

    private final JdbcTemplate jdbc;
    private final BatchSettings settings;

    public BatchResults(JdbcTemplate jdbc, BatchSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    public void write(UUID batchId, Writer out) {
        try {
            out.write(HEADER);
            out.write('\n');
            jdbc.query(connection -> {
                var statement = connection.prepareStatement("""
                        SELECT i.row_number, i.external_id, i.phone_number, i.amount, i.currency, i.status AS item_status,
                               i.error_code, p.id AS payment_id, p.status AS payment_status, p.reason,
                               p.financial_transaction_id
                          FROM disbursement_batch_item i LEFT JOIN payment p ON p.id = i.payment_id
                         WHERE i.batch_id = ? ORDER BY i.row_number""");
                statement.setObject(1, batchId);
                statement.setFetchSize(1000);
                return statement;
            }, row -> {
                String itemStatus = row.getString("item_status");
                String paymentStatus = row.getString("payment_status");
                boolean followsPayment = "SUBMITTED".equals(itemStatus) && paymentStatus != null;
                String status = followsPayment ? paymentStatus : "VALID".equals(itemStatus) ? "QUEUED" : itemStatus;
                String reason = followsPayment ? row.getString("reason") : row.getString("error_code");
                CsvLines.write(out, String.valueOf(row.getInt("row_number")), row.getString("external_id"), row.getString("phone_number"),
                        row.getString("amount"), row.getString("currency"), status,
                        followsPayment ? row.getString("payment_id") : null,
                        followsPayment ? row.getString("financial_transaction_id") : null, reason);
            });
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the result file of a finished batch to the outbox and remembers where. */
    public void publish(UUID batchId) {
        var batch = jdbc.queryForMap("SELECT client_id, file_name FROM disbursement_batch WHERE id = ?", batchId);
        Path folder = settings.outbox().resolve(batch.get("client_id").toString());
        String base = BatchFileNames.resultBaseName((String) batch.get("file_name"), batchId);
        Path target = folder.resolve(base + ".result.csv");
        try {
            Files.createDirectories(folder);
            Path partial = folder.resolve(base + ".result.csv.part");
            try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                write(batchId, out);
            }
            // Appears complete or not at all, for an ERP watching the folder.
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jdbc.update("UPDATE disbursement_batch SET result_file = ? WHERE id = ?", target.toString(), batchId);
    }
}
