package dev.lovedcrm.crm.internal;

import java.net.URI;

/** Character-level rules for text input: what PostgreSQL cannot store, and what a single line may hold. */
final class Texts {

    static final String SINGLE_LINE_RULE = "must be one line without control characters or unpaired surrogates";
    static final String MULTILINE_RULE = "must not contain control characters other than line breaks and tabs, "
            + "or unpaired surrogates";

    private Texts() {
    }

    /** No control character at all (C0, DEL, C1) and every surrogate paired. */
    static boolean isSingleLine(String text) {
        return allowed(text, false);
    }

    /** As {@link #isSingleLine}, but line feeds, carriage returns and tabs are allowed. */
    static boolean isMultiline(String text) {
        return allowed(text, true);
    }

    /** No NUL (PostgreSQL text cannot hold it) and every surrogate paired (else it becomes {@code ?}). */
    static boolean isStorable(String text) {
        return text.indexOf('\u0000') < 0 && pairedSurrogates(text);
    }

    static boolean isWebUrl(String url) {
        try {
            URI uri = new URI(url);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && !uri.getHost().isEmpty();
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static boolean allowed(String text, boolean lineBreaks) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && !(lineBreaks && (c == '\n' || c == '\r' || c == '\t'))) {
                return false;
            }
        }
        return pairedSurrogates(text);
    }

    private static boolean pairedSurrogates(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
