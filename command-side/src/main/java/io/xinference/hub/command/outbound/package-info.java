/**
 * Requests the hub sends to URLs that its users chose (webhook receivers today; any future server-side fetch goes
 * through here too): {@link io.xinference.hub.command.outbound.OutboundPolicy} says which URLs and addresses may
 * be reached, {@link io.xinference.hub.command.outbound.OutboundHttp} sends under it and answers an
 * {@link io.xinference.hub.command.outbound.OutboundOutcome}.
 *
 * <p>The rule: only the configured schemes ({@code https}) and ports ({@code 443}); the host a DNS name or a
 * canonical IP literal ({@code 127.1}, {@code 0x7f.0.0.1}, {@code 2130706433} are refused, not guessed at); no
 * address that is loopback, unspecified, private, carrier-grade NAT, link-local, unique-local, site-local,
 * multicast, reserved, documentation or benchmarking, nor any IPv6 form embedding an IPv4 address (mapped,
 * compatible, NAT64, 6to4, Teredo). A name is resolved when the request is sent, every address it answers is
 * checked, and the connection goes to those addresses (no second lookup). {@code hub.outbound.trusted-networks}
 * lets tests and development reach 127.0.0.1; it is empty by default.
 */
package io.xinference.hub.command.outbound;
