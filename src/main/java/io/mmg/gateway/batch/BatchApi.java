package io.mmg.gateway.batch;

import io.mmg.gateway.api.ApiException;
import io.mmg.gateway.api.ErrorCode;
import io.mmg.gateway.api.ExchangeProperties;
import io.mmg.gateway.api.JsonReplies;
import io.mmg.gateway.api.ReplyHeaders;
import io.mmg.gateway.security.AuthenticatedClient;
import java.io.InputStream;
import java.io.StringWriter;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The payout batch API (routes/batches.yaml): upload, status and progress, rows, approval, results. */
@Component("batchApi")
public class BatchApi {

    private static final int ERRORS_IN_UPLOAD_ANSWER = 20;

    private final BatchImports imports;
    private final BatchResults results;
    private final JdbcTemplate jdbc;
    private final JsonReplies replies;

    public BatchApi(BatchImports imports, BatchResults results, JdbcTemplate jdbc, JsonReplies replies) {
        this.imports = imports;
        this.results = results;
        this.jdbc = jdbc;
        this.replies = replies;
    }

    /** POST /disbursement-batches: the CSV is the body; ?approval=required|none overrides the default. */
    public void upload(Exchange exchange) {
        AuthenticatedClient client = client(exchange);
        InputStream body = exchange.getMessage().getBody(InputStream.class);
        if (body == null) {
            throw new ApiException(ErrorCode.INVALID_FILE, "The request body is empty: send the payout file (CSV) as the body");
        }
        String name = BatchFileNames.checked(exchange.getMessage().getHeader("fileName", String.class));
        BatchSummary summary = imports.importCsv(client.id(), "API", name, body, approval(exchange));
        Map<String, Object> view = view(summary.batchId(), client.id());
        view.put("invalidRowsSample", items(summary.batchId(), "INVALID", 0, ERRORS_IN_UPLOAD_ANSWER));
        replies.reply(exchange, 201, view);
    }

    /** GET /disbursement-batches/{id}. */
    public void status(Exchange exchange) {
        replies.reply(exchange, 200, view(batchId(exchange), client(exchange).id()));
    }

    /** GET /disbursement-batches: the client's batches, newest first. */
    public void list(Exchange exchange) {
        UUID clientId = client(exchange).id();
        int page = intHeader(exchange, "page", 0, 0, 100_000);
        int size = intHeader(exchange, "size", 20, 1, 100);
        List<UUID> ids = jdbc.queryForList("SELECT id FROM disbursement_batch WHERE client_id = ? ORDER BY created_at DESC "
                + "LIMIT ? OFFSET ?", UUID.class, clientId, size, (long) page * size);
        replies.reply(exchange, 200, Map.of("items", ids.stream().map(id -> view(id, clientId)).toList(),
                "page", page, "size", size));
    }

    /** GET /disbursement-batches/{id}/items?status=&page=&size=. */
    public void rows(Exchange exchange) {
        UUID batchId = batchId(exchange);
        view(batchId, client(exchange).id());   // ownership check
        String status = exchange.getMessage().getHeader("status", String.class);
        int page = intHeader(exchange, "page", 0, 0, 1_000_000);
        int size = intHeader(exchange, "size", 100, 1, 1000);
        replies.reply(exchange, 200, Map.of("items", items(batchId, status, page, size), "page", page, "size", size));
    }

    /** POST /disbursement-batches/{id}/approve: a batch waiting for approval starts paying. */
    public void approve(Exchange exchange) {
        UUID batchId = batchId(exchange);
        UUID clientId = client(exchange).id();
        int changed = jdbc.update("""
                UPDATE disbursement_batch SET status = 'PROCESSING', approved_at = now()
                 WHERE id = ? AND client_id = ? AND status = 'AWAITING_APPROVAL'""", batchId, clientId);
        requireChanged(changed, batchId, clientId, "approved", "AWAITING_APPROVAL");
        replies.reply(exchange, 200, view(batchId, clientId));
    }

