package dev.lovedcrm.crm.user.internal;

import dev.lovedcrm.crm.internal.Validation;
import java.net.URI;
import java.util.regex.Pattern;

/** Checks of the profile fields shared by registration and profile updates. */
final class ProfileRules {

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]{3,20}");

    private ProfileRules() {
    }

    static void check(Validation v, String bio, String location, String avatarUrl, String phone, String timezone,
            String language) {
        v.optionalText("bio", bio, 2000).optionalText("location", location, 255);
        if (avatarUrl != null && !avatarUrl.isEmpty()) {
            v.check(avatarUrl.length() <= 2048 && isWebUrl(avatarUrl), "avatarUrl", "must be an http(s) URL of at most 2048 characters");
        }
        if (phone != null && !phone.isEmpty()) {
            v.check(phone.length() <= 20 && PHONE.matcher(phone).matches(), "phone", "must be a phone number of at most 20 characters");
        }
        v.timezone("timezone", timezone).languageTag("language", language);
    }

    private static boolean isWebUrl(String url) {
        try {
            URI uri = URI.create(url);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
