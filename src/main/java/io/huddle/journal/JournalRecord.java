package io.huddle.journal;

import java.time.Instant;

/**
 * What a caller journals; the {@link Journal} adds the id, device, seq, client time and the chain.
 *
 * @param phase   INTENT before a command is sent, OUTCOME once its outcome is known
 * @param outcome null for an intent
 */
public record JournalRecord(JournalScope scope, JournalAction action, Phase phase, String intentId,
                            String agentId, String interactionId, String helpRequestId, Outcome outcome,
                            Instant gatewayTime, String gatewayRef, String errorCode, String detail,
                            String textDigest, String text) {

    public enum Phase { INTENT, OUTCOME }

    public enum Outcome { ACK, ERROR, TIMEOUT }

    /** An intent: written before the command is sent. */
    public static JournalRecord intent(JournalScope scope, JournalAction action, String agentId,
                                       String interactionId, String helpRequestId) {
        return new JournalRecord(scope, action, Phase.INTENT, null, agentId, interactionId, helpRequestId, null, null,
                null, null, null, null, null);
    }

    /**
     * The sign-in, recorded once the console opens its journal: the journal belongs to the user, so it can
     * only be opened after the gateway said who signed in. One entry, an ACK outcome without an intent.
     */
    public static JournalRecord signedIn(JournalScope scope) {
        return new JournalRecord(scope, JournalAction.SIGN_IN, Phase.OUTCOME, null, null, null, null, Outcome.ACK,
                null, null, null, null, null, null);
    }

    /** This intent carrying a message's digest and, when the tenant allows it, its text. */
    public JournalRecord withMessage(String digest, String messageText) {
        return new JournalRecord(scope, action, phase, intentId, agentId, interactionId, helpRequestId, outcome,
                gatewayTime, gatewayRef, errorCode, detail, digest, messageText);
    }

    /** The gateway acknowledged the intent's command. */
    public JournalRecord acked(String intentEntryId, Instant serverTime, String ref, String agent,
                               String helpRequest) {
        return new JournalRecord(scope, action, Phase.OUTCOME, intentEntryId, agent != null ? agent : agentId,
                interactionId, helpRequest != null ? helpRequest : helpRequestId, Outcome.ACK, serverTime, ref,
                null, null, textDigest, null);
    }

    /** The intent's command failed (ERROR) or its outcome is unknown (TIMEOUT). */
    public JournalRecord failed(String intentEntryId, Outcome how, String code, String message) {
        return new JournalRecord(scope, action, Phase.OUTCOME, intentEntryId, agentId, interactionId, helpRequestId,
                how, null, null, code, message, textDigest, null);
    }
}
