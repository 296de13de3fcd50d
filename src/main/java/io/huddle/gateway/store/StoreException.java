package io.huddle.gateway.store;

/** A storage failure; the write it reports did not happen. */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
