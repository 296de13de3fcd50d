package io.huddle.ui;

/** The desktop cannot show a window; the message is one line that says what is missing and what to do. */
public final class DesktopMissingException extends RuntimeException {
    public DesktopMissingException(String message, Throwable cause) {
        super(message, cause);
    }
}
