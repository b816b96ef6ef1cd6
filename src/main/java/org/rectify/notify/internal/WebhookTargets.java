package org.rectify.notify.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Where a webhook may post. A webhook URL is typed by an office, so without care the server would post (and
 * report back) to anything it can reach: its own loopback, the cloud metadata service at 169.254.169.254, the
 * intranet. By default only public addresses on ports 80 and 443 are targets; an administrator's allow-list
 * (host names, addresses or CIDR ranges) admits internal receivers, on any port. The address is checked after
 * the name is resolved, every address it resolves to, and the sender connects to the checked address.
 */
public final class WebhookTargets {

    /** Why a target is refused: a bundle key the form shows, and a short text for the delivery log. */
    public enum Refusal {
        MALFORMED("webhook.urlInvalid", "not an http(s) URL"),
        PORT("webhook.portNotAllowed", "port not allowed (only 80 and 443 unless allow-listed)"),
        ADDRESS("webhook.addressNotAllowed", "address not allowed (loopback, link-local, private or reserved)");

        public final String messageKey;
        public final String logText;

        Refusal(String messageKey, String logText) {
            this.messageKey = messageKey;
            this.logText = logText;
        }

        /** The refusal a delivery error records, to say it in the reader's language. */
        public static Optional<Refusal> of(String error) {
            return Arrays.stream(values()).filter(r -> r.logText.equals(error)).findFirst();
        }
    }

    /** Names resolved the way the sender resolves them; replaceable in tests. */
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    public static final Resolver SYSTEM = InetAddress::getAllByName;

    private static final Pattern ADDRESS_LIKE = Pattern.compile("[0-9.]+|.*:.*");

    /** Addresses that are never a public receiver (IPv4-mapped IPv6 addresses are checked as IPv4). */
    private static final List<Cidr> NOT_PUBLIC = Cidr.all("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8",
            "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16",
            "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
            "::/96", "::1/128", "64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "2001::/23", "2001:db8::/32", "2002::/16",
            "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8");

    private final Set<String> hosts;
    private final List<Cidr> ranges;

    private WebhookTargets(Set<String> hosts, List<Cidr> ranges) {
        this.hosts = hosts;
        this.ranges = ranges;
    }

    /** The allow-list as an administrator writes it: host names, addresses and CIDR ranges, blank ones ignored. */
    public static WebhookTargets allowing(Collection<String> entries) {
        Set<String> hosts = new TreeSet<>();
        List<Cidr> ranges = new ArrayList<>();
        for (String raw : entries) {
            String e = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
            if (e.startsWith("[") && e.endsWith("]")) {
                e = e.substring(1, e.length() - 1);
            }
            if (e.isEmpty()) {
                continue;
            }
            if (e.contains("/") || ADDRESS_LIKE.matcher(e).matches()) {
                ranges.add(Cidr.parse(e));
            } else {
                hosts.add(e);
            }
        }
        return new WebhookTargets(Set.copyOf(hosts), List.copyOf(ranges));
    }

    public static WebhookTargets publicOnly() {
        return allowing(List.of());
    }

    /** Whether an allow-list entry is well formed (the admin form says which is not). */
    public static boolean validEntry(String entry) {
        try {
            allowing(List.of(entry));
            return entry != null && !entry.isBlank();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The URL's shape: http or https, a host, no user info, port 80/443 unless the host is allow-listed. */
    public Optional<Refusal> checkUrl(String url) {
        URI uri;
        try {
            uri = url == null ? null : new URI(url.strip());
        } catch (URISyntaxException e) {
            return Optional.of(Refusal.MALFORMED);
        }
        String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getUserInfo() != null) {
            return Optional.of(Refusal.MALFORMED);
        }
        int port = uri.getPort();
        if (port != -1 && port != 80 && port != 443 && !hostAllowListed(host(uri))) {
            return Optional.of(Refusal.PORT);
        }
        return Optional.empty();
    }

    /**
     * The addresses to connect to for this host: all it resolves to, each checked; refused if any one is not
     * allowed (a name that answers with one public and one private address is not a public receiver).
     */
    public InetAddress[] resolve(String host, Resolver resolver) throws UnknownHostException, TargetRefused {
        String h = unbracket(host).toLowerCase(Locale.ROOT);
        InetAddress[] addresses = resolver.resolve(h);
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException(host);
        }
        if (!hosts.contains(h)) {
            for (InetAddress a : addresses) {
                if (!permits(a)) {
                    throw new TargetRefused(Refusal.ADDRESS);
                }
            }
        }
        return addresses;
    }

