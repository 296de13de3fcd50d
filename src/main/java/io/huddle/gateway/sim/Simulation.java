package io.huddle.gateway.sim;

import io.huddle.domain.Channel;
import io.huddle.domain.DomainException;
import io.huddle.domain.HelpRequest;
import io.huddle.domain.HelpRequestStatus;
import io.huddle.domain.Interaction;
import io.huddle.domain.InteractionState;
import io.huddle.domain.Participant;
import io.huddle.domain.Role;
import io.huddle.domain.TranscriptLine;
import io.huddle.domain.User;
import io.huddle.gateway.auth.PasswordHasher;
import io.huddle.gateway.floor.FloorService;
import io.huddle.gateway.floor.Ids;
import io.huddle.gateway.store.GatewayStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated contact center for one tenant: simulated agents take calls, chats and messages that start,
 * talk, go on hold, wrap up and end, and now and then ask for help. The seats of agent1 (voice) and
 * agent2 (chat) each get one long-lived interaction that the simulation never ends, so a person can drive
 * the flow by hand. Owns one scheduler thread, stopped by {@link #close()}.
 */
public final class Simulation implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Simulation.class);
    private static final Map<String, Channel> SEATS = Map.of("agent1", Channel.VOICE, "agent2", Channel.CHAT);

    private final FloorService floor;
    private final String tenant;
    private final List<User> simAgents;
    private final Map<String, User> seats = new HashMap<>();
    private final Map<String, Instant> endsAt = new HashMap<>();
    private final RandomGenerator random = RandomGenerator.of("L64X128MixRandom");
    private final ScheduledExecutorService scheduler;

    private Simulation(FloorService floor, String tenant, List<User> simAgents) {
        this.floor = floor;
        this.tenant = tenant;
        this.simAgents = simAgents;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "huddle-sim-" + tenant);
            t.setDaemon(true);
            return t;
        });
    }

    public static Simulation start(FloorService floor, GatewayStore store, PasswordHasher hasher, String tenant) {
        List<User> agents = ensureSimAgents(store, hasher, tenant);
        Simulation sim = new Simulation(floor, tenant, agents);
        for (Map.Entry<String, Channel> seat : SEATS.entrySet()) {
            store.findUser(tenant, seat.getKey()).ifPresent(u -> sim.seats.put(u.id(), u));
        }
        sim.scheduler.execute(sim::adoptOrEndLeftovers);
        sim.scheduler.scheduleWithFixedDelay(sim::tick, 500, 1000, TimeUnit.MILLISECONDS);
        return sim;
    }

    private static List<User> ensureSimAgents(GatewayStore store, PasswordHasher hasher, String tenant) {
        List<User> agents = new ArrayList<>();
        String unusable = null;
        for (int n = 1; n <= 16; n++) {
            String domain = n <= 12 ? "support" : "sales";
            String username = String.format("sim-agent-%02d", n);
            String name = Scripts.AGENTS.get((n - 1) % Scripts.AGENTS.size());
            Optional<User> existing = store.findUser(tenant, username);
            if (existing.isPresent() && existing.get().displayName().equals(name)) {
                agents.add(existing.get());
                continue;
            }
            if (unusable == null) {
                unusable = hasher.hash(UUID.randomUUID().toString().toCharArray());
            }
            User u = new User(tenant + ":" + username, tenant, domain, username, name, Set.of(Role.AWA_AGENT),
                    username);
            store.saveUser(u, unusable);
            agents.add(u);
        }
        return agents;
    }

    /** After a restart: keep the seats' interactions, end the rest (their simulated media is gone). */
    private void adoptOrEndLeftovers() {
        try {
            for (Interaction i : floor.liveInteractions(tenant)) {
                if (!seats.containsKey(i.agentId())) {
                    floor.endInteraction(tenant, i.id());
                }
            }
            ensureSeats();
        } catch (RuntimeException e) {
            LOG.error("simulation of {} could not start cleanly", tenant, e);
        }
    }

    private void ensureSeats() {
        List<Interaction> live = floor.liveInteractions(tenant);
        for (User seat : seats.values()) {
            if (live.stream().noneMatch(i -> i.agentId().equals(seat.id()))) {
                floor.startInteraction(newInteraction(seat, SEATS.get(seat.username())));
            }
        }
    }

    private void tick() {
        try {
            Instant now = floor.now();
            List<Interaction> live = floor.liveInteractions(tenant);
            ensureSeats();
            for (User agent : simAgents) {
                if (live.stream().noneMatch(i -> i.agentId().equals(agent.id())) && random.nextInt(5) == 0) {
                    Interaction started = floor.startInteraction(newInteraction(agent, randomChannel()));
                    endsAt.put(started.id(), now.plusSeconds(40 + random.nextInt(140)));
                }
            }
            for (Interaction i : live) {
                step(i, now);
            }
        } catch (DomainException e) {
            LOG.debug("simulation of {}: {}", tenant, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("simulation tick of {} failed; it keeps running", tenant, e);
        }
    }

    private void step(Interaction i, Instant now) {
        boolean seat = seats.containsKey(i.agentId());
        if (random.nextInt(seat ? 6 : 4) == 0 && i.state() == InteractionState.ACTIVE) {
            boolean customer = random.nextBoolean();
            floor.appendTranscript(tenant, i.id(), customer ? TranscriptLine.Speaker.CUSTOMER
                    : TranscriptLine.Speaker.AGENT, Scripts.pick(customer ? Scripts.CUSTOMER_LINES
                    : Scripts.AGENT_LINES, random));
        }
        if (seat) {
            return;
        }
        Instant end = endsAt.computeIfAbsent(i.id(), k -> now.plusSeconds(30 + random.nextInt(60)));
        if (i.state() == InteractionState.WRAP_UP && now.isAfter(end.plusSeconds(8))) {
            floor.endInteraction(tenant, i.id());
            endsAt.remove(i.id());
            return;
        }
        if (now.isAfter(end) && i.state() != InteractionState.WRAP_UP) {
            floor.changeState(tenant, i.id(), InteractionState.WRAP_UP);
            return;
        }
        if (i.state() == InteractionState.ACTIVE && random.nextInt(60) == 0) {
            floor.changeState(tenant, i.id(), InteractionState.ON_HOLD);
        } else if (i.state() == InteractionState.ON_HOLD && random.nextInt(6) == 0) {
            floor.changeState(tenant, i.id(), InteractionState.ACTIVE);
        }
        helpRequests(i, now);
    }

    /** Simulated agents ask for help now and then, cancel some, and close the ones that were helped. */
    private void helpRequests(Interaction i, Instant now) {
        User agent = simAgents.stream().filter(a -> a.id().equals(i.agentId())).findFirst().orElse(null);
        if (agent == null) {
            return;
        }
        HelpRequest open = floor.openRequestOn(tenant, i.id());
        if (open == null) {
            if (i.state() == InteractionState.ACTIVE && random.nextInt(400) == 0) {
                floor.raiseHelp(agent, i.id(), Scripts.pick(Scripts.HELP_REASONS, random),
                        random.nextBoolean() ? "Customer is asking for a manager" : null);
            }
        } else if (open.status() == HelpRequestStatus.PENDING
                && Duration.between(open.createdAt(), now).toSeconds() > 90 && random.nextInt(30) == 0) {
            floor.cancelHelp(agent, open.id());
        } else if (open.status() == HelpRequestStatus.IN_PROGRESS
                && Duration.between(open.acceptedAt(), now).toSeconds() > 120 && random.nextInt(20) == 0) {
            floor.closeHelp(agent, open.id());
        }
    }

    private Interaction newInteraction(User agent, Channel channel) {
        String customer = Scripts.pick(Scripts.CUSTOMERS, random);
        Participant customerP = new Participant("cust-" + Ids.next("c"), customer, Participant.Kind.CUSTOMER,
                null, null, floor.now());
        Participant agentP = new Participant(agent.id(), agent.displayName(), Participant.Kind.AGENT, null, null,
                floor.now());
        return new Interaction(Ids.next(prefix(channel)), tenant, agent.domain(), channel, agent.id(),
                agent.displayName(), customer, Scripts.pick(Scripts.QUEUES, random), floor.now(),
                InteractionState.ACTIVE, false, List.of(customerP, agentP), null);
    }

    private Channel randomChannel() {
        int r = random.nextInt(10);
        return r < 5 ? Channel.VOICE : r < 8 ? Channel.CHAT : Channel.MESSAGING;
    }

    private static String prefix(Channel c) {
        return switch (c) {
            case VOICE -> "call";
            case CHAT -> "chat";
            case MESSAGING -> "msg";
        };
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("simulation of {} did not stop within 5 s", tenant);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
