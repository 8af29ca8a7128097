package io.mmg.gateway.reconciliation;

import io.mmg.gateway.api.ApiException;
import io.mmg.gateway.api.CsvLines;
import io.mmg.gateway.api.ErrorCode;
import io.mmg.gateway.api.ExchangeProperties;
import io.mmg.gateway.api.JsonReplies;
import io.mmg.gateway.api.QueryParameters;
import io.mmg.gateway.payment.Currencies;
import io.mmg.gateway.payment.PaymentRequestParser;
import io.mmg.gateway.security.AuthenticatedClient;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The reconciliation API (routes/reconciliation.yaml): start a run, follow it, read its items and its report.
 * Every lookup is scoped to the authenticated merchant; another merchant's run is answered as not found.
 */
@Component("reconciliationRuns")
public class ReconciliationRuns {

    /** The report's columns: these fields of an item, headed by their snake_case names. */
    private static final List<String> REPORT_FIELDS = List.of("paymentId", "type", "provider", "product", "externalId",
            "amount", "currency", "statusBefore", "statusAfter", "providerStatus", "providerAmount", "providerReference",
            "result", "note");
    static final String REPORT_HEADER = String.join(",", REPORT_FIELDS.stream()
            .map(field -> field.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT)).toList());
    private static final List<String> COUNTS = List.of("total", "unchecked", "matched", "resolved", "open", "mismatched",
            "unverified");

    private final PaymentRequestParser parser;
    private final ReconciliationSettings settings;
    private final JsonReplies replies;
    private final Clock clock = Clock.systemUTC();

    public ReconciliationRuns(PaymentRequestParser parser, ReconciliationSettings settings, JsonReplies replies) {
        this.parser = parser;
        this.settings = settings;
        this.replies = replies;
    }

    /** insert-reconciliation-run.sql for the request body; the new run's lookup is kept in {@link ExchangeProperties#RUN_LOOKUP}. */
    public Map<String, Object> createParams(Exchange exchange) {
        ReconciliationRequest request = ReconciliationRequest.parse(
                parser.readObject(exchange.getMessage().getBody(String.class)), settings.maxSpan(), clock.instant());
        UUID id = UUID.randomUUID();
        exchange.setProperty(ExchangeProperties.RUN_LOOKUP, runLookup(id, client(exchange).id()));
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("clientId", client(exchange).id());
        params.put("from", OffsetDateTime.ofInstant(request.from(), ZoneOffset.UTC));
        params.put("to", OffsetDateTime.ofInstant(request.to(), ZoneOffset.UTC));
        params.put("provider", request.provider() == null ? null : request.provider().name());
        return params;
    }

    /** select-reconciliation-runs.sql for the {id} path parameter, within the merchant's runs. */
    public Map<String, Object> lookup(Exchange exchange) {
        String id = exchange.getMessage().getHeader("id", String.class);
        try {
            return runLookup(UUID.fromString(id), client(exchange).id());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw notFound(id);
        }
    }

    /** select-reconciliation-runs.sql for one page of the merchant's runs. */
    public Map<String, Object> listParams(Exchange exchange) {
        Map<String, Object> headers = exchange.getMessage().getHeaders();
        int page = QueryParameters.integer(headers, "page", 0, 0, 100_000);
        int size = QueryParameters.integer(headers, "size", 20, 1, 100);
        Map<String, Object> params = new HashMap<>();
        params.put("clientId", client(exchange).id());
        params.put("id", null);
        params.put("limit", size);
        params.put("offset", (long) page * size);
        return params;
    }

    public void requireFound(Map<String, Object> run, Exchange exchange) {
        if (run == null || run.isEmpty()) {
            throw notFound(exchange.getMessage().getHeader("id", String.class));
        }
    }

    /** 202 to POST /reconciliation-runs: the run, RUNNING; it is checked in the background. */
    public void created(Exchange exchange, Map<String, Object> run) {
        replies.reply(exchange, 202, view(run));
    }

    /** GET /reconciliation-runs/{id}. */
    public void one(Exchange exchange, Map<String, Object> run) {
        requireFound(run, exchange);
        replies.reply(exchange, 200, view(run));
    }

    /** GET /reconciliation-runs. */
    public void list(Exchange exchange, List<Map<String, Object>> runs) {
        replyPage(exchange, runs.stream().map(ReconciliationRuns::view).toList(), listParams(exchange));
    }

    /** list-reconciliation-items.sql for GET .../{id}/items?result=&page=&size=. */
    public Map<String, Object> itemsParams(Exchange exchange) {
        Map<String, Object> headers = exchange.getMessage().getHeaders();
        int page = QueryParameters.integer(headers, "page", 0, 0, 1_000_000);
        int size = QueryParameters.integer(headers, "size", 100, 1, 1000);
        Map<String, Object> params = itemParams(exchange);
        params.put("result", result(exchange.getMessage().getHeader("result", String.class)));
        params.put("limit", size);
        params.put("offset", (long) page * size);
        return params;
    }

    public void items(Exchange exchange, List<Map<String, Object>> items) {
        replyPage(exchange, items.stream().map(ReconciliationRuns::item).toList(), itemsParams(exchange));
    }

    /** list-reconciliation-items.sql for the report: every item. */
    public Map<String, Object> reportParams(Exchange exchange) {
        Map<String, Object> params = itemParams(exchange);
        params.put("result", null);
        params.put("limit", null);
        params.put("offset", 0);
        return params;
    }

    /** GET .../{id}/report.csv: one line per payment checked, as the run stands now. */
    public void report(Exchange exchange, Iterator<Map<String, Object>> items) {
        StringWriter csv = new StringWriter();
        csv.write(REPORT_HEADER);
        csv.write('\n');
        items.forEachRemaining(row -> {
            Map<String, Object> item = item(row);
            CsvLines.write(csv, REPORT_FIELDS.stream().map(item::get)
                    .map(value -> value == null ? null : value.toString()).toArray(String[]::new));
        });
        UUID runId = (UUID) exchange.getProperty(ExchangeProperties.RUN_LOOKUP, Map.class).get("id");
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "text/csv; charset=utf-8");
        exchange.getMessage().setHeader("Content-Disposition",
                "attachment; filename=\"reconciliation-" + runId + ".csv\"");
        exchange.getMessage().setBody(csv.toString());
    }

    static Map<String, Object> view(Map<String, Object> run) {
        String id = run.get("id").toString();
        Map<String, Object> counts = new LinkedHashMap<>();
        COUNTS.forEach(name -> counts.put(name, ((Number) run.get(name)).longValue()));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", id);
        view.put("status", run.get("status"));
        view.put("origin", run.get("origin"));
        view.put("from", instant(run.get("period_from")));
        view.put("to", instant(run.get("period_to")));
        view.put("provider", run.get("provider"));
        view.put("counts", counts);
        view.put("createdAt", instant(run.get("created_at")));
        view.put("completedAt", instant(run.get("completed_at")));
        view.put("itemsUrl", "/api/v1/reconciliation-runs/" + id + "/items");
        view.put("reportUrl", "/api/v1/reconciliation-runs/" + id + "/report.csv");
        return view;
    }

    /** An item as the API and the report show it. */
    static Map<String, Object> item(Map<String, Object> row) {
        String currency = ((String) row.get("currency")).trim();
        BigDecimal providerAmount = (BigDecimal) row.get("provider_amount");
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("paymentId", row.get("payment_id").toString());
        item.put("type", row.get("type"));
        item.put("provider", row.get("provider"));
        item.put("product", row.get("product"));
        item.put("externalId", row.get("external_id"));
        item.put("amount", Currencies.format((BigDecimal) row.get("amount"), currency));
        item.put("currency", currency);
        item.put("statusBefore", row.get("status_before"));
        item.put("statusAfter", row.get("status_after"));
        item.put("providerStatus", row.get("provider_status"));
        item.put("providerAmount", providerAmount == null ? null : providerAmount.stripTrailingZeros().toPlainString());
        item.put("providerReference", row.get("provider_reference"));
        item.put("result", row.get("result"));   // null until checked
        item.put("note", row.get("note"));
        item.put("checkedAt", instant(row.get("checked_at")));
        return item;
    }

    /** A page of a list, with the page and size its parameters (limit, offset) asked for. */
    private void replyPage(Exchange exchange, List<Map<String, Object>> views, Map<String, Object> params) {
        int size = (Integer) params.get("limit");
        replies.reply(exchange, 200, Map.of("items", views, "page", (int) ((Long) params.get("offset") / size),
                "size", size));
    }

    private Map<String, Object> itemParams(Exchange exchange) {
        Map<String, Object> params = new HashMap<>();
        params.put("runId", exchange.getProperty(ExchangeProperties.RUN_LOOKUP, Map.class).get("id"));
        return params;
    }

    private static String result(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ReconciliationResult.valueOf(value.trim().toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("result",
                    "result must be one of " + Arrays.toString(ReconciliationResult.values()));
        }
    }

    private static Map<String, Object> runLookup(UUID id, UUID clientId) {
        Map<String, Object> lookup = new HashMap<>();
        lookup.put("id", id);
        lookup.put("clientId", clientId);
        lookup.put("limit", 1);
        lookup.put("offset", 0);
        return lookup;
    }

    private static ApiException notFound(String id) {
        return new ApiException(ErrorCode.RECONCILIATION_RUN_NOT_FOUND, "No reconciliation run with this id",
                Map.of("id", String.valueOf(id)));
    }

    private static AuthenticatedClient client(Exchange exchange) {
        return exchange.getProperty(ExchangeProperties.CLIENT, AuthenticatedClient.class);
    }

    private static String instant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().toString();
        }
        return value instanceof OffsetDateTime offset ? offset.toInstant().toString() : null;
    }
}
