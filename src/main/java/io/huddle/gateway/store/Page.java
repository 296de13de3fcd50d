package io.huddle.gateway.store;

import java.util.List;

/** One page of a search, with the opaque cursor of the next page or null at the end. */
public record Page<T>(List<T> items, String nextCursor) {
    public Page {
        items = List.copyOf(items);
    }
}
