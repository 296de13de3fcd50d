package io.huddle.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.gateway.floor.FloorReads;
import io.huddle.gateway.floor.FloorRestore;
import io.huddle.gateway.floor.FloorSettings;
import io.huddle.gateway.floor.Floors;
import io.huddle.gateway.floor.HelpLifecycle;
import io.huddle.gateway.floor.Ids;
import io.huddle.gateway.floor.PlatformSide;
import io.huddle.gateway.floor.RoutingPolicy;
import io.huddle.gateway.floor.SupervisorLegs;
import io.huddle.gateway.store.GatewayStore;
import io.huddle.gateway.store.SqliteGatewayStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Drives a real floor (over a real SQLite store) with random operations of agents and
 * supervisors, and checks after each one: at most one open help request per interaction, the floor and
 * the store agree on it, and the interaction's help flag is up exactly while a request is pending.
 */
class FloorHelpRequestPropertyTest {
    private static final String TENANT = "acme";
    private static final List<User> AGENTS = List.of(
            DomainFixtures.user("acme:agent1", "Agent One", Role.AWA_AGENT),
            DomainFixtures.user("acme:agent2", "Agent Two", Role.AWA_AGENT));
    private static final List<User> SUPERVISORS = List.of(
            DomainFixtures.user("acme:sup1", "Sup One", Role.AWA_MANAGER),
            DomainFixtures.user("acme:sup2", "Sup Two", Role.AWA_MANAGER));

    enum Kind { START, RAISE, CANCEL, CLOSE, ACCEPT, END, HOLD, WRAP_UP, ACT }

    record Op(Kind kind, int who, int target, ActionType action) {
    }

    /** The floor's services, wired as the gateway wires them. */
    record Floor(Floors floors, PlatformSide platform, HelpLifecycle help, SupervisorLegs legs, FloorReads reads) {
        static Floor over(GatewayStore store) {
            Floors floors = new FloorRestore(store, Clock.systemUTC()).restore();
            new FloorSettings(floors).ensureTenant(TenantSettings.defaults(TENANT));
            return new Floor(floors, new PlatformSide(floors),
                    new HelpLifecycle(floors, RoutingPolicy.allSupervisorsOfDomain(),
                            new io.huddle.gateway.floor.EscalationLadder(floors, io.huddle.gateway.floor.SupervisorPresence.nobody())), new SupervisorLegs(floors),
                    new FloorReads(floors));
        }
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Op> op = Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 1),
                Arbitraries.integers().between(0, 3), Arbitraries.of(ActionType.class)).as(Op::new);
        return op.list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 60)
    void atMostOneOpenRequestPerInteractionWhateverHappens(@ForAll("ops") List<Op> ops) throws IOException {
        Path dir = Files.createTempDirectory("huddle-floor-prop");
        try (GatewayStore store = SqliteGatewayStore.open(dir.resolve("gateway.db"))) {
            Stream.concat(AGENTS.stream(), SUPERVISORS.stream()).forEach(u -> store.saveUser(u, null));
            Floor floor = Floor.over(store);
            List<String> interactions = new ArrayList<>();
            List<String> requests = new ArrayList<>();
            for (Op op : ops) {
                try {
                    run(floor, op, interactions, requests);
                } catch (DomainException refused) {
                    assertThat(refused.kind()).as("%s refused: %s", op, refused.getMessage())
                            .isIn(DomainException.Kind.CONFLICT, DomainException.Kind.NOT_FOUND);
                }
                check(floor, store, interactions, op);
            }
        } finally {
            deleteTree(dir);
        }
    }

    private static void run(Floor floor, Op op, List<String> interactions, List<String> requests) {
        User agent = AGENTS.get(op.who());
        User supervisor = SUPERVISORS.get(op.who());
        String ix = interactions.isEmpty() ? "none" : interactions.get(op.target() % interactions.size());
        String hr = requests.isEmpty() ? "none" : requests.get(op.target() % requests.size());
        switch (op.kind()) {
            case START -> interactions.add(floor.platform().startInteraction(new Interaction(Ids.next("ix"), TENANT, "support",
                    Channel.CHAT, agent.id(), agent.displayName(), "Customer", "Billing", floor.floors().now(),
                    InteractionState.ACTIVE, false, List.of(new Participant(agent.id(), agent.displayName(),
                    Participant.Kind.AGENT, null, null, floor.floors().now())), null)).id());
            case RAISE -> requests.add(floor.help().raiseHelp(agent, ix, "Policy question", null).id());
            case CANCEL -> floor.help().cancelHelp(agent, hr);
            case CLOSE -> floor.help().closeHelp(agent, hr);
            case ACCEPT -> floor.help().acceptHelp(supervisor, hr);
            case END -> floor.platform().endInteraction(TENANT, ix);
            case HOLD -> floor.platform().changeState(TENANT, ix, InteractionState.ON_HOLD);
            case WRAP_UP -> floor.platform().changeState(TENANT, ix, InteractionState.WRAP_UP);
            case ACT -> floor.legs().act(supervisor, ix, op.action(), null);
        }
    }

    private static void check(Floor floor, GatewayStore store, List<String> interactions, Op after) {
        List<HelpRequest> open = store.openHelpRequests();
        Map<String, Long> perInteraction = open.stream()
                .collect(Collectors.groupingBy(HelpRequest::interactionId, Collectors.counting()));
        assertThat(perInteraction.values()).as("open requests per interaction after %s", after).allMatch(n -> n == 1);
        Set<String> live = floor.platform().liveInteractions(TENANT).stream().map(Interaction::id).collect(Collectors.toSet());
        for (String ix : interactions) {
            HelpRequest inMemory = floor.reads().openRequestOn(TENANT, ix);
            HelpRequest stored = open.stream().filter(r -> r.interactionId().equals(ix)).findFirst().orElse(null);
            assertThat(inMemory).as("floor and store agree on %s after %s", ix, after).isEqualTo(stored);
            Interaction i = store.findInteraction(ix).orElseThrow();
            boolean pending = stored != null && stored.status() == HelpRequestStatus.PENDING;
            assertThat(i.helpRequested()).as("help flag of %s after %s", ix, after).isEqualTo(pending);
            if (!live.contains(ix)) {
                assertThat(stored).as("no open request on ended %s", ix).isNull();
                assertThat(i.participants()).noneMatch(Participant::isSupervisor);
            }
        }
        assertThat(store.openActions()).as("running actions belong to live interactions")
                .allMatch(a -> live.contains(a.interactionId()));
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
