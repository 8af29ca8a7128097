package io.mmg.gateway.faults;

import io.mmg.gateway.support.FaultDatabase;
import io.mmg.gateway.support.JarProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gateway processes for fault runs: the packaged jar on the run's database, its providers pointed at the
 * simulators' process, with short poller, retry and webhook timings so a run settles within the suite's minutes.
 */
final class FaultGateways {

    static final String API_KEY = "sk_fault_suite_merchant_key_0123456789";

    private FaultGateways() {
    }

    /**
     * @param settings more gateway settings ({@code --gateway.x=y}); they replace the defaults here (Spring joins a
     *                 setting given twice on the command line with a comma, so each is passed once)
     */
    static JarProcess gateway(String name, FaultDatabase database, ProviderSide provider, Path runDir,
                              String... settings) {
        List<String> arguments = new ArrayList<>(List.of(
                "--gateway.mtn.base-url=" + provider.mtnBaseUrl(),
                "--gateway.mpesa.base-url=" + provider.mpesaBaseUrl(),
                "--gateway.mtn.response-timeout-ms=2000",
                "--gateway.mtn.status-queries-per-second=50",
                "--gateway.retry.initial-delay-ms=100",
                "--gateway.circuit-breaker.open-seconds=2",
                "--gateway.poller.interval-ms=500",
                "--gateway.poller.first-delay=1s",
                "--gateway.poller.max-interval=2s",
                "--gateway.poller.lease=15s",
                "--gateway.webhooks.interval-ms=200",
                "--gateway.webhooks.initial-delay=200ms",
                "--gateway.webhooks.max-delay=1s",
                "--gateway.reconciliation.daily.enabled=false",
                "--gateway.batches.dir=" + runDir.resolve("batches-" + name)));
        Map<String, String> byName = new LinkedHashMap<>();
        for (String argument : arguments) {
            byName.put(argument.substring(0, argument.indexOf('=')), argument);
        }
        for (String setting : settings) {
            byName.put(setting.substring(0, setting.indexOf('=')), setting);
        }
        arguments = new ArrayList<>(byName.values());
        Map<String, String> environment = new HashMap<>(database.environment());
        environment.put("GATEWAY_SANDBOX_API_KEY", API_KEY);
        return JarProcess.of(name, List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), arguments,
                environment, runDir);
    }

    static Path runDir(Class<?> test) {
        return Path.of("target", "fault-runs", test.getSimpleName());
    }
}
