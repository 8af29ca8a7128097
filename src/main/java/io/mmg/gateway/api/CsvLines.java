package io.mmg.gateway.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/** Lines of the CSV files the gateway writes (batch results, reconciliation reports). */
public final class CsvLines {

    private CsvLines() {
    }

    /** One line: the fields, escaped, comma separated, then a newline. */
    public static void write(Writer out, String... fields) {
        try {
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(escape(fields[i]));
            }
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** RFC 4180 quoting; a leading =, +, - or @ is prefixed so a spreadsheet never runs it as a formula. */
    public static String escape(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?\\d+(\\.\\d+)?")
                ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