    /** POST /disbursement-batches/{id}/cancel: rows not sent yet are skipped; sent ones finish. */
    public void cancel(Exchange exchange) {
        UUID batchId = batchId(exchange);
        UUID clientId = client(exchange).id();
        int changed = jdbc.update("""
                UPDATE disbursement_batch SET status = 'CANCELLED', status_reason = 'Cancelled on request'
                 WHERE id = ? AND client_id = ? AND status IN ('AWAITING_APPROVAL', 'PROCESSING', 'PAUSED')""",
                batchId, clientId);
        requireChanged(changed, batchId, clientId, "cancelled", "AWAITING_APPROVAL, PROCESSING or PAUSED");
        jdbc.update("UPDATE disbursement_batch_item SET status = 'SKIPPED' WHERE batch_id = ? AND status = 'VALID'", batchId);
        replies.reply(exchange, 200, view(batchId, clientId));
    }

    /**
     * POST /disbursement-batches/{id}/pause: no row is sent until /resume (paused_until NULL: no automatic resume).
     * Rows already with the provider finish; a row claimed but not sent yet is released by BatchPayouts.pay.
     */
    public void pause(Exchange exchange) {
        UUID batchId = batchId(exchange);
        UUID clientId = client(exchange).id();
        int changed = jdbc.update("""
                UPDATE disbursement_batch SET status = 'PAUSED', status_reason = 'Paused on request', paused_until = NULL
                 WHERE id = ? AND client_id = ? AND status IN ('PROCESSING', 'PAUSED')""", batchId, clientId);
        requireChanged(changed, batchId, clientId, "paused", "PROCESSING or PAUSED");
        replies.reply(exchange, 200, view(batchId, clientId));
    }

    /** POST /disbursement-batches/{id}/resume: a paused batch (on request or after an outage) pays again now. */
    public void resume(Exchange exchange) {
        UUID batchId = batchId(exchange);
        UUID clientId = client(exchange).id();
        int changed = jdbc.update("""
                UPDATE disbursement_batch SET status = 'PROCESSING', status_reason = NULL, paused_until = NULL
                 WHERE id = ? AND client_id = ? AND status = 'PAUSED'""", batchId, clientId);
        requireChanged(changed, batchId, clientId, "resumed", "PAUSED");
        replies.reply(exchange, 200, view(batchId, clientId));
    }

