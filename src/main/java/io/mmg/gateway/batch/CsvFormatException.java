package io.mmg.gateway.batch;

import io.mmg.gateway.api.ApiException;
import io.mmg.gateway.api.ErrorCode;

/** The file is not a readable payout file at all (as opposed to a row with a bad value): nothing is stored. */
class CsvFormatException extends ApiException {
    CsvFormatException(String message) {
        super(ErrorCode.INVALID_FILE, message);
    }
}
