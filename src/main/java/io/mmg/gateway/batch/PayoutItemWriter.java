package io.mmg.gateway.batch;

import io.mmg.gateway.api.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes checked rows of one batch in JDBC batches. A valid row whose external id the client already
 * uses (earlier in this file, or in another file) is turned into an invalid one by the unique index
 * on (client_id, external_id): the database decides, so two files racing cannot both win.
 */
final class PayoutItemWriter {

    private static final String INSERT = """
            INSERT INTO disbursement_batch_item (batch_id, row_number, client_id, external_id, phone_number, amount,
                                                 currency, provider, narration, status, error_code, error_message)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (client_id, external_id) WHERE status IN ('VALID', 'SUBMITTED', 'REFUSED') DO NOTHING""";

    private final JdbcTemplate jdbc;
    private final UUID batchId;
    private final UUID clientId;
    private int valid;
    private int invalid;

    PayoutItemWriter(JdbcTemplate jdbc, UUID batchId, UUID clientId) {
        this.jdbc = jdbc;
        this.batchId = batchId;
        this.clientId = clientId;
    }

    void write(List<BatchImports.ValidatedRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int[] inserted = jdbc.batchUpdate(INSERT, rows.stream().map(this::values).toList());
        List<BatchImports.ValidatedRow> duplicates = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (inserted[i] == 0) {
                duplicates.add(rows.get(i));
            } else if (rows.get(i).verdict().isValid()) {
                valid++;
            } else {
                invalid++;
            }
        }
        if (!duplicates.isEmpty()) {
            jdbc.batchUpdate(INSERT, duplicates.stream().map(this::duplicateValues).toList());
            invalid += duplicates.size();
        }
    }

    int valid() {
        return valid;
    }

    int invalid() {
        return invalid;
    }

    private Object[] values(BatchImports.ValidatedRow validated) {
        PayoutRow row = validated.row();
        PayoutRowValidator.Verdict verdict = validated.verdict();
        String currency = verdict.isValid() ? verdict.request().currency() : row.currency();
        return new Object[] {batchId, row.rowNumber(), clientId, row.externalId(), row.phoneNumber(), row.amount(),
                currency, row.provider(), row.narration(), verdict.isValid() ? "VALID" : "INVALID",
                verdict.errorCode(), verdict.errorMessage()};
    }

    /** Invalid rows never hit the partial unique index, so this insert always succeeds. */
    private Object[] duplicateValues(BatchImports.ValidatedRow validated) {
        Object[] values = values(validated);
        values[9] = "INVALID";
        values[10] = ErrorCode.DUPLICATE_EXTERNAL_ID.name();
        values[11] = "external_id " + validated.row().externalId()
                + " is already used by this client (earlier in this file or in another payout)";
        return values;
    }
}
