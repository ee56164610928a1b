package dev.lovedcrm.crm.organization.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Organization slugs: validation of explicit ones and derivation from names. */
public final class Slugs {

    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 100;

    /** Slugs that would clash with a host's routes. */
    public static final Set<String> RESERVED = Set.of(
            "admin", "api", "www", "app", "dashboard", "settings", "help", "support", "login", "logout", "signup",
            "register", "auth", "oauth", "account", "billing", "static", "assets", "status", "docs", "blog", "mail",
            "root", "system", "new", "invite", "invites");

    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_SLUG = Pattern.compile("[^a-z0-9]+");

    private Slugs() {
    }

    /** Why an explicit slug is refused, or {@code null} when it is acceptable. */
    public static String problem(String slug) {
        if (slug.length() < MIN_LENGTH || slug.length() > MAX_LENGTH) {
            return "must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters";
        }
        if (!SLUG.matcher(slug).matches()) {
            return "may hold only lower-case letters, digits, '-' and '_', and must start and end with a letter or digit";
        }
        if (RESERVED.contains(slug)) {
            return "is reserved";
        }
        return null;
    }

    /**
     * A slug derived from a name: accents folded, lower case, runs of other characters turned into
     * single dashes, cut to leave room for a numeric suffix, and made acceptable if it is too short
     * or reserved.
     */
    public static String derive(String name) {
        String folded = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        String slug = NON_SLUG.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll("-");
        slug = trimDashes(slug);
        if (slug.length() > MAX_LENGTH - 6) {
            slug = trimDashes(slug.substring(0, MAX_LENGTH - 6));
        }
        if (slug.length() < MIN_LENGTH || RESERVED.contains(slug)) {
            slug = (slug.isEmpty() ? "org" : slug + "-org");
        }
        return slug;
    }

    /** The n-th candidate for a derived slug: the base, then base-2, base-3, … */
    public static String candidate(String base, int attempt) {
        return attempt <= 1 ? base : base + "-" + attempt;
    }

    private static String trimDashes(String slug) {
        int start = 0;
        int end = slug.length();
        while (start < end && slug.charAt(start) == '-') {
            start++;
        }
        while (end > start && slug.charAt(end - 1) == '-') {
            end--;
        }
        return slug.substring(start, end);
    }
}
