package io.mmg.gateway.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mmg.gateway.api.ApiException;
import io.mmg.gateway.api.ErrorCode;
import io.mmg.gateway.api.ExchangeProperties;
import io.mmg.gateway.api.JsonReplies;
import io.mmg.gateway.payment.AmountLimits;
import io.mmg.gateway.payment.PaymentRequestParser;
import io.mmg.gateway.payment.SupportedProducts;
import io.mmg.gateway.provider.mtn.MtnSettings;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** The mapping language of the compatibility routes (docs/compatibility.md), one rule at a time. */
class JsonTemplateTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonTemplate templates = new JsonTemplate(
            new PaymentRequestParser(new AmountLimits(Map.of()), new SupportedProducts(),
                    new MtnSettings(null, "sandbox", null, null, null, null)),
            new JsonReplies(JSON));

    private static Exchange exchange(String body) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setBody(body);
        return exchange;
    }

    private String request(String body, String template) {
        Exchange exchange = exchange(body);
        templates.request(exchange, template);
        return exchange.getMessage().getBody(String.class);
    }

    private String replyText(String answer, String template) {
        Exchange exchange = exchange(answer);
        templates.reply(exchange, template, 200);
        return exchange.getMessage().getBody(String.class);
    }

    private JsonNode reply(String answer, String template) throws Exception {
        return JSON.readTree(replyText(answer, template));
    }

    @Test
    void a_request_takes_the_callers_fields_under_the_gateways_names() {
        String adapted = request("{\"phone_number\": \"254712345678\", \"order_id\": 123, \"amount\": 1000.00}",
                "{\"amount\": \"$amount\", \"phoneNumber\": \"$phone_number\", \"externalId\": \"$order_id|text\","
                        + " \"provider\": \"MPESA\"}");

        assertThat(adapted).isEqualTo(
                "{\"amount\":1000,\"phoneNumber\":\"254712345678\",\"externalId\":\"123\",\"provider\":\"MPESA\"}");
    }

    @Test
    void a_request_field_the_template_does_not_name_is_refused() {
        assertThatThrownBy(() -> request("{\"amount\": 1, \"currency\": \"KES\"}", "{\"amount\": \"$amount\"}"))
                .isInstanceOfSatisfying(ApiException.class, refused -> {
                    assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
                    assertThat(refused.details().get("unknownFields")).isEqualTo(List.of("currency"));
                    assertThat(refused.details().get("allowedFields")).isEqualTo(List.of("amount"));
                });
    }

    @Test
    void a_request_that_is_not_a_json_object_is_refused_as_the_gateway_refuses_it() {
        assertThatThrownBy(() -> request("amount=1", "{\"amount\": \"$amount\"}"))
                .isInstanceOfSatisfying(ApiException.class, refused -> assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_REQUEST));
    }

    @Test
    void a_request_remembers_which_field_the_caller_called_what_for_error_details() {
        Exchange exchange = exchange("{\"details\": {\"phone_number\": \"1\"}}");

        templates.request(exchange, "{\"details\": {\"phoneNumber\": \"$details.phone_number\"}, \"type\": \"MPESA\"}");

        assertThat(exchange.getProperty(ExchangeProperties.CALLER_FIELD_NAMES, Map.class))
                .isEqualTo(Map.of("details.phoneNumber", "details.phone_number"));
    }

    @Test
    void a_missing_field_is_null_and_literals_are_copied_as_they_are() throws Exception {
        JsonNode filled = reply("{\"id\": \"p-1\"}",
                "{\"success\": true, \"count\": 2, \"reason\": \"$reason\", \"price\": \"$$5\", \"list\": [\"$id\", 1]}");

        assertThat(filled.toString()).isEqualTo("{\"success\":true,\"count\":2,\"reason\":null,\"price\":\"$5\",\"list\":[\"p-1\",1]}");
    }

    @Test
    void words_are_mapped_with_a_default_for_the_others() throws Exception {
        String template = "{\"a\": \"$status|map:SUCCESSFUL=completed,PENDING=pending\", \"b\": \"$status|map:FAILED=failed\","
                + " \"c\": \"$status|map:PENDING=pending,*=other\", \"d\": \"$missing|map:*=none\"}";

        JsonNode filled = reply("{\"status\": \"SUCCESSFUL\"}", template);

        assertThat(filled.path("a").asText()).isEqualTo("completed");
        assertThat(filled.path("b").asText()).isEqualTo("SUCCESSFUL");
        assertThat(filled.path("c").asText()).isEqualTo("other");
        assertThat(filled.path("d").asText()).isEqualTo("none");
    }

    @Test
    void amounts_become_exact_json_numbers_and_back() {
        String filled = replyText("{\"amount\": \"1000.50\", \"big\": \"12345678901234567.89\", \"n\": 7}",
                "{\"amount\": \"$amount|number\", \"big\": \"$big|number\", \"text\": \"$n|text\"}");

        assertThat(filled).isEqualTo("{\"amount\":1000.50,\"big\":12345678901234567.89,\"text\":\"7\"}");
    }

    @Test
    void text_is_cased_dates_are_formatted_in_utc_and_numbers_shifted() throws Exception {
        JsonNode filled = reply("{\"provider\": \"MTN_MOMO\", \"at\": \"2023-08-15T12:34:56.789Z\", \"page\": 0}",
                "{\"type\": \"$provider|lower\", \"date\": \"$at|date:yyyy-MM-dd HH:mm:ss\", \"page\": \"$page|plus:1\","
                        + " \"none\": \"$missing|lower|plus:1\"}");

        assertThat(filled.toString()).isEqualTo(
                "{\"type\":\"mtn_momo\",\"date\":\"2023-08-15 12:34:56\",\"page\":1,\"none\":null}");
    }

    @Test
    void each_repeats_an_object_per_element_of_a_list() throws Exception {
        JsonNode filled = reply("{\"items\": [{\"id\": \"a\", \"amount\": \"10\"}, {\"id\": \"b\", \"amount\": \"20\"}], \"total\": 2}",
                "{\"results\": {\"$each\": \"$items\", \"id\": \"$id\", \"amount\": \"$amount|number\"}, \"total\": \"$total\"}");

        assertThat(filled.toString()).isEqualTo("{\"results\":[{\"id\":\"a\",\"amount\":10},{\"id\":\"b\",\"amount\":20}],\"total\":2}");
    }

    @Test
    void each_across_nested_lists_sees_the_fields_of_the_objects_around_the_element() throws Exception {
        String answer = "{\"methods\": [{\"provider\": \"MTN_MOMO\", \"currencies\": [{\"currency\": \"UGX\"}, {\"currency\": \"GHS\"}]},"
                + " {\"provider\": \"MPESA\", \"currencies\": [{\"currency\": \"KES\"}]}]}";

        JsonNode filled = reply(answer, "{\"methods\": {\"$each\": \"$methods.currencies\", \"type\": \"$provider|lower\","
                + " \"currency\": \"$currency\"}}");

        assertThat(filled.path("methods").toString()).isEqualTo("[{\"type\":\"mtn_momo\",\"currency\":\"UGX\"},"
                + "{\"type\":\"mtn_momo\",\"currency\":\"GHS\"},{\"type\":\"mpesa\",\"currency\":\"KES\"}]");
    }

    @Test
    void an_error_answer_passes_unchanged() throws Exception {
        String error = "{\"error\":\"No payment with this id\",\"code\":\"PAYMENT_NOT_FOUND\",\"details\":{}}";
        Exchange exchange = exchange(error);
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 404);

        templates.reply(exchange, "{\"status\": \"$status\"}", 200);

        assertThat(exchange.getMessage().getBody(String.class)).isEqualTo(error);
        assertThat(exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(404);
    }

    @Test
    void query_parameters_are_renamed_and_shifted_and_absent_ones_stay_absent() {
        Exchange exchange = exchange(null);
        exchange.getMessage().setHeader("page", "2");
        exchange.getMessage().setHeader("page_size", "5");

        templates.headers(exchange, "{\"page\": \"$page|plus:-1\", \"size\": \"$page_size\", \"type\": \"COLLECTION\", \"status\": \"$state\"}");

        assertThat(exchange.getMessage().getHeader("page")).isEqualTo("1");
        assertThat(exchange.getMessage().getHeader("size")).isEqualTo("5");
        assertThat(exchange.getMessage().getHeader("type")).isEqualTo("COLLECTION");
        assertThat(exchange.getMessage().getHeaders()).doesNotContainKey("status");
    }

    @Test
    void a_page_that_is_not_a_number_is_refused_naming_it() {
        Exchange exchange = exchange(null);
        exchange.getMessage().setHeader("page", "two");

        assertThatThrownBy(() -> templates.headers(exchange, "{\"page\": \"$page|plus:-1\"}"))
                .isInstanceOfSatisfying(ApiException.class, refused -> assertThat(refused.details()).containsEntry("field", "page"));
    }

    @Test
    void a_request_can_become_headers_for_a_route_that_reads_its_parameters_there() {
        Exchange exchange = exchange("{\"transaction_id\": \"p-1\", \"order_id\": 7}");

        templates.requestToHeaders(exchange, "{\"id\": \"$transaction_id\", \"orderId\": \"$order_id|text\", \"refresh\": \"true\"}");

        assertThat(exchange.getMessage().getHeader("id")).isEqualTo("p-1");
        assertThat(exchange.getMessage().getHeader("orderId")).isEqualTo("7");
        assertThat(exchange.getMessage().getHeader("refresh")).isEqualTo("true");
    }

    @Test
    void a_field_is_dropped_only_when_it_holds_the_value() {
        assertThat(templates.without("{\"currency\":\"EUR\",\"amount\":\"1\"}", "currency", "EUR")).isEqualTo("{\"amount\":\"1\"}");
        assertThat(templates.without("{\"currency\":\"XAF\"}", "currency", "EUR")).isEqualTo("{\"currency\":\"XAF\"}");
        assertThat(templates.without("not json", "currency", "EUR")).isEqualTo("not json");
    }

    @Test
    void an_answer_about_something_else_than_asked_is_refused() {
        Exchange exchange = exchange("{\"externalId\": \"123\"}");

        templates.requireMatch(exchange, "externalId", "123", "PAYMENT_NOT_FOUND", "not that order");
        templates.requireMatch(exchange, "externalId", null, "PAYMENT_NOT_FOUND", "not that order");

        assertThatThrownBy(() -> templates.requireMatch(exchange, "externalId", "999", "PAYMENT_NOT_FOUND", "not that order"))
                .isInstanceOfSatisfying(ApiException.class, refused -> assertThat(refused.code()).isEqualTo(ErrorCode.PAYMENT_NOT_FOUND));
    }

    @Test
    void the_top_level_fields_a_template_reads_are_what_a_request_may_contain() throws Exception {
        JsonNode template = JSON.readTree("{\"a\": \"$x\", \"b\": {\"c\": \"$y.z|text\"}, \"d\": [\"$w\"], \"e\": \"$$lit\", \"f\": \"plain\"}");

        assertThat(JsonTemplate.fieldsNamedBy(template)).containsExactly("w", "x", "y");
    }
}
