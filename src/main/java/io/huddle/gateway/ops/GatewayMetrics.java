package io.huddle.gateway.ops;

import io.huddle.domain.DomainException;

/**
 * What the gateway's working parts tell its metrics: one call per thing that happened, no metrics library in
 * sight. {@link #NONE} forgets everything (a gateway without a management port, and tests that do not look);
 * {@link MicrometerMetrics} keeps them for Prometheus. Names and labels: docs/operations.md.
 */
public interface GatewayMetrics {
    /** Ignores every call. */
    GatewayMetrics NONE = new GatewayMetrics() { };

    /** A tenant's batch of platform events was taken: how many were applied, re-delivered or ignored as late. */
    default void platformEvents(int applied, int duplicates, int ignored) {
    }

    /** Numbered stream frames (floor events) handed to sockets. */
    default void eventsSent(int frames) {
    }

    /** From a floor event's publication to its frame being handed to a stream's socket (live frames only). */
    default void fanOutDelay(long nanos) {
    }

    /** A stream command ran: its wire type, {@code ok} or why it failed, and how long it took. */
    default void command(String type, String outcome, long nanos) {
    }

    /** A call control to a tenant's platform: {@code ok} or why it failed, and how long it took, retries included. */
    default void platformCall(String tenant, String outcome, long nanos) {
    }

    /** A journal upload: {@code stored}, {@code duplicate} (nothing new) or {@code refused}, and the entries stored. */
    default void journalUpload(String outcome, int storedEntries) {
    }

    /** The outcome label of a failure: its error code ({@code not_found} …) or {@code error}. */
    static String outcomeOf(RuntimeException e) {
        return e instanceof DomainException d ? d.kind().code() : "error";
    }
}
