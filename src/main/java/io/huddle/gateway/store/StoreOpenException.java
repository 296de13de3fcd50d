package io.huddle.gateway.store;

/**
 * The store could not be opened at all (the server is not there or refuses the role, the database or the file
 * is missing, unreadable or not a database, its schema is newer than this build): nothing was read or written,
 * and what to fix is most often the gateway's configuration. Its cause is the driver's own failure.
 */
public final class StoreOpenException extends StoreException {
    private static final long serialVersionUID = 1L;

    public StoreOpenException(String message, Throwable cause) {
        super(message, cause);
    }
}
