package io.mmg.gateway.batch;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;

/**
 * Lets only text through to the CSV parser: a control character other than tab and line ends means a binary or
 * UTF-16 file, and bytes that are not UTF-8 (a strict decoder underneath) mean a file saved in another encoding.
 * Either is refused as a format error naming the line, instead of reaching the parser or the database.
 */
final class TextOnlyReader extends FilterReader {

    private int line = 1;

    TextOnlyReader(Reader in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        char[] one = new char[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0];
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n;
        try {
            n = super.read(buffer, offset, length);
        } catch (CharacterCodingException e) {
            throw new CsvFormatException("The file is not UTF-8 text (line " + line + "); save the CSV as UTF-8");
        }
        for (int i = offset; i < offset + n; i++) {
            char c = buffer[i];
            if (c == '\n') {
                line++;
            } else if (c < 0x20 && c != '\t' && c != '\r') {
                throw new CsvFormatException(String.format("The file is not text: control character 0x%02X at line %d "
                        + "(a binary or UTF-16 file?); send a UTF-8 CSV file", (int) c, line));
            }
        }
        return n;
    }
}
