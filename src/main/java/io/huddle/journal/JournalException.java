package io.huddle.journal;

/** The journal could not do what was asked (open, write, read); an entry whose append failed is not recorded. */
public final class JournalException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
