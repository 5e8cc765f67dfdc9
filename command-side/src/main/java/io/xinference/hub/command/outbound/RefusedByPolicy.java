package io.xinference.hub.command.outbound;

import java.net.UnknownHostException;

/**
 * A request the {@link OutboundPolicy} would not let out. An {@link UnknownHostException} because that is what the
 * HTTP client's resolver may throw: the connection is never opened.
 */
final class RefusedByPolicy extends UnknownHostException {

    RefusedByPolicy(String host, String reason) {
        super(host + ": " + reason);
    }
}
