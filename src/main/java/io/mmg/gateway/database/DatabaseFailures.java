package io.mmg.gateway.database;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.apache.camel.Exchange;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Tells a database that cannot serve now (unreachable, restarting, a statement or lock wait cut by
 * gateway.database's bounds) from a bug. The first is answered 503 SERVICE_UNAVAILABLE and logged as one
 * line; only the second is an INTERNAL_ERROR with a stack trace.
 */
@Component("databaseFailures")
public class DatabaseFailures {

    /**
     * SQLStates of PostgreSQL (https://www.postgresql.org/docs/current/errcodes-appendix.html) that mean "not now":
     * 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now (starting or stopping),
     * 57014 query_canceled (statement_timeout), 55P03 lock_not_available (lock_timeout). Classes 08 (connection
     * exception) and 53 (insufficient resources: too many connections, disk full) are matched as classes.
     */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "57014", "55P03");

    /** For onWhen in routes/errors.yaml: whether the failure of the exchange is the database's. */
    public boolean caught(Exchange exchange) {
        Throwable failure = exchange.getException();
        return isUnavailable(failure != null ? failure : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
    }

    public static boolean isUnavailable(Throwable failure) {
        int depth = 0;
        for (Throwable current = failure; current != null && depth++ < 20; current = current.getCause()) {
            if (current instanceof SQLTransientConnectionException
                    || current instanceof DataAccessResourceFailureException) {
                return true;
            }
            if (current instanceof SQLException sql && unavailableState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * One line about the failure for the log: the innermost SQLException's state and first line (server messages
     * may go on with statement context), never a stack trace.
     */
    public static String describe(Throwable failure) {
        SQLException innermost = null;
        int depth = 0;
        for (Throwable current = failure; current != null && depth++ < 20; current = current.getCause()) {
            if (current instanceof SQLException sql) {
                innermost = sql;
            }
        }
        Throwable shown = innermost != null ? innermost : failure;
        if (shown == null) {
            return "unknown failure";
        }
        String message = String.valueOf(shown.getMessage());
        int newline = message.indexOf('\n');
        String firstLine = newline < 0 ? message : message.substring(0, newline);
        String state = innermost != null && innermost.getSQLState() != null ? " [" + innermost.getSQLState() + "]" : "";
        return shown.getClass().getSimpleName() + state + ": " + firstLine;
    }

    private static boolean unavailableState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("53") || UNAVAILABLE_STATES.contains(state));
    }
}
