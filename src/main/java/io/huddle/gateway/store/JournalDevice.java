package io.huddle.gateway.store;

/**
 * One device's journal as the gateway holds it: whose it is (bound by its first batch) and the highest
 * seq stored with that entry's hash.
 */
public record JournalDevice(String deviceId, String tenant, String domain, String supervisorId, long highestSeq,
                            String highestHash) {
}
