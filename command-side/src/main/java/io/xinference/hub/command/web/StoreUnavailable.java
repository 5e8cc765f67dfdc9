package io.xinference.hub.command.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Whether a failure means "PostgreSQL (the event store and every other table) cannot be reached right now", as
 * opposed to a bug: the command was not stored and may be sent again once the database is back. Recognised
 * anywhere in the cause chain, since Spring, Hibernate and Axon each wrap it differently:
 * <ul>
 *   <li>no connection from the pool within its timeout (Hikari: {@link SQLTransientConnectionException});</li>
 *   <li>the connection broke or could not be opened ({@link SQLNonTransientConnectionException}, SQLState class
 *       {@code 08}, {@link ConnectException});</li>
 *   <li>the server is shutting down, starting up or was told to end our session (SQLState {@code 57P01}
 *       admin_shutdown, {@code 57P02} crash_shutdown, {@code 57P03} cannot_connect_now).</li>
 * </ul>
 * Spring's own wrappers ({@code CannotCreateTransactionException}, {@code DataAccessResourceFailureException})
 * carry one of these as their cause.
 */
public final class StoreUnavailable {

    private StoreUnavailable() {
    }

    public static boolean isCause(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable cause = failure; cause != null && seen.put(cause, true) == null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof ConnectException) {
                return true;
            }
            if (cause instanceof SQLException sql && unavailableState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    static boolean unavailableState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.equals("57P01")
                || sqlState.equals("57P02") || sqlState.equals("57P03"));
    }
}
