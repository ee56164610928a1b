package dev.lovedcrm.crm.organization.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Normalises a website to an https URL. */
public final class Websites {

    private Websites() {
    }

    /** The https form of a URL or bare domain, or {@code null} when it is not a web address. */
    public static String normalize(String website) {
        String text = website.trim();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://")) {
            text = text.substring("http://".length());
        } else if (lower.startsWith("https://")) {
            text = text.substring("https://".length());
        } else if (lower.contains("://")) {
            return null;
        }
        try {
            URI uri = new URI("https://" + text);
            String host = uri.getHost();
            if (host == null || !host.contains(".") || host.startsWith(".") || host.endsWith(".")
                    || uri.getUserInfo() != null) {
                return null;
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
