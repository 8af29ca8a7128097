package io.mmg.gateway.web;

import io.mmg.gateway.api.ApiException;
import io.mmg.gateway.api.ErrorCode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A request body decoded as UTF-8 that refuses any byte sequence that is not UTF-8. The failure is the caller's
 * mistake, an {@link ApiException} (INVALID_FILE for a payout file, INVALID_REQUEST otherwise), and it stays: Camel's
 * type converters may try the reader again, and each try must end the same way, not with "Stream closed". It is
 * unchecked on purpose: as an IOException it would match the provider-retries handler of errors.yaml, which treats an
 * IOException as a provider call that failed. A body that cannot be read at all (a malformed chunk) is refused alike.
 */
final class StrictUtf8Reader extends BufferedReader {

    private final boolean file;
    private ApiException failure;

    StrictUtf8Reader(InputStream body, boolean file) {
        super(new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)));
        this.file = file;
    }

    @Override
    public int read() {
        failIfFailed();
        try {
            return super.read();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
        failIfFailed();
        try {
            return super.read(buffer, offset, length);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public String readLine() {
        failIfFailed();
        try {
            return super.readLine();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public long skip(long n) {
        failIfFailed();
        try {
            return super.skip(n);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public boolean ready() {
        failIfFailed();
        try {
            return super.ready();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private void failIfFailed() {
        if (failure != null) {
            throw failure;
        }
    }

    private ApiException failed(IOException cause) {
        if (!(cause instanceof CharacterCodingException)) {
            failure = new ApiException(ErrorCode.INVALID_REQUEST, "The request body could not be read: "
                    + cause.getMessage(), Map.of());
        } else if (file) {
            failure = new ApiException(ErrorCode.INVALID_FILE, "The file is not UTF-8 text; save the CSV as UTF-8",
                    Map.of("encoding", "UTF-8"));
        } else {
            failure = new ApiException(ErrorCode.INVALID_REQUEST, "The request body is not UTF-8 text; send UTF-8 JSON",
                    Map.of("encoding", "UTF-8"));
        }
        return failure;
    }
}
