package io.mmg.gateway.sandbox.mpesa;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The outcome rules of one API, compiled once: the first rule whose number and amount match decides. */
final class MpesaSandboxRules {

    /** What a rule decided. */
    record Decision(String resultCode, Duration delay, boolean queueTimeout) {
    }

    private record Compiled(Pattern msisdn, MpesaSandboxRule rule) {
    }

    private final List<Compiled> rules;

    MpesaSandboxRules(List<MpesaSandboxRule> rules) {
        this.rules = rules.stream()
                .map(rule -> new Compiled(rule.msisdn() == null ? null : Pattern.compile(rule.msisdn()), rule))
                .toList();
    }

    Optional<Decision> decide(String msisdn, BigDecimal amount) {
        for (Compiled compiled : rules) {
            MpesaSandboxRule rule = compiled.rule();
            if (rule.amount() != null && (amount == null || rule.amount().compareTo(amount) != 0)) {
                continue;
            }
            String code = rule.resultCode();
            if (compiled.msisdn() != null) {
                Matcher matcher = compiled.msisdn().matcher(msisdn == null ? "" : msisdn);
                if (!matcher.matches()) {
                    continue;
                }
                if (matcher.groupCount() >= 1 && matcher.group(1) != null) {
                    code = code.replace("$1", matcher.group(1));
                }
            }
            return Optional.of(new Decision(normalise(code), rule.delay(), rule.queueTimeout()));
        }
        return Optional.empty();
    }

    /** "0000" is ResultCode 0 and "1032" stays 1032: numeric codes lose their leading zeros. */
    static String normalise(String code) {
        if (code.matches("\\d+")) {
            String stripped = code.replaceFirst("^0+", "");
            return stripped.isEmpty() ? "0" : stripped;
        }
        return code;
    }
}
