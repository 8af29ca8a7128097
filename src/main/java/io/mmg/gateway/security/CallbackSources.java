package io.mmg.gateway.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An allowlist of source addresses, each an IP (IPv4 or IPv6) or a CIDR range such as 196.201.214.0/24.
 * Empty = every source is allowed. Only literal addresses are accepted, never host names (no DNS lookups).
 */
public final class CallbackSources {

    private final List<Range> ranges;

    private CallbackSources(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /** Comma or whitespace separated entries; an invalid entry fails start-up rather than open the door. */
    public static CallbackSources parse(String entries) {
        List<Range> ranges = new ArrayList<>();
        if (entries != null) {
            for (String entry : entries.split("[,\\s]+")) {
                if (!entry.isBlank()) {
                    ranges.add(Range.parse(entry.trim()));
                }
            }
        }
        return new CallbackSources(ranges);
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** True when the list is empty or the address is in one of its ranges; an unreadable address is not. */
    public boolean allows(String address) {
        if (ranges.isEmpty()) {
            return true;
        }
        Optional<byte[]> bytes = literal(address);
        return bytes.isPresent() && ranges.stream().anyMatch(range -> range.contains(bytes.get()));
    }

    @Override
    public String toString() {
        return ranges.toString();
    }

    private record Range(String text, byte[] network, int prefixBits) {

        static Range parse(String entry) {
            int slash = entry.indexOf('/');
            String address = slash < 0 ? entry : entry.substring(0, slash);
            byte[] network = literal(address).orElseThrow(() -> new IllegalArgumentException(
                    "Not an IP address in gateway.callbacks.allowed-sources: " + entry));
            int bits = network.length * 8;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    bits = -1;
                }
                if (bits < 0 || bits > network.length * 8) {
                    throw new IllegalArgumentException("Not a CIDR prefix length in gateway.callbacks.allowed-sources: "
                            + entry);
                }
            }
            return new Range(entry, network, bits);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int fullBytes = prefixBits / 8;
            for (int i = 0; i < fullBytes; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefixBits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest) & 0xFF;
            return (address[fullBytes] & mask) == (network[fullBytes] & mask);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** The bytes of a literal IPv4/IPv6 address (IPv4-mapped IPv6 as IPv4), never resolving a name. */
    private static Optional<byte[]> literal(String address) {
        if (address == null) {
            return Optional.empty();
        }
        String text = address.trim();
        int zone = text.indexOf('%');
        if (zone >= 0) {
            text = text.substring(0, zone);
        }
        boolean ipv4 = text.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = text.indexOf(':') >= 0 && text.matches("[0-9A-Fa-f:.]+");
        if (!ipv4 && !ipv6) {
            return Optional.empty();
        }
        try {
            // A literal address: getByName parses it, it does not look anything up.
            return Optional.of(InetAddress.getByName(text).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
