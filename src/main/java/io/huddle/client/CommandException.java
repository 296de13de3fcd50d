package io.huddle.client;

/**
 * A stream command failed: the gateway refused it ({@code code} is its wire error code, such as
 * {@code conflict} or {@code forbidden}, and the message is the gateway's), or the client could not get an
 * answer (codes below).
 */
public final class CommandException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Not connected when the command was made; it was not sent. */
    public static final String NOT_CONNECTED = "not_connected";
    /** Its deadline passed before it could be sent (e.g. while its intent was being recorded); it was not sent. */
    public static final String NOT_SENT = "not_sent";
    /** No answer by its deadline; it may or may not have been applied. */
    public static final String TIMEOUT = "timeout";
    /** The connection dropped and the stream could not be resumed; it may or may not have been applied. */
    public static final String CONNECTION_LOST = "connection_lost";
    /** Larger than the gateway accepts; it was not sent. */
    public static final String TOO_LARGE = "too_large";
    /** The client was closed, or the sign-in ended, before an answer came. */
    public static final String CLOSED = "closed";

    private final String code;

    public CommandException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }

    @Override
    public String toString() {
        return "CommandException[" + code + "]: " + getMessage();
    }
}
