package io.huddle.domain;

/** A refusal with a reason a person can read. The kind maps to an HTTP status and a wire error code. */
public final class DomainException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why a request was refused. */
    public enum Kind {
        BAD_REQUEST(400, "bad_request"),
        UNAUTHORIZED(401, "unauthorized"),
        FORBIDDEN(403, "forbidden"),
        NOT_FOUND(404, "not_found"),
        CONFLICT(409, "conflict"),
        TOO_LARGE(413, "too_large"),
        RATE_LIMITED(429, "rate_limited"),
        /** The contact-center platform refused a control: its own reason is in the message. */
        PLATFORM_ERROR(502, "platform_error"),
        /** The platform cannot be reached: connection refused, too many calls in flight, or its circuit is open. */
        PLATFORM_UNAVAILABLE(503, "platform_unavailable"),
        /** The platform did not answer a control in time. */
        PLATFORM_TIMEOUT(504, "platform_timeout"),
        /** A tenant's OpenID provider could not be reached, or answered something that is not OpenID Connect. */
        IDENTITY_PROVIDER_ERROR(502, "identity_provider_error"),
        /** A tenant's OpenID provider did not answer in time. */
        IDENTITY_PROVIDER_TIMEOUT(504, "identity_provider_timeout");

        private final int httpStatus;
        private final String code;

        Kind(int httpStatus, String code) {
            this.httpStatus = httpStatus;
            this.code = code;
        }

        public int httpStatus() {
            return httpStatus;
        }

        public String code() {
            return code;
        }
    }

    private final Kind kind;

    public DomainException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static DomainException badRequest(String message) {
        return new DomainException(Kind.BAD_REQUEST, message);
    }

    public static DomainException forbidden(String message) {
        return new DomainException(Kind.FORBIDDEN, message);
    }

    public static DomainException notFound(String what, String id) {
        return new DomainException(Kind.NOT_FOUND, what + " '" + id + "' not found");
    }

    public static DomainException conflict(String message) {
        return new DomainException(Kind.CONFLICT, message);
    }
}
