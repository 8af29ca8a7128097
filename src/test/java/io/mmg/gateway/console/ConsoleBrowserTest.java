package io.mmg.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.mmg.gateway.security.ConsoleSessions;
import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.HttpResponseView;
import io.mmg.gateway.support.Phones;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.test.context.TestPropertySource;

/**
 * The operator console in a real browser (headless Chromium, docs/console.md): what an operator does from login to
 * logout, against the whole gateway, its simulators and a merchant's webhook receiver over HTTP. It also takes the
 * screenshots of docs/console. Skipped when Chromium and its driver are not installed (.ci/run installs them).
 */
// The review tests' settings (payments go to review after 3 s), so the admin has a payment to settle; one context.
@TestPropertySource(properties = {"gateway.poller.review-after=3s", "gateway.poller.expire-after=1s",
        "gateway.poller.review-interval=1s"})
class ConsoleBrowserTest extends GatewayApiTest {

    private static final String ADMIN_KEY = "test-admin-key";

    private ConsoleBrowser browser;
    private HttpServer receiver;
    private final List<String> webhooksReceived = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startBrowserAndReceiver() throws IOException {
        assumeTrue(ConsoleBrowser.available(), "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
        receiver = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            webhooksReceived.add(new String(exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        browser = new ConsoleBrowser();
    }

    @AfterEach
    void stop() throws IOException {
        if (receiver != null) {
            receiver.stop(0);
        }
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void an_operator_finds_a_payment_pays_a_batch_with_a_bad_row_replays_a_webhook_and_settles_a_review() throws Exception {
        String webhookUrl = "http://localhost:" + receiver.getAddress().getPort() + "/hooks";
        assertThat(http.put("/api/v1/webhook-endpoint", apiKey, "{\"url\":\"" + webhookUrl + "\"}").status()).isEqualTo(201);
        String externalId = "console-" + System.nanoTime();
        String phone = Phones.uganda();
        HttpResponseView created = http.post("/api/v1/collections", apiKey,
                "{\"amount\":\"15000\",\"phoneNumber\":\"" + phone + "\",\"externalId\":\"" + externalId + "\"}");
        String paymentId = created.json().path("id").asText();
        awaitStatus(paymentId, "SUCCESSFUL");
        await().atMost(Duration.ofSeconds(20)).until(() -> webhooksReceived.size() == 1);

        logIn(apiKey, "Amina");
        assertThat((String) browser.script("return document.cookie")).doesNotContain(ConsoleSessions.COOKIE);
        assertThat((String) browser.script("return JSON.stringify(localStorage) + JSON.stringify(sessionStorage)"))
                .doesNotContain(apiKey);
        assertThat(browser.driver.getCurrentUrl()).doesNotContain(apiKey);

        // Payments: find it by its external id, open it.
        browser.await(By.cssSelector("#payment-search input[name=find]")).sendKeys(externalId);
        browser.click(By.cssSelector("#payment-search button[type=submit]"));
        browser.awaitText(By.id("payment-results"), "UGX 15,000");
        browser.screenshot("payments");
        browser.click(By.cssSelector("#payment-results tbody tr"));
        browser.awaitText(By.id("payment-id"), paymentId);
        browser.awaitText(By.cssSelector("ol.timeline"), "STATUS CHANGED");
        browser.screenshot("payment-detail");

        // Payout batches: a file with a bad row, checked before anything is paid, then approved and paid.
        Path file = Files.createTempFile("payroll", ".csv");
        Files.writeString(file, "external_id,phone_number,amount,narration\n"
                + externalId + "-1," + Phones.uganda() + ",25000,November salary\n"
                + externalId + "-2,12345,25000,Bad number\n"
                + externalId + "-3," + Phones.uganda() + ",30000,November salary\n");
        browser.open(http.baseUrl() + "/console/#/batches");
        browser.await(By.cssSelector("#batch-upload input[name=file]")).sendKeys(file.toString());
        browser.click(By.cssSelector("#batch-upload button[type=submit]"));
        browser.awaitText(By.id("batch-status"), "AWAITING APPROVAL");
        browser.awaitText(By.tagName("main"), "INVALID PHONE");
        browser.screenshot("batch-review");
        browser.click(By.id("batch-approve"));
        browser.confirm();
        browser.awaitText(By.id("batch-status"), "COMPLETED");
        browser.awaitText(By.cssSelector(".bar-text"), "100%");
        browser.screenshot("batch-completed");
        JsonNode batch = http.get("/api/v1/disbursement-batches?size=1", apiKey).json().path("items").get(0);
        assertThat(batch.path("counts").path("successful").asInt()).isEqualTo(2);
        assertThat(batch.path("counts").path("invalid").asInt()).isEqualTo(1);
        browser.open(http.baseUrl() + "/console/#/batches");
        browser.awaitText(By.tagName("main"), "COMPLETED");
        browser.screenshot("batches");

        // Webhooks: replay the payment's delivery; the merchant receives the same event again.
        String deliveryId = http.get("/api/v1/webhook-deliveries?paymentId=" + paymentId, apiKey).json()
                .path("items").get(0).path("id").asText();
        browser.open(http.baseUrl() + "/console/#/webhooks");
        browser.click(By.cssSelector("button.replay[data-delivery='" + deliveryId + "']"));
        await().atMost(Duration.ofSeconds(20)).until(() -> webhooksReceived.stream().filter(b -> b.contains(deliveryId)).count() == 2);
        browser.screenshot("webhooks");
        browser.open(http.baseUrl() + "/console/#/webhooks/" + deliveryId);
        browser.awaitText(By.tagName("main"), "Attempts");
        browser.screenshot("webhook-delivery");

        // Reconciliation: a run of today, compared with the simulators.
        browser.open(http.baseUrl() + "/console/#/reconciliation");
        browser.click(By.cssSelector("#start-run button[type=submit]"));
        browser.awaitText(By.tagName("h1"), "COMPLETED");
        browser.screenshot("reconciliation");

        browser.open(http.baseUrl() + "/console/#/health");
        browser.awaitText(By.tagName("main"), "Measurements");
        browser.screenshot("health-merchant");

        // The admin settles a payment the gateway could not, with a note; the event says who.
        String inReview = paymentInReview();
        browser.click(By.id("logout"));
        logIn(ADMIN_KEY, "Oscar (operations)");
        browser.open(http.baseUrl() + "/console/#/review");
        WebElement card = browser.await(By.xpath("//section[contains(@class,'card')][.//div[contains(.,'" + inReview + "')]]"));
        browser.screenshot("needs-review");
        card.findElement(By.cssSelector("select[name=status]")).sendKeys("Money did not move");
        card.findElement(By.cssSelector("input[name=note]")).sendKeys("Daraja portal has no such transaction");
        card.findElement(By.cssSelector("button[type=submit]")).click();
        browser.confirm();
        awaitStatus(inReview, "FAILED");
        String details = jdbc.queryForObject("SELECT details::text FROM payment_event WHERE payment_id = ?::uuid"
                + " AND to_status = 'FAILED'", String.class, inReview);
        assertThat(details).contains("Oscar (operations)").contains("Daraja portal has no such transaction");
        browser.open(http.baseUrl() + "/console/#/payments/" + inReview);
        browser.awaitText(By.cssSelector("ol.timeline"), "Oscar (operations)");
        browser.screenshot("payment-admin");

        browser.open(http.baseUrl() + "/console/#/health");
        browser.awaitText(By.tagName("main"), "Routes and last errors");
        browser.screenshot("health");
    }

    private void logIn(String key, String operator) {
        browser.open(http.baseUrl() + "/console/");
        browser.await(By.cssSelector("#login-form input[name=apiKey]")).sendKeys(key);
        browser.await(By.cssSelector("#login-form input[name=operator]")).sendKeys(operator);
        if (key.equals(apiKey)) {
            browser.screenshot("login");
        }
        browser.click(By.cssSelector("#login-form button[type=submit]"));
        browser.await(By.id("logout"));
    }

    /** An M-Pesa STK push whose answer comes too late and whose callback never comes: NEEDS_REVIEW after 3 s. */
    private String paymentInReview() {
        String phone = Phones.kenya();
        mpesa.answerLate("stkpush", phone, true);
        String id = collect(phone, "170").json().path("id").asText();
        awaitStatus(id, "NEEDS_REVIEW");
        return id;
    }
}
