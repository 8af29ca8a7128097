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
 * A request body decoded as UTF-8 that refuses any byte sequence that is not UTF-8. The failure names the caller's
 * mistake (an {@link ApiException} as its cause: INVALID_FILE for a payout file, INVALID_REQUEST otherwise) and stays:
 * Camel's type converters may try the reader again, and each try must end the same way, not with "Stream closed".
 */
final class StrictUtf8Reader extends BufferedReader {

    private final boolean file;
    private IOException failure;

    StrictUtf8Reader(InputStream body, boolean file) {
        super(new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)));
        this.file = file;
    }

    @Override
    public int read() throws IOException {
        failIfFailed();
        try {
            return super.read();
        } catch (CharacterCodingException e) {
            throw failed();
        }
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        failIfFailed();
        try {
            return super.read(buffer, offset, length);
        } catch (CharacterCodingException e) {
            throw failed();
        }
    }

    @Override
    public String readLine() throws IOException {
        failIfFailed();
        try {
            return super.readLine();
        } catch (CharacterCodingException e) {
            throw failed();
        }
    }

    @Override
    public long skip(long n) throws IOException {
        failIfFailed();
        try {
            return super.skip(n);
        } catch (CharacterCodingException e) {
            throw failed();
        }
    }

    @Override
    public boolean ready() throws IOException {
        failIfFailed();
        return super.ready();
    }

    private void failIfFailed() throws IOException {
        if (failure != null) {
            throw failure;
        }
    }

    private IOException failed() {
        ApiException why = file
                ? new ApiException(ErrorCode.INVALID_FILE, "The file is not UTF-8 text; save the CSV as UTF-8",
                        Map.of("encoding", "UTF-8"))
                : new ApiException(ErrorCode.INVALID_REQUEST, "The request body is not UTF-8 text; send UTF-8 JSON",
                        Map.of("encoding", "UTF-8"));
        failure = new IOException(why.getMessage(), why);
        return failure;
    }
}
