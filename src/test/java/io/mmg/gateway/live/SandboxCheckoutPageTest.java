package io.mmg.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.HttpResponseView;
import io.mmg.gateway.support.Phones;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The sandbox's sample checkout page end to end in headless Chromium: the STK push starts, "enter your PIN" shows,
 * the simulated customer approves, and the page turns green from the live status WebSocket. Skipped where Chromium
 * and its driver are not installed (.ci/run installs them).
 */
class SandboxCheckoutPageTest extends GatewayApiTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private WebDriver browser;

    @AfterEach
    void closeBrowserAndResetSimulator() {
        if (browser != null) {
            browser.quit();
        }
        mpesa.reset();
    }

    @Test
    void the_checkout_page_asks_for_the_pin_and_turns_green_when_the_customer_has_paid() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "Chromium is not installed");
        // The simulated customer takes a few seconds to type the PIN, so the prompt is there to be seen.
        mpesa.settings("{\"callback-delay\":\"3s\"}");
        browser = headlessChromium();

        browser.get(http.baseUrl() + "/sandbox/checkout");
        browser.findElement(By.id("phone")).clear();
        browser.findElement(By.id("phone")).sendKeys(Phones.kenya());
        browser.findElement(By.id("pay")).click();

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Enter your M-Pesa PIN"));
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-status", "SUCCESSFUL"));
        assertThat(browser.findElement(By.tagName("body")).getAttribute("class")).contains("paid");
        assertThat(browser.findElement(By.id("status")).getText()).contains("Payment received");
        assertThat(browser.getPageSource()).doesNotContain("sk_sandbox");
    }

    @Test
    void the_checkout_helper_answers_the_apis_refusal_in_the_error_format() {
        HttpResponseView refused = http.send("POST", "/sandbox/checkout/payments",
                "{\"phoneNumber\":\"12\",\"amount\":\"100\"}", Map.of("Content-Type", "application/json"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("code").asText()).startsWith("INVALID");
        assertThat(refused.body()).doesNotContain("sk_sandbox");
    }

    private static WebDriver headlessChromium() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + Files.createTempDirectory("checkout-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
