package dev.lovedcrm.crm.internal;


/** Keys of {@code crm.auth_throttle}: per client address, and per (hashed) account email. */
public final class ThrottleKeys {

    private ThrottleKeys() {
    }

    public static String email(String normalizedEmail) {
        return "email:" + Tokens.hash(normalizedEmail);
    }

    public static String address(String ipAddress) {
        return "ip:" + ipAddress;
    }
}
