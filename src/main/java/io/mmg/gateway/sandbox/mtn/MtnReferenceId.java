package io.mmg.gateway.sandbox.mtn;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code X-Reference-Id}: chosen by the client, it must be a version 4 UUID or MoMo answers 400
 * (docs/providers.md#mtn-authentication); on a status GET any UUID is a well-formed reference, anything else is 400 (docs/providers.md#mtn-status).
 */
final class MtnReferenceId {

    private static final Pattern UUID_ANY = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern UUID_V4 = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-4[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}");

    private MtnReferenceId() {
    }

    static boolean isUuidV4(String value) {
        return value != null && UUID_V4.matcher(value).matches();
    }

    static boolean isUuid(String value) {
        return value != null && UUID_ANY.matcher(value).matches();
    }

    /** The header's value in lower case, or a 400 answer. */
    static String requireNew(String header) {
        if (!isUuidV4(header)) {
            throw MtnSandboxException.badRequest("X-Reference-Id must be a version 4 UUID.");
        }
        return header.toLowerCase(Locale.ROOT);
    }

    /** A path reference in lower case, or a 400 answer. */
    static String requireExisting(String reference) {
        if (!isUuid(reference)) {
            throw MtnSandboxException.badRequest("The reference id must be a UUID.");
        }
        return reference.toLowerCase(Locale.ROOT);
    }
}
