package org.rectify.platform;

/**
 * A user-facing refusal. Each module throws its own subclasses; {@code ErrorHandling} maps them in one
 * place to a problem detail (API) or an error page (HTML). The message is a bundle key, so the user reads
 * it in their language.
 */
public abstract class RectifyException extends RuntimeException {

    public enum Kind {
        NOT_FOUND(404), FORBIDDEN(403), CONFLICT(409), INVALID(422), TOO_MANY(429),
        /** Existed once and no longer does: a link kept from before it was remade. */
        GONE(410);

        public final int status;

        Kind(int status) {
            this.status = status;
        }
    }

    private final Kind kind;
    private final String messageKey;
    private final transient Object[] args;

    protected RectifyException(Kind kind, String messageKey, Object... args) {
        super(messageKey);
        this.kind = kind;
        this.messageKey = messageKey;
        this.args = args;
    }

    public Kind kind() {
        return kind;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
