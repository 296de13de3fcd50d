package io.huddle.protocol;

import java.util.List;

/** The body of every list endpoint. */
public record ListBody<T>(List<T> items, String nextCursor) {
}