    /** GET /disbursement-batches/{id}/result.csv: the result file, as it stands now. */
    public void result(Exchange exchange) {
        UUID batchId = batchId(exchange);
        view(batchId, client(exchange).id());
        StringWriter csv = new StringWriter();
        results.write(batchId, csv);
        exchange.getMessage().removeHeaders("*");
        ReplyHeaders.restore(exchange);
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "text/csv; charset=utf-8");
        exchange.getMessage().setHeader("Content-Disposition", "attachment; filename=\"" + batchId + ".result.csv\"");
        exchange.getMessage().setBody(csv.toString());
    }

    Map<String, Object> view(UUID batchId, UUID clientId) {
        List<Map<String, Object>> found = jdbc.queryForList(
                "SELECT * FROM disbursement_batch WHERE id = ? AND client_id = ?", batchId, clientId);
        if (found.isEmpty()) {
            throw new ApiException(ErrorCode.BATCH_NOT_FOUND, "No payout batch with this id", Map.of("id", batchId.toString()));
        }
        Map<String, Object> batch = found.get(0);
        Map<String, Object> counts = jdbc.queryForMap("""
                SELECT count(*) AS total,
                       count(*) FILTER (WHERE i.status = 'INVALID') AS invalid,
                       count(*) FILTER (WHERE i.status = 'VALID') AS queued,
                       count(*) FILTER (WHERE i.status = 'SUBMITTED' AND p.status IN ('PENDING', 'UNKNOWN', 'NEEDS_REVIEW')) AS in_progress,
                       count(*) FILTER (WHERE i.status = 'SUBMITTED' AND p.status = 'SUCCESSFUL') AS successful,
                       count(*) FILTER (WHERE i.status = 'SUBMITTED' AND p.status IN ('FAILED', 'EXPIRED')) AS failed,
                       count(*) FILTER (WHERE i.status = 'REFUSED') AS refused,
                       count(*) FILTER (WHERE i.status = 'SKIPPED') AS skipped
                  FROM disbursement_batch_item i LEFT JOIN payment p ON p.id = i.payment_id
                 WHERE i.batch_id = ?""", batchId);
        long total = ((Number) counts.get("total")).longValue();
        long ended = total - ((Number) counts.get("queued")).longValue() - ((Number) counts.get("in_progress")).longValue();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", batchId.toString());
        view.put("status", batch.get("status"));
        view.put("statusReason", batch.get("status_reason"));
        view.put("source", batch.get("source"));
        view.put("fileName", batch.get("file_name"));
        view.put("counts", counts);
        view.put("progressPercent", total == 0 ? 100 : Math.round(ended * 1000.0 / total) / 10.0);
        view.put("pausedUntil", timestamp(batch.get("paused_until")));
        view.put("createdAt", timestamp(batch.get("created_at")));
        view.put("approvedAt", timestamp(batch.get("approved_at")));
        view.put("completedAt", timestamp(batch.get("completed_at")));
        view.put("resultUrl", "/api/v1/disbursement-batches/" + batchId + "/result.csv");
        return view;
    }

    private List<Map<String, Object>> items(UUID batchId, String status, int page, int size) {
        return jdbc.queryForList("""
                SELECT i.row_number AS "row", i.external_id AS "externalId", i.status, i.error_code AS "errorCode",
                       i.error_message AS "errorMessage", i.payment_id::text AS "paymentId", p.status AS "paymentStatus",
                       p.reason AS "paymentReason"
                  FROM disbursement_batch_item i LEFT JOIN payment p ON p.id = i.payment_id
                 WHERE i.batch_id = ? AND (CAST(? AS text) IS NULL OR i.status = ?)
                 ORDER BY i.row_number LIMIT ? OFFSET ?""", batchId, status, status, size, (long) page * size);
    }

    private void requireChanged(int changed, UUID batchId, UUID clientId, String verb, String allowed) {
        if (changed == 1) {
            return;
        }
        Map<String, Object> current = view(batchId, clientId);
        throw new ApiException(ErrorCode.BATCH_STATE_CONFLICT,
                "A " + current.get("status") + " batch cannot be " + verb + "; it must be " + allowed,
                Map.of("id", batchId.toString(), "status", current.get("status")));
    }

    private static Boolean approval(Exchange exchange) {
        String approval = exchange.getMessage().getHeader("approval", String.class);
        if (approval == null || approval.isBlank()) {
            return null;
        }
        return switch (approval) {
            case "required" -> true;
            case "none" -> false;
            default -> throw ApiException.invalidField("approval", "approval must be 'required' or 'none'");
        };
    }

    private static AuthenticatedClient client(Exchange exchange) {
        return exchange.getProperty(ExchangeProperties.CLIENT, AuthenticatedClient.class);
    }

    private static UUID batchId(Exchange exchange) {
        String id = exchange.getMessage().getHeader("id", String.class);
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ApiException(ErrorCode.BATCH_NOT_FOUND, "No payout batch with this id", Map.of("id", String.valueOf(id)));
        }
    }

    private static int intHeader(Exchange exchange, String name, int fallback, int min, int max) {
        String value = exchange.getMessage().getHeader(name, String.class);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ApiException.invalidField(name, name + " must be a whole number between " + min + " and " + max);
    }

    private static String timestamp(Object value) {
        return value instanceof Timestamp timestamp ? timestamp.toInstant().toString() : null;
    }
}
