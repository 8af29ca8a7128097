package io.mmg.gateway.batch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 CSV reader: comma separated, fields optionally in double quotes (a quote inside
 * written twice; commas and line breaks allowed inside), CRLF or LF line ends. It holds one record at a
 * time, so a file of any size is read in constant memory. Blank lines are skipped.
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
        try {
            return in.read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
