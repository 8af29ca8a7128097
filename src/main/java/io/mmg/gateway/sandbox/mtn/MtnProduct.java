package io.mmg.gateway.sandbox.mtn;

import java.util.Locale;

/** The three MoMo products, each with its own path prefix, subscription key and token (docs/providers.md#mtn-hosts, #mtn-authentication). */
public enum MtnProduct {
    COLLECTION,
    DISBURSEMENT,
    REMITTANCE;

    /** Path variable pattern for Spring mappings: anything else under /sandbox/mtn is not a product. */
    static final String PATTERN = "collection|disbursement|remittance";

    public String path() {
        return name().toLowerCase(Locale.ROOT);
    }

    static MtnProduct fromPath(String path) {
        return valueOf(path.toUpperCase(Locale.ROOT));
    }
}
