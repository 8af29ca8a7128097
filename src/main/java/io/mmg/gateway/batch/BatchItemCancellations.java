package io.mmg.gateway.batch;

import io.mmg.gateway.api.ApiException;
import io.mmg.gateway.api.ErrorCode;
import io.mmg.gateway.api.ExchangeProperties;
import io.mmg.gateway.api.JsonReplies;
import io.mmg.gateway.security.AuthenticatedClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * POST /disbursement-batches/{id}/items/{row}/cancel (docs/cancellation.md): a row not sent yet (VALID, not
 * claimed by the payout worker) of a batch that still pays becomes SKIPPED with error code CANCELLED. One
 * conditional update: the worker claims rows with FOR UPDATE SKIP LOCKED and only VALID ones, so a row is either
 * cancelled or sent, never both. A row already sent cannot be taken back (409 PAYOUT_ALREADY_SENT).
 */
@Component("batchItemCancellations")
public class BatchItemCancellations {

    static final String MESSAGE = "Cancelled on request before it was sent";

    private final JdbcTemplate jdbc;
    private final JsonReplies replies;

    public BatchItemCancellations(JdbcTemplate jdbc, JsonReplies replies) {
        this.jdbc = jdbc;
        this.replies = replies;
    }

    public void cancel(Exchange exchange) {
        UUID clientId = exchange.getProperty(ExchangeProperties.CLIENT, AuthenticatedClient.class).id();
        UUID batchId = batchId(exchange.getMessage().getHeader("id", String.class));
        int row = row(exchange.getMessage().getHeader("row", String.class));
        int changed = jdbc.update("""
                UPDATE disbursement_batch_item i
                   SET status = 'SKIPPED', error_code = 'CANCELLED', error_message = ?
                  FROM disbursement_batch b
                 WHERE b.id = i.batch_id AND b.id = ? AND b.client_id = ? AND i.row_number = ?
                   AND b.status IN ('AWAITING_APPROVAL', 'PROCESSING', 'PAUSED')
                   AND i.status = 'VALID' AND i.payment_id IS NULL
                   AND (i.claimed_until IS NULL OR i.claimed_until < now())""", MESSAGE, batchId, clientId, row);
        Map<String, Object> item = item(batchId, clientId, row);
        if (changed == 0) {
            throw refusal(item, batchId, row);
        }
        replies.reply(exchange, 200, view(item));
    }

    private Map<String, Object> item(UUID batchId, UUID clientId, int row) {
        List<Map<String, Object>> found = jdbc.queryForList("""
                SELECT b.status AS batch_status, i.row_number, i.external_id, i.status, i.error_code, i.error_message,
                       i.payment_id, i.claimed_until > now() AS being_sent
                  FROM disbursement_batch b
                  LEFT JOIN disbursement_batch_item i ON i.batch_id = b.id AND i.row_number = ?
                 WHERE b.id = ? AND b.client_id = ?""", row, batchId, clientId);
        if (found.isEmpty()) {
            throw new ApiException(ErrorCode.BATCH_NOT_FOUND, "No payout batch with this id", Map.of("id", batchId.toString()));
        }
        return found.get(0);
    }

    private static ApiException refusal(Map<String, Object> item, UUID batchId, int row) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("id", batchId.toString());
        details.put("row", row);
        if (item.get("status") == null) {
            return new ApiException(ErrorCode.BATCH_NOT_FOUND, "The batch has no row " + row, details);
        }
        String status = (String) item.get("status");
        details.put("status", status);
        details.put("batchStatus", item.get("batch_status"));
        if ("SUBMITTED".equals(status) || item.get("payment_id") != null || Boolean.TRUE.equals(item.get("being_sent"))) {
            details.put("paymentId", item.get("payment_id") == null ? null : item.get("payment_id").toString());
            return new ApiException(ErrorCode.PAYOUT_ALREADY_SENT, "This row is being paid or was paid already; the "
                    + "provider cannot take a payout back", details);
        }
        if ("VALID".equals(status)) {
            return new ApiException(ErrorCode.BATCH_STATE_CONFLICT, "A " + item.get("batch_status")
                    + " batch has no row left to cancel", details);
        }
        return new ApiException(ErrorCode.BATCH_STATE_CONFLICT, "This row is " + status + "; only a row waiting "
                + "to be paid (VALID) can be cancelled", details);
    }

    private static Map<String, Object> view(Map<String, Object> item) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("row", item.get("row_number"));
        view.put("externalId", item.get("external_id"));
        view.put("status", item.get("status"));
        view.put("errorCode", item.get("error_code"));
        view.put("errorMessage", item.get("error_message"));
        return view;
    }

    private static UUID batchId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ApiException(ErrorCode.BATCH_NOT_FOUND, "No payout batch with this id", Map.of("id", String.valueOf(id)));
        }
    }

    private static int row(String row) {
        try {
            int parsed = Integer.parseInt(row);
            if (parsed >= 1) {
                return parsed;
            }
        } catch (NumberFormatException | NullPointerException ignored) {
            // answered below
        }
        throw ApiException.invalidField("row", "row must be a row number of the file, from 1");
    }
}
