package dev.lovedcrm.crm.user.internal;

import dev.lovedcrm.crm.internal.Validation;
import java.net.URI;
import java.time.ZoneId;
import java.util.IllformedLocaleException;
import java.util.Locale;
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
        if (timezone != null) {
            v.check(timezone.length() <= 50 && isZone(timezone), "timezone", "must be an IANA time zone such as America/Sao_Paulo");
        }
        if (language != null) {
            v.check(language.length() <= 10 && isLanguageTag(language), "language", "must be a BCP 47 language tag such as pt-BR");
        }
    }

    private static boolean isWebUrl(String url) {
        try {
            URI uri = URI.create(url);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isZone(String zone) {
        return ZoneId.getAvailableZoneIds().contains(zone);
    }

    private static boolean isLanguageTag(String tag) {
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag).build();
            return !locale.getLanguage().isEmpty();
        } catch (IllformedLocaleException e) {
            return false;
        }
    }
}
