package io.mmg.gateway.sandbox.mtn;

import java.util.Locale;
import java.util.Set;

/** MoMo's {@code Party}: {@code {"partyIdType": "MSISDN"|"EMAIL"|"PARTY_CODE", "partyId": "..."}} (docs/providers.md#mtn-authentication). */
public record MtnParty(String partyIdType, String partyId) {

    static final Set<String> ID_TYPES = Set.of("MSISDN", "EMAIL", "PARTY_CODE");

    boolean isMsisdn() {
        return "MSISDN".equals(partyIdType.toUpperCase(Locale.ROOT));
    }
}
