package io.xinference.hub.command.web;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;

import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class StoreUnavailableTest {

    @Test
    void anUnreachableOrRestartingDatabaseIsRecognisedThroughWrappers() {
        assertThat(StoreUnavailable.isCause(new CannotCreateTransactionException("no connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available")))).isTrue();
        assertThat(StoreUnavailable.isCause(new IllegalStateException(new SQLException("refused", "08001")))).isTrue();
        assertThat(StoreUnavailable.isCause(new SQLException("terminating connection due to administrator command",
                "57P01"))).isTrue();
        assertThat(StoreUnavailable.isCause(new SQLException("the database system is starting up", "57P03")))
                .isTrue();
        // Spring reports the failed rollback instead of the lost connection
        assertThat(StoreUnavailable.isCause(new IllegalStateException(new org.hibernate.TransactionException(
                "Unable to rollback against JDBC Connection", new SQLException("Connection is closed"))))).isTrue();
        // the rollback after a lost connection fails too: "Connection is closed", caused by a broken pipe
        assertThat(StoreUnavailable.isCause(new IllegalStateException("Unable to rollback against JDBC Connection",
                new SQLException("Connection is closed", new SocketException("Broken pipe"))))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(StoreUnavailable.isCause(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(StoreUnavailable.isCause(new IllegalStateException("bug"))).isFalse();
        // a socket error of something else than the database (an HTTP call) is not the store
        assertThat(StoreUnavailable.isCause(new RuntimeException(new ConnectException("Connection refused"))))
                .isFalse();
    }
}
