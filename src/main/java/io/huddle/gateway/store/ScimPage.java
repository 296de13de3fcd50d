package io.huddle.gateway.store;

import java.util.List;

/** One page of a SCIM list: the whole count that matched, and the items from the requested offset. */
public record ScimPage<T>(int totalResults, List<T> items) {
    public ScimPage {
        items = List.copyOf(items);
    }
}
