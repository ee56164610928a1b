package dev.lovedcrm.crm.error;

import java.time.Duration;
import java.util.Objects;

/** Too many attempts; the caller may retry after {@link #retryAfter()}. */
public class RateLimitedException extends CrmException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    /**
     * Creates the exception.
     *
     * @param code stable code such as {@code auth.rate_limited}
     * @param message developer-facing message
     * @param retryAfter how long the caller should wait before trying again
     */
    public RateLimitedException(String code, String message, Duration retryAfter) {
        super(code, message);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /**
     * How long to wait before retrying.
     *
     * @return a non-negative duration
     */
    public Duration retryAfter() {
        return retryAfter;
    }
}
