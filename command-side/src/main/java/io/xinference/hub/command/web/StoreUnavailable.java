package io.xinference.hub.command.web;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Whether a failure means "PostgreSQL (the event store and every other table) cannot be reached right now", as
 * opposed to a bug: the command was not acknowledged and may be sent again once the database is back.
 * Recognised anywhere among the causes (and suppressed exceptions), since Spring, Hibernate and Axon each wrap
 * it differently:
 * <ul>
 *   <li>no connection from the pool within its timeout (Hikari: {@link SQLTransientConnectionException});</li>
 *   <li>the connection broke or could not be opened ({@link SQLNonTransientConnectionException}, SQLState class
 *       {@code 08}, Hibernate's {@code JDBCConnectionException}, a JDBC failure caused by a socket error such
 *       as a broken pipe, or a rollback that failed in JDBC, which Spring reports instead of the lost
 *       connection that made the transaction fail);</li>
 *   <li>the server is shutting down, starting up or ended our session (SQLState {@code 57P01} admin_shutdown,
 *       {@code 57P02} crash_shutdown, {@code 57P03} cannot_connect_now).</li>
 * </ul>
 */
public final class StoreUnavailable {

    private StoreUnavailable() {
    }

    public static boolean isCause(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.push(failure);
        boolean jdbc = false;
        boolean socket = false;
        while (!pending.isEmpty()) {
            Throwable cause = pending.pop();
            if (!seen.add(cause)) {
                continue;
            }
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
            // a rollback (or commit) that failed in JDBC: the connection is gone. Spring then reports this in place
            // of the original failure, e.g. "terminating connection due to administrator command"
            if (cause.getClass().getName().equals("org.hibernate.TransactionException")
                    && cause.getCause() instanceof SQLException) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                if (unavailableState(sql.getSQLState())) {
                    return true;
                }
                jdbc = true;
            }
            if (cause instanceof IOException) {
                socket = true;
            }
            if (cause.getCause() != null) {
                pending.push(cause.getCause());
            }
            for (Throwable suppressed : cause.getSuppressed()) {
                pending.push(suppressed);
            }
        }
        return jdbc && socket;
    }

    static boolean unavailableState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.equals("57P01")
                || sqlState.equals("57P02") || sqlState.equals("57P03"));
    }
}
