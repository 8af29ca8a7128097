package io.mmg.gateway.batch;

import io.mmg.gateway.api.ApiException;
import java.util.UUID;

/**
 * The file name a payout file is known by ({@code ?fileName=} of an upload, or the dropped file's own): shown in the
 * batch and used for its result file in outbox/&lt;client&gt;/, so it must be a plain name, not a path.
 */
final class BatchFileNames {

    static final int MAX_LENGTH = 255;

    private BatchFileNames() {
    }

    /** The name as given, or null when none was; 400 for a name that cannot be a file's name. */
    static String checked(String name) {
        if (name == null || name.isEmpty()) {
            return null;
        }
        if (name.length() > MAX_LENGTH || name.isBlank() || name.equals(".") || name.equals("..")
                || name.indexOf('/') >= 0 || name.indexOf('\\') >= 0
                || name.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.invalidField("fileName", "fileName must be a plain file name (no path, no control "
                    + "characters, at most " + MAX_LENGTH + " characters), such as payouts-2026-11.csv");
        }
        return name;
    }

    /** The result file's name before ".result.csv": the file's name without ".csv"; the batch id when it has none. */
    static String resultBaseName(String fileName, UUID batchId) {
        String name = fileName == null ? ""
                : fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
            name = name.substring(0, name.length() - 4);
        }
        if (name.isBlank() || name.equals(".") || name.equals("..") || name.chars().anyMatch(Character::isISOControl)) {
            return batchId.toString();
        }
        return name;
    }
}
