package io.paperpulse.notify.delivery;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.paperpulse.notify.config.NotifyConfig;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Keeps webhooks away from the service's own network (SSRF): a host is resolved, and refused when any of its
 * addresses is loopback, link-local, private (RFC 1918, unique-local IPv6, carrier-grade NAT), unspecified or
 * multicast, unless {@code PAPERPULSE_NOTIFY_ALLOW_PRIVATE=true}. The call then goes to the address checked here, so a
 * second look-up cannot rebind the name to another.
 */
@ApplicationScoped
public class AddressGuard {

    @Inject
    NotifyConfig config;

    /** Thrown for a host that must not be called; such a delivery is never tried again. */
    public static class RefusedAddress extends RuntimeException {
        public RefusedAddress(String message) {
            super(message);
        }
    }

    /** The address to call for {@code host}, resolved off the event loop. */
    public Uni<InetAddress> resolve(String host) {
        return Uni.createFrom().item(() -> check(host)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    InetAddress check(String host) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new RefusedAddress("the host " + host + " does not resolve");
        }
        if (!config.allowPrivate()) {
            for (InetAddress a : addresses) {
                if (isInternal(a)) {
                    throw new RefusedAddress("the host " + host + " resolves to the internal address " + a.getHostAddress());
                }
            }
        }
        return addresses[0];
    }

    static boolean isInternal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress() || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            // 100.64.0.0/10 (carrier-grade NAT), 0.0.0.0/8, 255.255.255.255
            return (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64 || b[0] == 0 || (b[0] & 0xff) == 255;
        }
        // fc00::/7 unique local; an IPv4-mapped address is judged as its IPv4 address
        if (a instanceof Inet6Address && (b[0] & 0xfe) == 0xfc) {
            return true;
        }
        if (isMapped(b)) {
            try {
                return isInternal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
            } catch (UnknownHostException e) {
                return true;
            }
        }
        return false;
    }

    private static boolean isMapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }
}
