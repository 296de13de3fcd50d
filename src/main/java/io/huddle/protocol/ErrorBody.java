package io.huddle.protocol;

/** The body of every HTTP error: {@code {"error": "<code>", "message": "..."}}. */
public record ErrorBody(String error, String message) {
}
