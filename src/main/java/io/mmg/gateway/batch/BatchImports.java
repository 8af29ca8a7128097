package io.mmg.gateway.batch;

import io.mmg.gateway.payment.PaymentRequest;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads a payout file into a batch: every row is checked and stored (valid or with its error) before
 * any money moves, in one transaction, streaming: rows are written in chunks, so memory does not grow
 * with the file. Duplicates (within the file, across the client's files, or the same file again) are
 * refused here.
 */
@Component
public class BatchImports {

    static final int CHUNK = 1000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final PayoutRowValidator validator;
    private final BatchSettings settings;

    public BatchImports(JdbcTemplate jdbc, TransactionTemplate transaction, PayoutRowValidator validator,
                        BatchSettings settings) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.validator = validator;
        this.settings = settings;
    }

    /**
     * @param requireApproval null = the configured default
     * @throws CsvFormatException when the file is not a payout file at all (nothing is stored)
     */
    public BatchSummary importCsv(UUID clientId, String source, String fileName, InputStream content,
                                  Boolean requireApproval) {
        boolean approval = requireApproval != null ? requireApproval : settings.requireApproval();
        return transaction.execute(status -> read(clientId, source, fileName, content, approval));
    }

    private BatchSummary read(UUID clientId, String source, String fileName, InputStream content, boolean approval) {
        UUID batchId = UUID.randomUUID();
        jdbc.update("INSERT INTO disbursement_batch (id, client_id, source, file_name, status) VALUES (?, ?, ?, ?, ?)",
                batchId, clientId, source, fileName, BatchStatus.VALIDATING.name());

        MessageDigest sha256 = sha256();
        // Strict: a file that is not UTF-8 (UTF-16, a spreadsheet, binary) is refused, never read with replacement characters.
        CsvReader csv = new CsvReader(new BufferedReader(new InputStreamReader(new DigestInputStream(content, sha256),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)), 64 * 1024));
        PayoutFileFormat format = PayoutFileFormat.fromHeader(csv.next());
        PayoutItemWriter items = new PayoutItemWriter(jdbc, batchId, clientId);

        List<ValidatedRow> chunk = new ArrayList<>(CHUNK);
        int rowNumber = 0;
        for (List<String> fields = csv.next(); fields != null; fields = csv.next()) {
            rowNumber++;
            if (rowNumber > settings.maxRows()) {
                throw new CsvFormatException("The file has more than " + settings.maxRows() + " rows");
            }
            PayoutRow row = format.row(rowNumber, fields);
            chunk.add(new ValidatedRow(row, validator.validate(row)));
            if (chunk.size() == CHUNK) {
                items.write(chunk);
                chunk.clear();
            }
        }
        items.write(chunk);
        if (rowNumber == 0) {
            throw new CsvFormatException("The file has a header but no rows");
        }
        return finish(batchId, clientId, HexFormat.of().formatHex(sha256.digest()), rowNumber, items, approval);
    }

    private BatchSummary finish(UUID batchId, UUID clientId, String fileHash, int total, PayoutItemWriter items,
                                boolean approval) {
        List<UUID> sameFile = jdbc.queryForList(
                "SELECT id FROM disbursement_batch WHERE client_id = ? AND file_sha256 = ?", UUID.class, clientId, fileHash);
        BatchStatus status;
        String reason = null;
        if (!sameFile.isEmpty()) {
            status = BatchStatus.REJECTED;
            reason = "DUPLICATE_FILE: the same file was already received as batch " + sameFile.get(0);
            fileHash = null;   // keep the first batch the owner of this content
        } else if (items.valid() == 0) {
            status = BatchStatus.REJECTED;
            reason = "NO_VALID_ROWS";
        } else if (items.invalid() > 0 && settings.rejectFileWithInvalidRows()) {
            status = BatchStatus.REJECTED;
            reason = "INVALID_ROWS: " + items.invalid() + " row(s) are invalid and gateway.batches.reject-file-with-invalid-rows is on";
        } else {
            status = approval ? BatchStatus.AWAITING_APPROVAL : BatchStatus.PROCESSING;
        }
        if (status == BatchStatus.REJECTED) {
            // Nothing of a rejected file is paid; its external ids are free for a corrected file.
            jdbc.update("UPDATE disbursement_batch_item SET status = 'SKIPPED' WHERE batch_id = ? AND status = 'VALID'", batchId);
        }
        jdbc.update("""
                UPDATE disbursement_batch SET status = ?, status_reason = ?, file_sha256 = ?, total_rows = ?,
                       valid_rows = ?, invalid_rows = ?, completed_at = CASE WHEN ? THEN now() END
                 WHERE id = ?""", status.name(), reason, fileHash, total, items.valid(), items.invalid(),
                status == BatchStatus.REJECTED, batchId);
        return new BatchSummary(batchId, clientId, status, reason, total, items.valid(), items.invalid());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record ValidatedRow(PayoutRow row, PayoutRowValidator.Verdict verdict) {
        PaymentRequest request() {
            return verdict.request();
        }
    }
}
