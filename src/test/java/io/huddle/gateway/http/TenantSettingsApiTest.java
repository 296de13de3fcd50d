package io.huddle.gateway.http;

import static io.huddle.gateway.http.Api.V1;
import static io.huddle.gateway.http.Api.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huddle.domain.Channel;
import io.huddle.domain.TenantSettings;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TenantSettingsApiTest extends ApiTest {
    private static final String SETTINGS = V1 + "/tenant/settings";
    private TenantSettings stored(String tenant) {
        return api.gw.server().store().tenantSettings(tenant).orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"acme:agent1", "acme:supervisor1", "acme:auditor1", "acme:admin1", "acme:salesagent1"})
    void everyRoleReadsItsTenantsSettings(String who) {
        JsonNode s = api.get(SETTINGS, who).expect(200).json();
        assertThat(s.get("tenant").asText()).isEqualTo("acme");
        assertThat(s.get("monitoringEnabled").asBoolean()).isTrue();
        assertThat(s.get("monitoredChannels")).hasSize(3);
        assertThat(s.get("helpReasons").get(0).asText()).isEqualTo("Customer escalation");
        assertThat(s.get("storeMessageText").asBoolean()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"acme:agent1", "acme:supervisor1", "acme:auditor1", "acme:salessupervisor1"})
    void onlyAnAdminChangesSettings(String who) {
        api.put(SETTINGS, who, body("monitoringEnabled", false))
                .expectError(403, "forbidden", "changing tenant settings requires the admin role");
        assertThat(stored("acme").monitoringEnabled()).isTrue();
    }

    @Test
    void anAdminChangesOnlyTheFieldsSentAndOnlyForTheirTenant() {
        JsonNode s = api.put(SETTINGS, "acme:admin1", body("monitoredChannels", List.of("VOICE"),
                "helpReasons", List.of("Angry caller", "Other"))).expect(200).json();
        assertThat(s.get("tenant").asText()).isEqualTo("acme");
        assertThat(s.get("monitoringEnabled").asBoolean()).isTrue();
        assertThat(s.get("monitoredChannels")).hasSize(1);
        assertThat(s.get("monitoredChannels").get(0).asText()).isEqualTo("VOICE");
        assertThat(s.get("helpReasons").toString()).isEqualTo("[\"Angry caller\",\"Other\"]");
        assertThat(s.get("storeMessageText").asBoolean()).isFalse();

        assertThat(stored("acme")).isEqualTo(new TenantSettings("acme", true, Set.of(Channel.VOICE),
                List.of("Angry caller", "Other"), false));
        assertThat(stored("globex")).isEqualTo(TenantSettings.defaults("globex"));
        assertThat(api.get(SETTINGS, "acme:agent1").json()).isEqualTo(s);
        assertThat(api.get(SETTINGS, "globex:agent1").json().get("monitoredChannels")).hasSize(3);
    }

    @Test
    void aTenantFieldInTheBodyCannotReachAnotherTenant() {
        api.put(SETTINGS, "globex:admin1", body("tenant", "acme", "monitoringEnabled", false)).expect(200);
        assertThat(stored("acme").monitoringEnabled()).isTrue();
        assertThat(stored("globex").monitoringEnabled()).isFalse();
    }

    @Test
    void switchingMonitoringOffTurnsEveryControlOffWithTheLicenceReason() {
        String ix = api.interaction("acme:agent1");
        String hr = api.raised("acme:agent1", ix);
        assertThat(api.get(V1 + "/interactions/" + ix + "/controls", "acme:supervisor1").json()
                .get("monitor").get("enabled").asBoolean()).isTrue();

        api.put(SETTINGS, "acme:admin1", body("monitoringEnabled", false)).expect(200);

        JsonNode c = api.get(V1 + "/interactions/" + ix + "/controls", "acme:supervisor1").expect(200).json();
        for (String control : List.of("monitor", "coach", "bargeIn")) {
            assertThat(c.get(control).get("enabled").asBoolean()).as(control).isFalse();
            assertThat(c.get(control).get("reason").asText()).as(control)
                    .isEqualTo("call monitoring is not enabled for this tenant (licence)");
        }
        assertThat(c.get("disconnect").get("enabled").asBoolean()).isFalse();
        api.act("acme:supervisor1", ix, "MONITOR").expectError(409, "conflict",
                "Monitor is not available: call monitoring is not enabled for this tenant (licence)");
        api.accept("acme:supervisor1", hr).expectError(409, "conflict", "licence");
        assertThat(api.get(V1 + "/help-requests/" + hr, "acme:supervisor1").json().get("status").asText())
                .isEqualTo("PENDING");

        api.put(SETTINGS, "acme:admin1", body("monitoringEnabled", true)).expect(200);
        api.act("acme:supervisor1", ix, "MONITOR").expect(201);
    }

    @Test
    void withoutTheLicenceAgentsCannotAskForHelpAndSupervisorsCannotWhisper() {
        String ix = api.interaction("acme:agent1");
        api.act("acme:supervisor1", ix, "COACH").expect(201);
        api.put(SETTINGS, "acme:admin1", body("monitoringEnabled", false)).expect(200);

        api.post(V1 + "/help-requests", "acme:agent1", body("interactionId", ix, "reason", "Other"))
                .expectError(409, "conflict", "supervisor help is not available: call monitoring is not enabled");
        api.post(V1 + "/interactions/" + ix + "/messages", "acme:supervisor1", body("text", "psst"))
                .expectError(409, "conflict", "messages cannot be sent: call monitoring is not enabled");
        assertThat(api.gw.server().floorReads().transcript(api.gw.user("acme", "supervisor1"), ix))
                .noneMatch(l -> l.text().equals("psst"));
    }

    @Test
    void aSupervisorAlreadyOnTheLineMayStillDisconnectAfterTheLicenceGoes() {
        String ix = api.interaction("acme:agent1");
        api.act("acme:supervisor1", ix, "MONITOR").expect(201);
        api.put(SETTINGS, "acme:admin1", body("monitoringEnabled", false)).expect(200);
        JsonNode c = api.get(V1 + "/interactions/" + ix + "/controls", "acme:supervisor1").json();
        assertThat(c.get("disconnect").get("enabled").asBoolean()).isTrue();
        api.act("acme:supervisor1", ix, "DISCONNECT").expect(201);
    }

    @Test
    void droppingAChannelTurnsItsControlsOffWithTheChannelReason() {
        String chat = api.interaction("acme:agent1", Channel.CHAT);
        String voice = api.interaction("acme:agent2", Channel.VOICE);
        api.put(SETTINGS, "acme:admin1", body("monitoredChannels", List.of("VOICE", "MESSAGING"))).expect(200);
        JsonNode c = api.get(V1 + "/interactions/" + chat + "/controls", "acme:supervisor1").json();
        assertThat(c.get("coach").get("reason").asText())
                .isEqualTo("call monitoring is not enabled for chat interactions in this tenant");
        api.act("acme:supervisor1", voice, "COACH").expect(201);
        api.act("acme:supervisor1", chat, "MONITOR").expectError(409, "conflict", "chat interactions");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"helpReasons\":[]}|field 'helpReasons' needs at least one reason",
        "{\"helpReasons\":[\" \"]}|field 'helpReasons' needs at least one reason",
        "{\"helpReasons\":[null]}|field 'helpReasons'",
        "{\"monitoredChannels\":[null]}|field 'monitoredChannels'",
        "{\"monitoredChannels\":[\"FAX\"]}|expected one of VOICE, CHAT, MESSAGING",
        "{\"monitoringEnabled\":\"yes\"}|field 'monitoringEnabled' has the wrong type",
        "{\"helpReasons\":\"Other\"}|field 'helpReasons' has the wrong type",
        "[]|request body must be a JSON object",
        "{\"monitoringEnabled\":|not valid JSON"})
    void badSettingsAre400AndChangeNothing(String json, String fragment) {
        api.malformed().put(SETTINGS, "acme:admin1", json).expectError(400, "bad_request", fragment);
        assertThat(stored("acme")).isEqualTo(TenantSettings.defaults("acme"));
        assertThat(api.gw.server().floorSettings().settings("acme")).isEqualTo(TenantSettings.defaults("acme"));
    }

    @Test
    void aReasonLongerThan100CharactersIsRefused() {
        api.malformed().put(SETTINGS, "acme:admin1", body("helpReasons", List.of("x".repeat(101))))
                .expectError(400, "bad_request", "1 to 100 characters");
        api.put(SETTINGS, "acme:admin1", body("helpReasons", List.of("x".repeat(100)))).expect(200);
    }

    @Test
    void settingsSurviveARestart() {
        api.put(SETTINGS, "acme:admin1", body("monitoringEnabled", false, "storeMessageText", true)).expect(200);
        api.gw.restart();
        JsonNode s = api.get(SETTINGS, "acme:agent1").expect(200).json();
        assertThat(s.get("monitoringEnabled").asBoolean()).isFalse();
        assertThat(s.get("storeMessageText").asBoolean()).isTrue();
    }
}
