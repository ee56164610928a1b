package dev.lovedcrm.crm.auth.internal;

import dev.lovedcrm.crm.auth.ClientInfo;
import dev.lovedcrm.crm.internal.Validation;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Checks of {@link ClientInfo}: literal IP addresses only (no name lookups), bounded user agent and device info. */
final class ClientRules {

    static final int MAX_USER_AGENT = 512;
    static final int MAX_DEVICE_INFO_BYTES = 4096;
    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private ClientRules() {
    }

    static void check(Validation v, ClientInfo client) {
        if (client == null) {
            v.check(false, "client", "is required");
            return;
        }
        if (client.ipAddress() != null) {
            v.check(isIpLiteral(client.ipAddress()), "ipAddress", "must be an IPv4 or IPv6 address");
        }
        v.optionalText("userAgent", client.userAgent(), MAX_USER_AGENT)
                .json("deviceInfo", client.deviceInfo(), MAX_DEVICE_INFO_BYTES);
    }

    static boolean isIpLiteral(String address) {
        if (IPV4.matcher(address).matches()) {
            return true;
        }
        if (!address.contains(":") || !IPV6_CHARS.matcher(address).matches() || !groupsFitInet(address)) {
            return false;
        }
        try {
            return InetAddress.getByName(address) != null;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * PostgreSQL's {@code inet} takes at most four hex digits a group and an IPv4 tail without leading zeros,
     * where Java also accepts {@code 00001} and {@code 001.002.003.004}.
     */
    private static boolean groupsFitInet(String address) {
        String[] groups = address.split(":", -1);
        for (int i = 0; i < groups.length; i++) {
            boolean last = i == groups.length - 1;
            if (groups[i].contains(".") ? !last || !IPV4.matcher(groups[i]).matches() : groups[i].length() > 4) {
                return false;
            }
        }
        return true;
    }
}
