package io.huddle.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.protocol.JournalCanonical;
import io.huddle.protocol.JournalEntry;
import org.junit.jupiter.api.Test;

/** The canonical encoding is exactly what docs/journal.md says; the example there is this one. */
class JournalCanonicalTest {

    static final JournalEntry EXAMPLE = new JournalEntry(1, "5f0c2a9e-1b7d-4c1e-9a51-2f1d8c0b7e34",
            "dev-3b1f8f7e-6a0e-4a8e-9a3c-2d1e0f9b8c7a", 1, "acme", "support", "acme:supervisor1", "acme:agent2",
            "chat-mwvxvff7-1f7457umjy", null, "COACH_MESSAGE", "INTENT", null, 1764064321120L, null, null, null,
            null, null, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", null,
            JournalEntry.GENESIS, null);

    @Test
    void theExampleOfTheDocs() {
        assertThat(JournalCanonical.text(EXAMPLE)).isEqualTo("{\"format\":1,"
                + "\"id\":\"5f0c2a9e-1b7d-4c1e-9a51-2f1d8c0b7e34\",\"deviceId\":\"dev-3b1f8f7e-6a0e-4a8e-9a3c-2d1e0f9b8c7a\","
                + "\"seq\":1,\"tenant\":\"acme\",\"domain\":\"support\",\"supervisorId\":\"acme:supervisor1\","
                + "\"agentId\":\"acme:agent2\",\"interactionId\":\"chat-mwvxvff7-1f7457umjy\",\"helpRequestId\":null,"
                + "\"action\":\"COACH_MESSAGE\",\"phase\":\"INTENT\",\"intentId\":null,\"clientTime\":1764064321120,"
                + "\"gatewayTime\":null,\"outcome\":null,\"gatewayRef\":null,\"errorCode\":null,\"detail\":null,"
                + "\"textDigest\":\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\",\"text\":null,"
                + "\"prevHash\":\"" + "0".repeat(64) + "\"}");
        assertThat(JournalCanonical.hash(EXAMPLE))
                .isEqualTo("c9e63232a1d76b640f6c900d1c2ba4256d926cd3e06204bf259b754346204473");
        assertThat(JournalCanonical.digestText("test"))
                .isEqualTo("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    }

    @Test
    void escapesOnlyQuotesBackslashesControlsAndLoneSurrogates() {
        JournalEntry e = EXAMPLE.withSeq(2);
        JournalEntry odd = new JournalEntry(1, "a\"b\\c\n\t\u0001é€😀\ud800x", e.deviceId(), 2, null, null, null, null,
                null, null, "VIEW", "INTENT", null, 0, 5L, null, null, null, null, null, null, "p", null);
        assertThat(JournalCanonical.text(odd)).startsWith("{\"format\":1,\"id\":\"a\\\"b\\\\c\\u000a\\u0009\\u0001é€😀"
                + "\\ud800x\",").contains("\"gatewayTime\":5,");
    }

    @Test
    void everyFieldIsCovered() {
        JournalEntry base = EXAMPLE.sealed(1, JournalEntry.GENESIS);
        assertThat(base.hashMatches()).isTrue();
        assertThat(base.withSeq(2).hashMatches()).isFalse();
        JournalEntry other = new JournalEntry(1, base.id(), base.deviceId(), 1, base.tenant(), base.domain(),
                base.supervisorId(), base.agentId(), base.interactionId(), base.helpRequestId(), base.action(),
                base.phase(), base.intentId(), base.clientTime() + 1, null, null, null, null, null, base.textDigest(),
                null, base.prevHash(), base.hash());
        assertThat(other.hashMatches()).isFalse();
    }
}
