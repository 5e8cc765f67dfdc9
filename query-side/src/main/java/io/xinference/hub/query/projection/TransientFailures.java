package io.xinference.hub.query.projection;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;

import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Whether a projection failure is Elasticsearch being unreachable or overloaded (connection refused or reset,
 * timeout, 429, 5xx), which a later attempt of the same event fixes, rather than something about the event.
 */
public final class TransientFailures {

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable cause = failure; cause != null && seen.put(cause, true) == null; cause = cause.getCause()) {
            if (cause instanceof TransportException transport) {
                // an HTTP answer that is not Elasticsearch's JSON (a proxy's 502, a 404): by its status
                if (retryableStatus(transport.statusCode())) {
                    return true;
                }
                continue;
            }
            if (cause instanceof IOException) {
                return true;
            }
            if (cause instanceof ElasticsearchException elasticsearch && retryableStatus(elasticsearch.status())) {
                return true;
            }
        }
        return false;
    }

    /** 429 or 5xx: Elasticsearch overloaded or failing, worth another attempt; any other 4xx is about the request. */
    public static boolean retryableStatus(int status) {
        return status == 429 || status >= 500;
    }
}
