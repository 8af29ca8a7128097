package io.mmg.gateway.batch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 CSV reader: comma separated, fields optionally in double quotes (a quote inside
 * written twice; commas and line breaks allowed inside), CRLF or LF line ends. It holds one record at a
 * time, so a file of any size is read in constant memory. Blank lines are skipped. Control characters other than tab
 * and line ends are refused: the file is binary (or UTF-16), not text.
 */
final class CsvReader {

    private static final int NONE = -2;

    private final Reader in;
    private int pushedBack = NONE;
    private int line = 1;

    CsvReader(Reader in) {
        this.in = in instanceof BufferedReader ? in : new BufferedReader(in, 64 * 1024);
    }

    /** The next record's fields, or null at the end of the input. */
    List<String> next() {
        List<String> record;
        do {
            record = readRecord();
        } while (record != null && record.size() == 1 && record.get(0).isBlank());
        return record;
    }

    /** The line the last record ended on (1-based), for error messages. */
    int line() {
        return line;
    }

    private List<String> readRecord() {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        while (true) {
            int c = read();
            if (c == -1) {
                if (quoted) {
                    throw new CsvFormatException("A quoted field is not closed at line " + line);
                }
                if (!any) {
                    return null;
                }
                fields.add(field.toString());
                return fields;
            }
            any = true;
            if (quoted) {
                if (c != '"') {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                } else if (peek() == '"') {
                    read();
                    field.append('"');
                } else {
                    quoted = false;
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                line++;
                fields.add(field.toString());
                return fields;
            } else if (c != '\r') {
                field.append((char) c);
            }
        }
    }

    private int peek() {
        int c = read();
        pushedBack = c;
        return c;
    }

    private int read() {
        if (pushedBack != NONE) {
            int c = pushedBack;
            pushedBack = NONE;
            return c;
        }
        int c;
        try {
            c = in.read();
        } catch (CharacterCodingException e) {
            throw new CsvFormatException("The file is not UTF-8 text (line " + line + "); save the CSV as UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (c >= 0 && c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            throw new CsvFormatException(String.format("The file is not text: control character 0x%02X at line %d "
                    + "(a binary or UTF-16 file?); send a UTF-8 CSV file", c, line));
        }
        return c;
    }
}
