package io.mmg.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.security.ConsoleSessions;
import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.HttpResponseView;
import io.mmg.gateway.support.Phones;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The console's way in to the API (docs/console.md): a session cookie opened with a key, a CSRF token on every
 * change, merchants kept to their own data and to the merchant pages, API clients with keys unaffected.
 */
@TestPropertySource(properties = {"gateway.poller.review-after=3s", "gateway.poller.expire-after=1s",
        "gateway.poller.review-interval=1s"})
class ConsoleSessionTest extends GatewayApiTest {

    private static final String ADMIN_KEY = "test-admin-key";
    private static final String COLLECTION = "{\"amount\":\"1000\",\"phoneNumber\":\"%s\"}";

    /** A logged-in console: its cookie and CSRF token. */
    private record Console(String cookie, String csrf) {
    }

    @Test
    void a_key_is_exchanged_for_an_http_only_same_site_session_cookie_and_the_csrf_token() {
        HttpResponseView login = logInAnswer(apiKey);

        assertThat(login.status()).isEqualTo(200);
        String setCookie = login.header("Set-Cookie");
        assertThat(setCookie).startsWith(ConsoleSessions.COOKIE + "=").contains("HttpOnly").contains("SameSite=Strict")
                .contains("Path=/").doesNotContain(apiKey);
        assertThat(login.json().path("role").asText()).isEqualTo("MERCHANT");
        assertThat(login.json().path("csrfToken").asText()).isNotBlank();
        assertThat(login.body()).doesNotContain(apiKey);
    }

    @Test
    void a_wrong_key_opens_no_session() {
        HttpResponseView login = logInAnswer("sk_not_a_key");

        assertThat(login.status()).isEqualTo(401);
        assertThat(login.json().path("code").asText()).isEqualTo("UNAUTHORIZED");
        assertThat(login.header("Set-Cookie")).isNull();
    }

