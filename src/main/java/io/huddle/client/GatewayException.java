package io.huddle.client;

/**
 * The gateway answered, but refused: the HTTP status, the wire error code ({@code unauthorized},
 * {@code not_found}, ...) and the gateway's message, which is written for a person and is
 * {@link #getMessage()}.
 */
public final class GatewayException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    public GatewayException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    /** The HTTP status, e.g. 401. */
    public int status() {
        return status;
    }

    /** The wire error code, e.g. {@code unauthorized}. */
    public String code() {
        return code;
    }

    @Override
    public String toString() {
        return "GatewayException[" + status + " " + code + "]: " + getMessage();
    }
}
