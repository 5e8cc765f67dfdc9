package io.xinference.hub.platform;

import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The token store with one race closed: instances of an app that start together on a fresh database each find a
 * processor without token entries and each insert its segments; the second insert fails on the primary key, rolls
 * back the start transaction, and that instance does not start. Here the initialization takes a transaction-scoped
 * PostgreSQL advisory lock per processor first and initializes only if the segments are still missing once it has
 * it (the first instance's entries are committed by then). Everything else goes straight to Axon's store.
 */
public final class SerializedSegmentInitialization implements TokenStore {

    private static final Logger log = LoggerFactory.getLogger(SerializedSegmentInitialization.class);

    private final TokenStore delegate;
    private final DataSource dataSource;

    public SerializedSegmentInitialization(TokenStore delegate, DataSource dataSource) {
        this.delegate = delegate;
        this.dataSource = dataSource;
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) {
        initializeTokenSegments(processorName, segmentCount, null);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) {
        lockInitializationOf(processorName);
        if (delegate.fetchSegments(processorName).length > 0) {
            log.info("token segments of {} were initialized by another instance meanwhile", processorName);
            return;
        }
        delegate.initializeTokenSegments(processorName, segmentCount, initialToken);
    }

    /** Held until the surrounding (start) transaction ends; without one it protects nothing but harms nothing. */
    private void lockInitializationOf(String processorName) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
            lock.setString(1, "axon-token-segments:" + processorName);
            lock.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("could not lock the token segments of " + processorName, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
        delegate.storeToken(token, processorName, segment);
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) {
        return delegate.fetchToken(processorName, segment);
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) {
        return delegate.fetchToken(processorName, segment);
    }

    @Override
    public void extendClaim(String processorName, int segment) throws UnableToClaimTokenException {
        delegate.extendClaim(processorName, segment);
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        delegate.releaseClaim(processorName, segment);
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment) {
        delegate.initializeSegment(token, processorName, segment);
    }

    @Override
    public void deleteToken(String processorName, int segment) {
        delegate.deleteToken(processorName, segment);
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return delegate.requiresExplicitSegmentInitialization();
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return delegate.fetchSegments(processorName);
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        return delegate.fetchAvailableSegments(processorName);
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        return delegate.retrieveStorageIdentifier();
    }
}