    @Test
    void a_login_that_is_not_a_json_object_is_400_in_the_error_format() {
        HttpResponseView notJson = send("POST", "/console/session", "apiKey=" + apiKey, Map.of("Content-Type", "application/json"));
        HttpResponseView noKey = send("POST", "/console/session", "{\"apiKey\":42}", Map.of("Content-Type", "application/json"));

        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().path("code").asText()).isEqualTo("INVALID_REQUEST");
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.header("Set-Cookie")).isNull();
    }

    @Test
    void a_session_reads_the_merchants_own_payments_without_the_key() {
        String id = collect(Phones.uganda(), "1000").json().path("id").asText();
        Console console = logIn(apiKey);

        HttpResponseView payment = console(console, "GET", "/api/v1/payments/" + id, null, false);

        assertThat(payment.status()).isEqualTo(200);
        assertThat(payment.json().path("id").asText()).isEqualTo(id);
    }

    @Test
    void a_change_without_the_csrf_token_is_refused_in_the_error_format_and_changes_nothing() {
        Console console = logIn(apiKey);
        String phone = Phones.uganda();

        HttpResponseView refused = console(console, "POST", "/api/v1/collections", COLLECTION.formatted(phone), false);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("code").asText()).isEqualTo("CSRF_TOKEN_INVALID");
        assertThat(refused.json().has("error")).isTrue();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM payment WHERE phone_number = ?", Long.class, phone)).isZero();
    }

    @Test
    void a_change_with_another_sessions_csrf_token_is_refused() {
        Console mine = logIn(apiKey);
        Console other = logIn(apiKey);

        HttpResponseView refused = send("POST", "/api/v1/collections", COLLECTION.formatted(Phones.uganda()),
                Map.of("Cookie", ConsoleSessions.COOKIE + "=" + mine.cookie(), ConsoleSessions.CSRF_HEADER, other.csrf()));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("code").asText()).isEqualTo("CSRF_TOKEN_INVALID");
    }

    @Test
    void a_change_with_the_csrf_token_goes_through() {
        Console console = logIn(apiKey);

        HttpResponseView created = console(console, "POST", "/api/v1/collections", COLLECTION.formatted(Phones.uganda()), true);

        assertThat(created.status()).isEqualTo(202);
    }

    @Test
    void an_unknown_session_is_401_in_the_error_format() {
        HttpResponseView refused = send("GET", "/api/v1/payments", null,
                Map.of("Cookie", ConsoleSessions.COOKIE + "=cs_forged"));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("code").asText()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void a_merchant_session_cannot_read_the_admin_pages_data() {
        Console console = logIn(apiKey);

        HttpResponseView queue = console(console, "GET", "/api/v1/admin/payments/needs-review", null, false);
        HttpResponseView routes = console(console, "GET", "/api/v1/admin/routes", null, false);

        assertThat(queue.status()).isEqualTo(403);
        assertThat(queue.json().path("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(routes.status()).isEqualTo(403);
    }

    @Test
    void an_admin_session_reads_the_review_queue_but_no_merchant_data() {
        Console admin = logIn(ADMIN_KEY);

        assertThat(console(admin, "GET", "/api/v1/admin/payments/needs-review", null, false).status()).isEqualTo(200);
        assertThat(console(admin, "GET", "/api/v1/payments", null, false).status()).isEqualTo(403);
    }

    @Test
    void an_api_key_is_judged_by_itself_whatever_cookie_comes_with_it() {
        Console console = logIn(apiKey);
        String otherKey = io.mmg.gateway.support.TestMerchants.newApiKey(clients);

        HttpResponseView withBadCookie = send("GET", "/api/v1/payments", null, Map.of("Authorization", "Bearer " + apiKey,
                "Cookie", ConsoleSessions.COOKIE + "=cs_forged"));
        HttpResponseView otherMerchant = send("POST", "/api/v1/collections", COLLECTION.formatted(Phones.uganda()),
                Map.of("Authorization", "Bearer " + otherKey, "Content-Type", "application/json",
                        "Cookie", ConsoleSessions.COOKIE + "=" + console.cookie()));

        assertThat(withBadCookie.status()).isEqualTo(200);
        assertThat(otherMerchant.status()).isEqualTo(202);
        String owner = jdbc.queryForObject("SELECT c.name FROM payment p JOIN client c ON c.id = p.client_id WHERE p.id = ?::uuid",
                String.class, otherMerchant.json().path("id").asText());
        assertThat(owner).isNotEqualTo(clientName(console));
    }

    @Test
    void logging_out_needs_the_csrf_token_and_ends_the_session() {
        Console console = logIn(apiKey);

        HttpResponseView withoutToken = send("DELETE", "/console/session", null,
                Map.of("Cookie", ConsoleSessions.COOKIE + "=" + console.cookie()));
        assertThat(withoutToken.status()).isEqualTo(403);
        assertThat(console(console, "GET", "/api/v1/payments", null, false).status()).isEqualTo(200);

        HttpResponseView loggedOut = console(console, "DELETE", "/console/session", null, true);

        assertThat(loggedOut.status()).isEqualTo(204);
        assertThat(loggedOut.header("Set-Cookie")).contains("Max-Age=0");
        assertThat(console(console, "GET", "/api/v1/payments", null, false).status()).isEqualTo(401);
    }

    @Test
    void revoking_the_key_ends_the_sessions_opened_with_it() {
        var issued = clients.createClient("console-revoke-" + System.nanoTime());
        Console console = logIn(issued.apiKey());
        assertThat(console(console, "GET", "/api/v1/payments", null, false).status()).isEqualTo(200);

        clients.revokeKey(issued.clientId(), issued.keyId());

        assertThat(console(console, "GET", "/api/v1/payments", null, false).status()).isEqualTo(401);
    }

    @Test
    void the_console_page_is_served_with_headers_that_keep_it_to_its_own_origin() {
        HttpResponseView page = send("GET", "/console/", null, Map.of());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("js/app.js");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'").contains("frame-ancestors 'none'");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
    }

    private String clientName(Console console) {
        return console(console, "GET", "/console/session", null, false).json().path("clientName").asText();
    }

    private HttpResponseView logInAnswer(String key) {
        return send("POST", "/console/session", "{\"apiKey\":\"" + key + "\",\"operator\":\"Test operator\"}",
                Map.of("Content-Type", "application/json"));
    }

    private Console logIn(String key) {
        HttpResponseView login = logInAnswer(key);
        assertThat(login.status()).isEqualTo(200);
        String cookie = login.header("Set-Cookie").split(";", 2)[0].substring(ConsoleSessions.COOKIE.length() + 1);
        JsonNode session = login.json();
        return new Console(cookie, session.path("csrfToken").asText());
    }

    private HttpResponseView console(Console console, String method, String path, String body, boolean withCsrf) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Cookie", ConsoleSessions.COOKIE + "=" + console.cookie());
        if (withCsrf) {
            headers.put(ConsoleSessions.CSRF_HEADER, console.csrf());
        }
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        return send(method, path, body, headers);
    }

    private HttpResponseView send(String method, String path, String body, Map<String, String> headers) {
        return http.send(method, path, body, headers);
    }
}
