package io.huddle.gateway.platform;

import io.huddle.domain.DomainException;

/**
 * Why one attempt at a control failed. The circuit counts all but refusals (a 4xx is the platform working);
 * the retry re-sends only after a connection failure.
 */
final class PlatformFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    enum Kind { REFUSED, FAILED, TIMEOUT, CONNECTION }

    final Kind kind;

    PlatformFailure(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    DomainException toDomain() {
        return switch (kind) {
            case REFUSED, FAILED -> new DomainException(DomainException.Kind.PLATFORM_ERROR, getMessage());
            case TIMEOUT -> new DomainException(DomainException.Kind.PLATFORM_TIMEOUT, getMessage());
            case CONNECTION -> new DomainException(DomainException.Kind.PLATFORM_UNAVAILABLE,
                    "platform unavailable: " + getMessage());
        };
    }
}
