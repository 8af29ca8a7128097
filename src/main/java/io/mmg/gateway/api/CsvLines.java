package io.mmg.gateway.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Arrays;
import org.apache.commons.csv.CSVFormat;

/**
 * Lines of the CSV files the gateway writes (batch results, reconciliation reports): RFC 4180 by Apache Commons CSV,
 * LF line ends, and no field a spreadsheet would run as a formula.
 */
public final class CsvLines {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    private CsvLines() {
    }

    /** One line: the fields, escaped, comma separated, then a newline. */
    public static void write(Writer out, String... fields) {
        try {
            FORMAT.printRecord(out, Arrays.stream(fields).map(CsvLines::defused).toArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One field as {@link #write} writes it. */
    public static String escape(String value) {
        String safe = defused(value);
        return safe.isEmpty() ? safe : FORMAT.format(safe);
    }

    /**
     * A leading =, +, - or @ is prefixed with ' so a spreadsheet shows the text instead of running it (CSV injection);
     * plain numbers such as -25 stay as they are. Commons CSV quotes, it does not guard against this.
     */
    private static String defused(String value) {
        if (value == null) {
            return "";
        }
        return !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?\\d+(\\.\\d+)?")
                ? "'" + value : value;
    }
}
