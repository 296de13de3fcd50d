package io.huddle.protocol;

/** One of a tenant's domains and how many users belong to it. */
public record DomainDto(String name, int users) {
}
