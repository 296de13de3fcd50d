package io.huddle.client;

/** A single sign-on that ended in the browser or at the loopback listener, in words a person can act on. */
public final class BrowserSignInException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the sign-in ended. */
    public enum Kind {
        /** The person cancelled it in the app. */
        CANCELLED,
        /** No redirect came back in time: the browser window was closed or the person walked away. */
        TIMED_OUT,
        /** The identity provider answered with an error ({@code access_denied}, …). */
        REFUSED_BY_PROVIDER,
        /** The redirect did not belong to this sign-in (its state was not the one the gateway gave). */
        WRONG_STATE,
        /** The loopback listener could not be opened. */
        NO_LISTENER
    }

    private final Kind kind;

    public BrowserSignInException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
