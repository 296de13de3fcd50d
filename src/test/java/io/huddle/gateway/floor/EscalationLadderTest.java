package io.huddle.gateway.floor;

import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.domain.Channel;
import io.huddle.domain.Escalation;
import io.huddle.domain.EscalationSettings;
import io.huddle.domain.HelpRequest;
import io.huddle.domain.HelpRequestStatus;
import io.huddle.domain.Presence;
import io.huddle.domain.Role;
import io.huddle.domain.TenantSettings;
import io.huddle.domain.User;
import io.huddle.gateway.store.SqliteGatewayStore;
import io.huddle.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The escalation ladder on a real floor and store, with a clock the test moves and the ladder's tick driven
 * by hand: remind at 30 s, breach at 60 s, escalate at 90 s (the defaults), each once and on record.
 */
class EscalationLadderTest {
    private static final Instant T0 = Instant.parse("2026-02-02T09:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);
    private final Map<String, Presence> presence = new ConcurrentHashMap<>();
    private final List<FloorEvent> events = new CopyOnWriteArrayList<>();
    private final User agent = new User("acme:agent1", "acme", "support", "agent1", "Agent One",
            Set.of(Role.AWA_AGENT), "agent1");
    private final User sup = new User("acme:sup1", "acme", "support", "sup1", "Sup One", Set.of(Role.AWA_MANAGER));
    private final User lead = new User("acme:lead1", "acme", "sales", "lead1", "Lead One",
            Set.of(Role.AWA_MANAGER, Role.AWA_LEAD));
    private SqliteGatewayStore store;
    private Floors floors;
    private EscalationLadder ladder;
    private HelpLifecycle help;

    @BeforeEach
    void floor() {
        store = SqliteGatewayStore.open(dir.resolve("gateway.db"));
        store.saveTenantSettings(TenantSettings.defaults("acme"));
        for (User u : List.of(agent, sup, lead)) {
            store.saveUser(u, null);
        }
        restart();
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** A new floor from what the store has, as the gateway builds it at start. */
    private void restart() {
        floors = new FloorRestore(store, clock).restore();
        floors.addListener(events::add);
        ladder = new EscalationLadder(floors, id -> presence.getOrDefault(id, Presence.OFFLINE));
        help = new HelpLifecycle(floors, RoutingPolicy.allSupervisorsOfDomain(), ladder);
    }

    private HelpRequest raise() {
        PlatformSide platform = new PlatformSide(floors);
        platform.applyPlatformFacts("acme", List.of(new PlatformFact.Started("e-" + events.size(), clock.instant(),
                "CA-" + events.size(), Channel.VOICE, agent, "Ada", "Billing")));
        String ix = platform.liveInteractions("acme").get(0).id();
        return help.raiseHelp(agent, ix, "Policy question", null);
    }

    private HelpRequest stored(String id) {
        return store.findHelpRequest(id).orElseThrow();
    }

    private List<Escalation.Step> steps(String id) {
        return stored(id).escalations().stream().map(Escalation::step).toList();
    }

    private List<FloorEvent.Notification> notices(String kind) {
        return events.stream().filter(e -> e instanceof FloorEvent.Notification n && n.kind().equals(kind))
                .map(e -> (FloorEvent.Notification) e).toList();
    }

    private void after(long seconds) {
        clock.advance(Duration.ofSeconds(seconds));
        ladder.tick();
    }

    @Test
    void anAvailableSupervisorIsNotifiedThenRemindedThenItBreachesThenItEscalatesEachOnce() {
        presence.put(sup.id(), Presence.AVAILABLE);
        presence.put(lead.id(), Presence.AVAILABLE);
        HelpRequest r = raise();
        assertThat(r.assignedTo()).containsExactly(sup.id());
        assertThat(steps(r.id())).containsExactly(Escalation.Step.ROUTED);
        assertThat(stored(r.id()).escalations().get(0).notified()).containsExactly(sup.id());
        assertThat(notices("help.assigned")).singleElement().satisfies(n ->
                assertThat(n.recipients()).containsExactly(sup.id()));

        after(29);
        assertThat(steps(r.id())).containsExactly(Escalation.Step.ROUTED);
        after(1);
        assertThat(steps(r.id())).containsExactly(Escalation.Step.ROUTED, Escalation.Step.REMINDED);
        assertThat(notices("help.reminded")).singleElement().satisfies(n -> {
            assertThat(n.recipients()).containsExactly(sup.id());
            assertThat(n.text()).contains("waited 30 s");
        });
        after(1);
        assertThat(notices("help.reminded")).hasSize(1);

        after(29); // 60 s: past the service level
        assertThat(steps(r.id())).endsWith(Escalation.Step.BREACHED);
        assertThat(stored(r.id()).status()).isEqualTo(HelpRequestStatus.PENDING);

        after(30); // 90 s: the leads join
        HelpRequest escalated = stored(r.id());
        assertThat(steps(r.id())).containsExactly(Escalation.Step.ROUTED, Escalation.Step.REMINDED,
                Escalation.Step.BREACHED, Escalation.Step.ESCALATED);
        assertThat(escalated.assignedTo()).containsExactly(sup.id(), lead.id());
        assertThat(escalated.escalations().get(3).assignedTo()).containsExactly(lead.id());
        assertThat(escalated.escalations().get(3).at()).isEqualTo(T0.plusSeconds(90));
        assertThat(notices("help.escalated")).singleElement().satisfies(n ->
                assertThat(n.recipients()).containsExactly(lead.id()));

        after(3600); // never dropped, never expired, nothing fires twice
        assertThat(stored(r.id()).status()).isEqualTo(HelpRequestStatus.PENDING);
        assertThat(steps(r.id())).hasSize(4);
    }

    @Test
    void whenNobodyIsAvailableTheRequestEscalatesAtOnce() {
        presence.put(sup.id(), Presence.BUSY);
        presence.put(lead.id(), Presence.AVAILABLE);
        HelpRequest r = raise();

        assertThat(steps(r.id())).containsExactly(Escalation.Step.ROUTED, Escalation.Step.ESCALATED);
        assertThat(r.assignedTo()).containsExactly(sup.id(), lead.id());
        assertThat(r.escalations().get(0).notified()).isEmpty();
        assertThat(r.escalations().get(1).at()).isEqualTo(T0);
        assertThat(notices("help.assigned")).isEmpty();
        assertThat(notices("help.escalated")).singleElement().satisfies(n ->
                assertThat(n.recipients()).containsExactly(lead.id()));

        after(30); // the reminder reaches the busy supervisor too: they have it in the tray
        assertThat(notices("help.reminded")).singleElement().satisfies(n ->
                assertThat(n.recipients()).containsExactly(sup.id(), lead.id()));
        after(60);
        assertThat(notices("help.escalated")).hasSize(1);
    }

    @Test
    void whenTheAvailableSupervisorGoesAwayTheNextTickEscalates() {
        presence.put(sup.id(), Presence.AVAILABLE);
        HelpRequest r = raise();
        after(1);
        assertThat(steps(r.id())).containsExactly(Escalation.Step.ROUTED);

        presence.put(sup.id(), Presence.AWAY);
        after(1);
        assertThat(steps(r.id())).containsExactly(Escalation.Step.ROUTED, Escalation.Step.ESCALATED);
        assertThat(stored(r.id()).escalations().get(1).notified()).isEmpty(); // the lead is offline: nobody at all
    }

    @Test
    void aCancelInTheMiddleStopsTheLadder() {
        presence.put(sup.id(), Presence.AVAILABLE);
        HelpRequest r = raise();
        after(30);
        help.cancelHelp(agent, r.id());
        after(120);
        assertThat(stored(r.id()).status()).isEqualTo(HelpRequestStatus.CANCELLED);
        assertThat(steps(r.id())).containsExactly(Escalation.Step.ROUTED, Escalation.Step.REMINDED);
        assertThat(notices("help.escalated")).isEmpty();
    }

    @Test
    void anEscalatedLeadOfAnotherDomainAcceptsIt() {
        presence.put(sup.id(), Presence.AVAILABLE);
        presence.put(lead.id(), Presence.AVAILABLE);
        HelpRequest r = raise();
        after(90);
        assertThat(new FloorReads(floors).helpRequest(lead, r.id()).assignedTo()).contains(lead.id());

        HelpRequest accepted = help.acceptHelp(lead, r.id());

        assertThat(accepted.status()).isEqualTo(HelpRequestStatus.IN_PROGRESS);
        assertThat(accepted.helpProvidedBy()).isEqualTo(lead.id());
        assertThat(stored(r.id()).escalations()).hasSize(4); // the record is kept past the accept
        after(600);
        assertThat(steps(r.id())).hasSize(4);
    }

    @Test
    void aRestartInTheMiddleLosesNoStepAndRepeatsNone() {
        presence.put(sup.id(), Presence.AVAILABLE);
        HelpRequest r = raise();
        after(45); // reminded at 45 s (the tick came late), not yet breached
        assertThat(steps(r.id())).containsExactly(Escalation.Step.ROUTED, Escalation.Step.REMINDED);

        restart();
        events.clear();
        after(5); // 50 s: nothing due
        assertThat(events).isEmpty();
        clock.advance(Duration.ofMinutes(5)); // the gateway was down past both the breach and the escalation
        restart();
        ladder.tick();

        assertThat(steps(r.id())).containsExactly(Escalation.Step.ROUTED, Escalation.Step.REMINDED,
                Escalation.Step.BREACHED, Escalation.Step.ESCALATED);
        assertThat(notices("help.reminded")).isEmpty();
        ladder.tick();
        assertThat(steps(r.id())).hasSize(4);
    }

    @Test
    void theTenantsSettingsAndNamedGroupAreUsed() {
        User otherLead = new User("acme:lead2", "acme", "billing", "lead2", "Lead Two", Set.of(Role.AWA_LEAD));
        store.saveUser(otherLead, null);
        new FloorSettings(floors).updateSettings(new User("acme:admin", "acme", "support", "admin", "Admin",
                Set.of(Role.ADMIN)), s -> s.withEscalation(new EscalationSettings(10, 20, 15, List.of(otherLead.id()))));
        presence.put(sup.id(), Presence.AVAILABLE);
        HelpRequest r = raise();
        after(10);
        assertThat(steps(r.id())).endsWith(Escalation.Step.REMINDED);
        after(10);
        assertThat(stored(r.id()).assignedTo()).containsExactly(sup.id(), otherLead.id());
        assertThat(steps(r.id())).containsExactly(Escalation.Step.ROUTED, Escalation.Step.REMINDED,
                Escalation.Step.BREACHED, Escalation.Step.ESCALATED);
    }
}
