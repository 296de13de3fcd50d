package io.huddle.protocol;

/**
 * What the gateway holds of one device's journal: the highest seq and its hash (0 and 64 zeros before
 * the first entry). The answer to a batch and to {@code GET /api/v1/journal/devices/{deviceId}}.
 */
public record JournalHead(String deviceId, long highestSeq, String highestHash) {
}
