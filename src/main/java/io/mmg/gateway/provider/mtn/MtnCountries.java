package io.mmg.gateway.provider.mtn;

import java.util.Map;
import java.util.Optional;

/**
 * The production {@code X-Target-Environment} of each MTN market of the country table (Countries) (docs/providers.md#mtn-hosts): a client
 * must send the value of the wallet's country. The MTN Java SDK lists mtnuganda, mtnghana, mtnivorycoast,
 * mtnzambia, mtncameroon, mtnbenin, mtncongo and mtnguineaconakry; mtnrwanda and mtnnigeria come from
 * MTN's portal list only. No source names one for Guinea-Bissau: it has no default and must be
 * configured (gateway.mtn.countries.GW.target-environment). Any value can be overridden per country.
 */
final class MtnCountries {

    static final Map<String, String> TARGET_ENVIRONMENTS = Map.ofEntries(
            Map.entry("UG", "mtnuganda"),
            Map.entry("GH", "mtnghana"),
            Map.entry("RW", "mtnrwanda"),
            Map.entry("ZM", "mtnzambia"),
            Map.entry("NG", "mtnnigeria"),
            Map.entry("BJ", "mtnbenin"),
            Map.entry("CM", "mtncameroon"),
            Map.entry("CG", "mtncongo"),
            Map.entry("CI", "mtnivorycoast"),
            Map.entry("GN", "mtnguineaconakry"));

    private MtnCountries() {
    }

    static Optional<String> defaultTargetEnvironment(String countryCode) {
        return Optional.ofNullable(TARGET_ENVIRONMENTS.get(countryCode));
    }
}
