package io.mmg.gateway.security;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Settings the gateway refuses to start with (README "Unsafe settings refuse to start"), each with a one-line reason
 * and fix ({@link UnsafeConfigurationException}):
 * <ul>
 *   <li>the sandbox on (its demo API key is public) while an MTN or Daraja base URL points anywhere but this
 *       gateway's own simulator: the demo key could move money at that provider;</li>
 *   <li>outside the sandbox, a {@code gateway.public-url} that is not https (a loopback address excepted): MTN and
 *       Safaricom call back over HTTPS only, and callback URLs carry per-payment secrets;</li>
 *   <li>the keys of secrets at rest: malformed, or none outside the sandbox ({@link EncryptionKeys}).</li>
 * </ul>
 * An initializer (META-INF/spring.factories) rather than a bean: it runs before any bean exists, so a refused
 * start neither opens the port nor starts the embedded database nor migrates one.
 */
public class UnsafeSettings implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        check(context.getEnvironment());
    }

    static void check(Environment environment) {
        boolean sandbox = environment.getProperty("gateway.sandbox.enabled", Boolean.class, true);
        String publicUrl = environment.getProperty("gateway.public-url", "");
        if (sandbox) {
            refuseRealProvider("MTN", "gateway.mtn.base-url", "GATEWAY_MTN_BASE_URL", "/sandbox/mtn",
                    environment.getProperty("gateway.mtn.base-url", ""), publicUrl);
            refuseRealProvider("Daraja", "gateway.mpesa.base-url", "GATEWAY_MPESA_BASE_URL", "/sandbox/mpesa",
                    environment.getProperty("gateway.mpesa.base-url", ""), publicUrl);
        } else {
            refusePlainHttp(publicUrl);
        }
        EncryptionKeys.parse(environment.getProperty("gateway.secrets.keys", ""),
                environment.getProperty("gateway.secrets.current-key", ""), sandbox);
    }

    private static void refuseRealProvider(String provider, String property, String variable, String simulatorPath,
                                           String baseUrl, String publicUrl) {
        if (baseUrl.isBlank() || isOwnSimulator(baseUrl, simulatorPath, publicUrl)) {
            return;
        }
        throw new UnsafeConfigurationException("The sandbox is on (gateway.sandbox.enabled, with its public demo API "
                + "key) while " + property + " points at " + provider + " itself (" + hostOf(baseUrl) + "), not at this "
                + "gateway's simulator: anyone with the demo key could send payments there",
                "Set GATEWAY_SANDBOX_ENABLED=false to use " + provider + " (create merchants with the admin API), or "
                        + "leave " + variable + " empty to use the built-in simulator");
    }

    private static void refusePlainHttp(String publicUrl) {
        if (publicUrl.isBlank()) {
            return;   // http://localhost:<port>: loopback
        }
        URI url = parse(publicUrl);
        String scheme = url == null || url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https") || scheme.equals("http") && isLoopback(url.getHost())) {
            return;
        }
        throw new UnsafeConfigurationException("gateway.public-url (" + (url == null || url.getHost() == null
                ? "not a URL" : scheme + "://" + url.getHost()) + ") is not an https:// URL, and the sandbox is off: MTN "
                + "and Safaricom call back over HTTPS only, and every callback URL carries a payment's secret",
                "Set GATEWAY_PUBLIC_URL to the https:// address providers reach the gateway at (TLS ended at a proxy is "
                        + "fine); plain http is allowed only for a loopback address or with the sandbox on");
    }

    /** http(s)://localhost:&lt;port&gt;/sandbox/mtn or the same at the public URL's host: this gateway's simulator. */
    static boolean isOwnSimulator(String baseUrl, String simulatorPath, String publicUrl) {
        URI url = parse(baseUrl);
        if (url == null || url.getHost() == null || url.getPath() == null) {
            return false;
        }
        String path = url.getPath().endsWith("/") ? url.getPath().substring(0, url.getPath().length() - 1) : url.getPath();
        URI publicUri = parse(publicUrl);
        boolean ownHost = isLoopback(url.getHost())
                || publicUri != null && url.getHost().equalsIgnoreCase(publicUri.getHost());
        return path.equals(simulatorPath) && ownHost;
    }

    /** localhost or a loopback IP literal; names are not resolved (no DNS at start-up). */
    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (name.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!name.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(name).isLoopbackAddress();   // a literal: parsed, not looked up
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static URI parse(String url) {
        try {
            return url == null || url.isBlank() ? null : new URI(url.trim());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String hostOf(String url) {
        URI parsed = parse(url);
        return parsed == null || parsed.getHost() == null ? "a URL" : parsed.getHost();
    }
}
