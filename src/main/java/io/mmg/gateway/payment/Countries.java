package io.mmg.gateway.payment;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The country table (the 11 MTN MoMo markets the gateway was first specified for) plus Kenya for M-Pesa, and the MTN sandbox's
 * test numbers (467331234xx, docs/providers.md#mtn-sandbox), which only exist in the sandbox and only take EUR.
 * National number lengths follow today's numbering plans (Nigeria and Côte d'Ivoire have 10 digits;
 * Benin moved from 8 to 10 in 2024 and both are accepted), not the 9-digit placeholder of the first specification.
 */
public final class Countries {

    /** Pseudo-country of the MTN sandbox test numbers; "ZZ" is ISO 3166's user-assigned "unknown". */
    public static final Country MTN_SANDBOX =
            new Country("ZZ", "MTN sandbox test numbers", "46733123", List.of(3), "EUR", Set.of(Provider.MTN_MOMO));

    private static final Set<Provider> MTN = Set.of(Provider.MTN_MOMO);

    public static final List<Country> ALL = List.of(
            new Country("UG", "Uganda", "256", List.of(9), "UGX", MTN),
            new Country("GH", "Ghana", "233", List.of(9), "GHS", MTN),
            new Country("RW", "Rwanda", "250", List.of(9), "RWF", MTN),
            new Country("ZM", "Zambia", "260", List.of(9), "ZMW", MTN),
            new Country("NG", "Nigeria", "234", List.of(10), "NGN", MTN),
            new Country("BJ", "Benin", "229", List.of(10, 8), "XOF", MTN),
            new Country("CM", "Cameroon", "237", List.of(9), "XAF", MTN),
            new Country("CG", "Congo-Brazzaville", "242", List.of(9), "XAF", MTN),
            new Country("CI", "Côte d'Ivoire", "225", List.of(10), "XOF", MTN),
            new Country("GW", "Guinea-Bissau", "245", List.of(9), "XOF", MTN),
            new Country("GN", "Guinea-Conakry", "224", List.of(9), "GNF", MTN),
            new Country("KE", "Kenya", "254", List.of(9), "KES", Set.of(Provider.MPESA)));

    private Countries() {
    }

    /** The country a number belongs to; sandbox test numbers only when the sandbox is the target. */
    public static Optional<Country> of(String msisdn, boolean includeSandboxNumbers) {
        if (includeSandboxNumbers && MTN_SANDBOX.matches(msisdn)) {
            return Optional.of(MTN_SANDBOX);
        }
        return ALL.stream().filter(country -> country.matches(msisdn)).findFirst();
    }

    public static Optional<Country> byCode(String code) {
        if (MTN_SANDBOX.code().equals(code)) {
            return Optional.of(MTN_SANDBOX);
        }
        return ALL.stream().filter(country -> country.code().equals(code)).findFirst();
    }
}
