package io.xinference.hub.command.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Turns a host name into addresses: the system's resolver in the app, one the test controls in tests. */
@FunctionalInterface
public interface HostResolver {

    HostResolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
}
