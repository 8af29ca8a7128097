package io.mmg.gateway.config;

/**
 * Counts the JDBC parameters ({@code ?}) of a prepared SQL statement the way the PostgreSQL driver sees
 * them: not inside comments, string literals, quoted identifiers or dollar-quoted bodies.
 */
public final class SqlParameterCount {

    private SqlParameterCount() {
    }

    public static int of(String sql) {
        int count = 0;
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '-' && sql.startsWith("--", i)) {
                i = end(sql, sql.indexOf('\n', i), 1);
            } else if (c == '/' && sql.startsWith("/*", i)) {
                i = end(sql, sql.indexOf("*/", i + 2), 2);
            } else if (c == '\'' || c == '"') {
                i = closingQuote(sql, i, c);
            } else if (c == '$' && dollarTag(sql, i) != null) {
                String tag = dollarTag(sql, i);
                i = end(sql, sql.indexOf(tag, i + tag.length()), tag.length());
            } else {
                if (c == '?') {
                    count++;
                }
                i++;
            }
        }
        return count;
    }

    private static int closingQuote(String sql, int open, char quote) {
        int i = open + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;   // doubled quote inside the literal
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    /** {@code $$} or {@code $tag$} starting at i, or null. */
    private static String dollarTag(String sql, int i) {
        int j = i + 1;
        while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
            j++;
        }
        return j < sql.length() && sql.charAt(j) == '$' && (j == i + 1 || !Character.isDigit(sql.charAt(i + 1)))
                ? sql.substring(i, j + 1) : null;
    }

    private static int end(String sql, int found, int length) {
        return found < 0 ? sql.length() : found + length;
    }
}
