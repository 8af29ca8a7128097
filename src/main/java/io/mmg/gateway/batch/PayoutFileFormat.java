package io.mmg.gateway.batch;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The documented CSV format of a payout file (docs/batches.md): a header row naming the columns, in
 * any order, then one row per payee. Required: external_id, phone_number, amount. Optional: currency,
 * provider, narration. Unknown columns are refused so a misspelt header never goes unnoticed.
 */
final class PayoutFileFormat {

    static final List<String> REQUIRED = List.of("external_id", "phone_number", "amount");
    static final List<String> OPTIONAL = List.of("currency", "provider", "narration");

    private final Map<String, Integer> columns;

    private PayoutFileFormat(Map<String, Integer> columns) {
        this.columns = columns;
    }

    static PayoutFileFormat fromHeader(List<String> header) {
        if (header == null) {
            throw new CsvFormatException("The file is empty: expected a header row " + String.join(",", REQUIRED));
        }
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT);
            if (!REQUIRED.contains(name) && !OPTIONAL.contains(name)) {
                throw new CsvFormatException("Unknown column '" + name + "'; columns are " + String.join(", ", REQUIRED)
                        + " (required) and " + String.join(", ", OPTIONAL) + " (optional)");
            }
            if (columns.put(name, i) != null) {
                throw new CsvFormatException("Column '" + name + "' appears twice in the header");
            }
        }
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                throw new CsvFormatException("The header has no '" + required + "' column");
            }
        }
        return new PayoutFileFormat(columns);
    }

    PayoutRow row(int rowNumber, List<String> fields) {
        return new PayoutRow(rowNumber, value(fields, "external_id"), value(fields, "phone_number"),
                value(fields, "amount"), value(fields, "currency"), value(fields, "provider"), value(fields, "narration"));
    }

    private String value(List<String> fields, String column) {
        Integer index = columns.get(column);
        if (index == null || index >= fields.size()) {
            return null;
        }
        String value = fields.get(index).trim();
        return value.isEmpty() ? null : value;
    }
}
