package io.huddle.gateway.http;

import static io.huddle.gateway.http.Api.V1;
import static io.huddle.protocol.JournalChains.chain;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huddle.protocol.JournalBatch;
import io.huddle.protocol.JournalChains;
import io.huddle.protocol.JournalEntry;
import io.huddle.protocol.Json;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** POST journal/batches: exactly once, the chain checked, only by its supervisor; device heads and verify. */
class JournalApiTest extends ApiTest {
    private static final ObjectMapper JSON = Json.newMapper();
    private static final String SUP = "acme:supervisor1";
    private static final String DEV = "dev-test-1";

    Api.Res post(String who, String deviceId, List<JournalEntry> entries) {
        return post(api, who, deviceId, entries);
    }

    Api.Res post(Api via, String who, String deviceId, List<JournalEntry> entries) {
        try {
            return via.post(V1 + "/journal/batches", who, JSON.writeValueAsString(new JournalBatch(deviceId, entries)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aBatchIsStoredOnceAndTheHeadAnswered() {
        List<JournalEntry> all = chain(DEV, SUP, 1, 8, JournalEntry.GENESIS);
        JsonNode head = post(SUP, DEV, all.subList(0, 5)).expect(200).json();
        assertThat(head.get("deviceId").asText()).isEqualTo(DEV);
        assertThat(head.get("highestSeq").asLong()).isEqualTo(5);
        assertThat(head.get("highestHash").asText()).isEqualTo(all.get(4).hash());
        post(SUP, DEV, all.subList(0, 5)).expect(200);
        assertThat(post(SUP, DEV, all.subList(2, 8)).expect(200).json().get("highestSeq").asLong()).isEqualTo(8);
        assertThat(post(SUP, DEV, all.subList(1, 3)).expect(200).json().get("highestSeq").asLong())
                .as("a late retry answers the highest seq held").isEqualTo(8);
        JsonNode items = api.get(V1 + "/journal/entries?deviceId=" + DEV, SUP).expect(200).json().get("items");
        List<Long> seqs = new ArrayList<>();
        items.forEach(i -> seqs.add(i.get("seq").asLong()));
        assertThat(seqs).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(api.get(V1 + "/journal/devices/" + DEV, SUP).expect(200).json().get("highestSeq").asLong())
                .isEqualTo(8);
    }

    @Test
    void aGapOrABrokenChainIsRefusedNamingTheSeqAndNothingIsStored() {
        List<JournalEntry> all = chain(DEV, SUP, 1, 10, JournalEntry.GENESIS);
        post(SUP, DEV, all.subList(0, 3)).expect(200);
        post(SUP, DEV, all.subList(4, 6)).expectError(409, "conflict", "gap at seq 4", "send from seq 4");
        List<JournalEntry> edited = new ArrayList<>(all.subList(3, 7));
        edited.set(2, JournalChains.withAgent(edited.get(2), "acme:agent9", false));
        post(SUP, DEV, edited).expectError(409, "conflict", "chain broken at seq 6", "hash does not match");
        List<JournalEntry> relinked = new ArrayList<>(all.subList(3, 7));
        relinked.set(1, JournalChains.withAgent(relinked.get(1), "acme:agent9", true));
        post(SUP, DEV, relinked).expectError(409, "conflict", "chain broken at seq 6", "prevHash");
        List<JournalEntry> otherFirst = chain(DEV, SUP, 4, 2, "ab".repeat(32));
        post(SUP, DEV, otherFirst).expectError(409, "conflict", "chain broken at seq 4");
        List<JournalEntry> replaced = new ArrayList<>(all.subList(1, 4));
        replaced.set(0, JournalChains.withAgent(replaced.get(0), "acme:agent9", true));
        post(SUP, DEV, replaced).expectError(409, "conflict", "seq 2", "differs");
        assertThat(api.get(V1 + "/journal/devices/" + DEV, SUP).expect(200).json().get("highestSeq").asLong())
                .isEqualTo(3);
        post(SUP, DEV, all.subList(3, 10)).expect(200);
        assertThat(api.get(V1 + "/journal/devices/" + DEV + "/verify", "acme:auditor1").expect(200).json()
                .get("ok").asBoolean()).isTrue();
    }

    @Test
    void onlyTheSupervisorWhoRecordedEntriesUploadsThem() {
        List<JournalEntry> mine = chain(DEV, SUP, 1, 3, JournalEntry.GENESIS);
        post("acme:supervisor2", DEV, mine).expectError(403, "forbidden", "not recorded by you");
        post("acme:agent1", DEV, chain(DEV, "acme:agent1", 1, 1, JournalEntry.GENESIS))
                .expectError(403, "forbidden", "awa_manager");
        post("acme:auditor1", DEV, mine).expectError(403, "forbidden", "awa_manager");
        post(SUP, DEV, mine).expect(200);
        post("acme:supervisor2", DEV, chain(DEV, "acme:supervisor2", 4, 1, mine.get(2).hash()))
                .expectError(404, "not_found", DEV);
        api.get(V1 + "/journal/devices/" + DEV, "globex:supervisor1").expectError(404, "not_found", DEV);
        api.get(V1 + "/journal/devices/" + DEV + "/verify", "acme:salessupervisor1").expectError(404, "not_found", DEV);
        api.get(V1 + "/journal/devices/" + DEV, "acme:agent1").expectError(403, "forbidden", "auditor");
        assertThat(api.get(V1 + "/journal/entries", "globex:auditor1").expect(200).json().get("items")).isEmpty();
        api.get(V1 + "/journal/entries", "acme:agent1").expectError(403, "forbidden", "auditor");
    }

    @Test
    void aBatchMayBeLargerThan64KibButNotThan1Mib() {
        List<JournalEntry> big = chain(DEV, SUP, 1, 400, JournalEntry.GENESIS);
        assertThat(post(SUP, DEV, big).expect(200).json().get("highestSeq").asLong()).isEqualTo(400);
        String huge = "{\"deviceId\":\"" + DEV + "\",\"entries\":[],\"pad\":\"" + "x".repeat(1024 * 1024) + "\"}";
        api.malformed().post(V1 + "/journal/batches", SUP, huge).expectError(413, "too_large", "1 MiB");
        api.malformed().post(V1 + "/journal/batches", SUP, "{\"deviceId\":\"" + DEV + "\",\"entries\":[]}")
                .expectError(400, "bad_request", "entries");
        api.malformed().post(V1 + "/interactions/x/messages", SUP, "{\"text\":\"" + "x".repeat(100 * 1024) + "\"}")
                .expectError(413, "too_large", "64 KiB");
    }

    @Test
    void badBatchesAre400() {
        List<JournalEntry> e = chain(DEV, SUP, 1, 2, JournalEntry.GENESIS);
        post(api.malformed(), SUP, "", e).expectError(400, "bad_request", "deviceId");
        post(SUP, "dev-other", e).expectError(400, "bad_request", "entries[0]", "device");
        post(SUP, DEV, List.of(e.get(1), e.get(0))).expectError(400, "bad_request", "consecutive");
        api.malformed().post(V1 + "/journal/batches", SUP, "{\"deviceId\":\"d\",\"entries\":[{\"format\":7}]}")
                .expectError(400, "bad_request", "format");
    }

    @Test
    void verificationFindsWhatWasChangedInTheGatewaysStore() throws Exception {
        post(SUP, DEV, chain(DEV, SUP, 1, 20, JournalEntry.GENESIS)).expect(200);
        JsonNode ok = api.get(V1 + "/journal/devices/" + DEV + "/verify", SUP).expect(200).json();
        assertThat(ok.get("ok").asBoolean()).isTrue();
        assertThat(ok.get("entries").asLong()).isEqualTo(20);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("gateway.db"));
             Statement s = c.createStatement()) {
            s.execute("UPDATE journal_entries SET action = 'BARGE_IN' WHERE seq = 7");
        }
        JsonNode broken = api.get(V1 + "/journal/devices/" + DEV + "/verify", "acme:auditor1").expect(200).json();
        assertThat(broken.get("ok").asBoolean()).isFalse();
        assertThat(broken.at("/firstBreak/seq").asLong()).isEqualTo(7);
        assertThat(broken.at("/firstBreak/problem").asText()).isEqualTo("EDITED");
    }

    @Test
    void entriesAreSearchedLikeTheAuditLogWithPages() {
        post(SUP, DEV, chain(DEV, SUP, 1, 12, JournalEntry.GENESIS)).expect(200);
        post("acme:supervisor2", "dev-2", chain("dev-2", "acme:supervisor2", 1, 4, JournalEntry.GENESIS)).expect(200);
        JsonNode coach = api.get(V1 + "/journal/entries?action=coach&supervisorId=" + SUP, "acme:auditor1")
                .expect(200).json();
        assertThat(coach.get("items")).hasSize(6).allSatisfy(i -> assertThat(i.get("action").asText()).isEqualTo("COACH"));
        assertThat(api.get(V1 + "/journal/entries?interactionId=ix-1", SUP).expect(200).json().get("items"))
                .hasSize(4);
        List<Long> seen = new ArrayList<>();
        String cursor = "";
        do {
            JsonNode page = api.get(V1 + "/journal/entries?deviceId=" + DEV + "&limit=5&cursor=" + cursor, SUP)
                    .expect(200).json();
            page.get("items").forEach(i -> seen.add(i.get("seq").asLong()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        assertThat(seen).hasSize(12).isSorted();
        api.get(V1 + "/journal/entries?action=a-b", SUP).expectError(400, "bad_request", "action");
    }
}
