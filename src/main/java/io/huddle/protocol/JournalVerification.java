package io.huddle.protocol;

/**
 * The gateway's verification of one device's stored journal ({@code GET /api/v1/journal/devices/{id}/verify}):
 * how many entries held, the head, and the first break of the chain or null.
 */
public record JournalVerification(String deviceId, String supervisorId, long entries, long highestSeq,
                                  String highestHash, boolean ok, JournalChain.Break firstBreak) {
}
