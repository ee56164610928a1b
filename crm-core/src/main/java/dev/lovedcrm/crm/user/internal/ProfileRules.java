package dev.lovedcrm.crm.user.internal;

import dev.lovedcrm.crm.internal.Validation;
import java.util.regex.Pattern;

/** Checks of the profile fields shared by registration and profile updates. */
final class ProfileRules {

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]{3,20}");

    private ProfileRules() {
    }

    static void check(Validation v, String bio, String location, String avatarUrl, String phone, String timezone,
            String language) {
        v.optionalMultilineText("bio", bio, 2000).optionalText("location", location, 255)
                .optionalWebUrl("avatarUrl", avatarUrl, 2048);
        if (phone != null && !phone.isEmpty()) {
            v.check(phone.length() <= 20 && PHONE.matcher(phone).matches(), "phone", "must be a phone number of at most 20 characters");
        }
        v.timezone("timezone", timezone).languageTag("language", language);
    }
}
