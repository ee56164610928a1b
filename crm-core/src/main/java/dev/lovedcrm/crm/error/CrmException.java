package dev.lovedcrm.crm.error;

import java.util.Objects;

/**
 * The root of every error the SDK throws. Unchecked, and always carries a stable machine
 * {@link #code() code} such as {@code lead.not_found} that a host application can map to an
 * HTTP status or a translated message. The message is for developers and logs; it never contains
 * passwords, tokens or other secrets.
 */
public class CrmException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;

    /**
     * Creates an exception.
     *
     * @param code stable machine code, dotted lower-case ({@code area.reason})
     * @param message developer-facing message, free of secrets
     */
    public CrmException(String code, String message) {
        this(code, message, null);
    }

    /**
     * Creates an exception that wraps a lower-level cause.
     *
     * @param code stable machine code, dotted lower-case ({@code area.reason})
     * @param message developer-facing message, free of secrets
     * @param cause the underlying failure, or {@code null}
     */
    public CrmException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /**
     * The stable machine code of this error, for example {@code organization.not_found}.
     *
     * @return the code, never {@code null}
     */
    public String code() {
        return code;
    }
}
