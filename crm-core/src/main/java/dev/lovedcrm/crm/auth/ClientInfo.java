package dev.lovedcrm.crm.auth;

import java.util.Map;

/**
 * Where a sign-in comes from, recorded on the session and used for per-address throttling.
 *
 * @param ipAddress the client's IPv4 or IPv6 address (literal, no host names), or {@code null}
 * @param userAgent the client's user agent (≤ 512 characters), or {@code null}
 * @param deviceInfo device details from the host (JSON object, ≤ 4 KiB), or {@code null}
 */
public record ClientInfo(String ipAddress, String userAgent, Map<String, Object> deviceInfo) {

    /**
     * Copies the device details.
     *
     * @param ipAddress IP address
     * @param userAgent user agent
     * @param deviceInfo device details
     */
    public ClientInfo {
        deviceInfo = deviceInfo == null ? Map.of() : Map.copyOf(deviceInfo);
    }

    /**
     * A client known by address and user agent.
     *
     * @param ipAddress the IP address
     * @param userAgent the user agent
     * @return the client info
     */
    public static ClientInfo of(String ipAddress, String userAgent) {
        return new ClientInfo(ipAddress, userAgent, Map.of());
    }

    /**
     * A client about which nothing is known (no per-address throttling applies).
     *
     * @return the client info
     */
    public static ClientInfo unknown() {
        return new ClientInfo(null, null, Map.of());
    }
}