    /** The whole check of a URL before it is saved or posted to: its shape, then every address of its host. */
    public Optional<Refusal> check(String url, Resolver resolver) {
        Optional<Refusal> shape = checkUrl(url);
        if (shape.isPresent()) {
            return shape;
        }
        try {
            resolve(host(URI.create(url.strip())), resolver);
            return Optional.empty();
        } catch (TargetRefused e) {
            return Optional.of(e.refusal());
        } catch (UnknownHostException e) {
            return Optional.empty(); // not resolvable now: checked again, and refused then, when a message is sent
        }
    }

    /** An address is a target when it is public or inside an allow-listed range. */
    public boolean permits(InetAddress address) {
        InetAddress a = embeddedIpv4(address);
        return ranges.stream().anyMatch(r -> r.contains(a) || r.contains(address))
                || NOT_PUBLIC.stream().noneMatch(r -> r.contains(a)) && !a.isAnyLocalAddress() && !a.isLoopbackAddress()
                && !a.isLinkLocalAddress() && !a.isSiteLocalAddress() && !a.isMulticastAddress();
    }

    private boolean hostAllowListed(String host) {
        if (hosts.contains(host)) {
            return true;
        }
        if (!ADDRESS_LIKE.matcher(host).matches()) {
            return false;
        }
        try {
            InetAddress literal = InetAddress.getByName(host); // a literal: no lookup
            return ranges.stream().anyMatch(r -> r.contains(literal) || r.contains(embeddedIpv4(literal)));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String host(URI uri) {
        return unbracket(uri.getHost()).toLowerCase(Locale.ROOT);
    }

    private static String unbracket(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** ::ffff:10.0.0.1 and ::10.0.0.1 are 10.0.0.1 to whoever routes them. */
    private static InetAddress embeddedIpv4(InetAddress address) {
        if (address instanceof Inet6Address six) {
            byte[] b = six.getAddress();
            boolean mapped = Arrays.equals(Arrays.copyOfRange(b, 0, 12), new byte[]{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1});
            if (mapped) {
                try {
                    return Inet4Address.getByAddress(Arrays.copyOfRange(b, 12, 16));
                } catch (UnknownHostException e) {
                    return address;
                }
            }
        }
        return address;
    }

    @Override
    public String toString() {
        return "WebhookTargets[hosts=" + hosts + ", ranges=" + ranges + "]";
    }

    /** A refused target. */
    public static final class TargetRefused extends Exception {
        private final Refusal refusal;

        TargetRefused(Refusal refusal) {
            super(refusal.logText);
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    /** An address range: 10.0.0.0/8, fd00::/8, or one address. */
    record Cidr(byte[] network, int prefix, String text) {

        static List<Cidr> all(String... ranges) {
            return Arrays.stream(ranges).map(Cidr::parse).toList();
        }

        static Cidr parse(String text) {
            String[] parts = text.split("/", 2);
            String address = unbracket(parts[0].strip());
            if (!ADDRESS_LIKE.matcher(address).matches()) {
                throw new IllegalArgumentException("not an address: " + text);
            }
            try {
                byte[] network = InetAddress.getByName(address).getAddress(); // a literal: no lookup
                int prefix = parts.length == 1 ? network.length * 8 : Integer.parseInt(parts[1].strip());
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new IllegalArgumentException("bad prefix: " + text);
                }
                return new Cidr(network, prefix, text);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("not a range: " + text, e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (a[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (a[full] & mask) == (network[full] & mask);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
