package io.mmg.gateway.batch;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Records of an RFC 4180 CSV file, read by Apache Commons CSV one at a time (a file of any size in constant
 * memory): comma separated, fields optionally in double quotes (a quote inside written twice; commas and line
 * breaks allowed inside), CRLF or LF line ends, blank lines skipped. A quote that does not close its field
 * ({@code "ab"cd}, or never closed) makes the whole file invalid, never a silently altered value. Only text
 * reaches the parser ({@link TextOnlyReader}): binary, UTF-16 or non-UTF-8 files are refused.
 */
final class CsvReader {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;

    CsvReader(Reader in) {
        try {
            this.parser = CSVParser.builder().setReader(new TextOnlyReader(in)).setFormat(FORMAT).get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.records = parser.iterator();
    }

    /** The next record's fields, or null at the end of the input. */
    List<String> next() {
        List<String> record;
        do {
            record = read();
        } while (record != null && record.size() == 1 && record.get(0).isBlank());
        return record;
    }

    private List<String> read() {
        try {
            return records.hasNext() ? records.next().toList() : null;
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CSVException malformed) {
                throw new CsvFormatException("The file is not valid CSV (" + malformed.getMessage()
                        + "): a field in double quotes ends at its closing quote, and a quote inside it is written twice");
            }
            throw e;
        }
    }
}
