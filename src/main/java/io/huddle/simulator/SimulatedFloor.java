package io.huddle.simulator;

import io.huddle.domain.Channel;
import io.huddle.protocol.platform.PlatformEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * The simulated contact center's own floor, as a platform keeps it: its calls, chats and messages, who
 * handles them, their state, and which supervisors' legs it has in place. {@link #tick} moves it on by a
 * second and answers the events that tell the gateway. Changed on the simulator's thread only; the
 * call-control endpoint reads it and changes the legs from its own threads, so both are concurrent maps.
 */
final class SimulatedFloor {
    /** The agents whose desks never run dry: a person can drive the help-request flow by hand on them. */
    static final Map<String, Channel> SEATS = Map.of("agent1", Channel.VOICE, "agent2", Channel.CHAT);
    static final int SIM_AGENTS = 16;

    /** One contact on the platform. {@code endsAt} is when it goes into wrap-up (null: never, a seat's). */
    record Call(String id, String agent, Channel channel, String customer, String queue, PlatformEvent.State state,
                Instant endsAt) {
        Call with(PlatformEvent.State next) {
            return new Call(id, agent, channel, customer, queue, next, endsAt);
        }
    }

    private final RandomGenerator random;
    private final String runId;
    private final AtomicLong eventSeq = new AtomicLong();
    private final Map<String, Call> calls = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> legs = new ConcurrentHashMap<>();

    SimulatedFloor(RandomGenerator random, String runId) {
        this.random = random;
        this.runId = runId;
    }

    static List<String> simAgents() {
        List<String> ids = new ArrayList<>();
        for (int n = 1; n <= SIM_AGENTS; n++) {
            ids.add(String.format("sim-agent-%02d", n));
        }
        return ids;
    }

    /** After a restart: the seats' calls go on; every other call's media is gone, so it ends. */
    List<PlatformEvent> restore(Collection<Call> saved, Instant now) {
        List<PlatformEvent> events = new ArrayList<>();
        for (Call c : saved) {
            if (SEATS.containsKey(c.agent())) {
                calls.put(c.id(), c);
            } else {
                events.add(new PlatformEvent.InteractionEnded(nextId(), now, c.id()));
            }
        }
        return events;
    }

    List<PlatformEvent> tick(Instant now) {
        List<PlatformEvent> events = new ArrayList<>();
        for (Map.Entry<String, Channel> seat : SEATS.entrySet()) {
            if (callOf(seat.getKey()) == null) {
                events.add(start(seat.getKey(), seat.getValue(), null, now));
            }
        }
        for (String agent : simAgents()) {
            if (callOf(agent) == null && random.nextInt(5) == 0) {
                events.add(start(agent, randomChannel(), now.plusSeconds(40 + random.nextInt(140)), now));
            }
        }
        for (Call c : List.copyOf(calls.values())) {
            step(c, now, events);
        }
        return events;
    }

    private void step(Call c, Instant now, List<PlatformEvent> events) {
        if (c.state() == PlatformEvent.State.ACTIVE && random.nextInt(c.endsAt() == null ? 6 : 4) == 0) {
            boolean customer = random.nextBoolean();
            events.add(new PlatformEvent.TranscriptLine(nextId(), now, c.id(),
                    customer ? PlatformEvent.Speaker.CUSTOMER : PlatformEvent.Speaker.AGENT,
                    Scripts.pick(customer ? Scripts.CUSTOMER_LINES : Scripts.AGENT_LINES, random)));
        }
        if (c.endsAt() == null) {
            return;
        }
        if (c.state() == PlatformEvent.State.WRAP_UP && now.isAfter(c.endsAt().plusSeconds(8))) {
            calls.remove(c.id());
            legs.remove(c.id());
            events.add(new PlatformEvent.InteractionEnded(nextId(), now, c.id()));
        } else if (now.isAfter(c.endsAt()) && c.state() != PlatformEvent.State.WRAP_UP) {
            events.add(change(c, PlatformEvent.State.WRAP_UP, now));
        } else if (c.state() == PlatformEvent.State.ACTIVE && random.nextInt(60) == 0) {
            events.add(change(c, PlatformEvent.State.ON_HOLD, now));
        } else if (c.state() == PlatformEvent.State.ON_HOLD && random.nextInt(6) == 0) {
            events.add(change(c, PlatformEvent.State.ACTIVE, now));
        } else if (c.channel() == Channel.VOICE && random.nextInt(900) == 0) {
            dropALeg(c, now, events);
        }
    }

    /** Now and then a supervisor's voice leg drops, as a real line does. */
    private void dropALeg(Call c, Instant now, List<PlatformEvent> events) {
        Set<String> on = legs.get(c.id());
        if (on == null || on.isEmpty()) {
            return;
        }
        String supervisor = on.iterator().next();
        on.remove(supervisor);
        events.add(new PlatformEvent.LegEnded(nextId(), now, c.id(), supervisor, "the line dropped"));
    }

    private PlatformEvent change(Call c, PlatformEvent.State state, Instant now) {
        calls.put(c.id(), c.with(state));
        return new PlatformEvent.StateChanged(nextId(), now, c.id(), state);
    }

    private PlatformEvent start(String agent, Channel channel, Instant endsAt, Instant now) {
        String id = prefix(channel) + "-" + runId + "-" + eventSeq.incrementAndGet();
        Call c = new Call(id, agent, channel, Scripts.pick(Scripts.CUSTOMERS, random),
                Scripts.pick(Scripts.QUEUES, random), PlatformEvent.State.ACTIVE, endsAt);
        calls.put(id, c);
        return new PlatformEvent.InteractionStarted(nextId(), now, id, channel, agent, c.customer(), c.queue());
    }

    private Call callOf(String agent) {
        for (Call c : calls.values()) {
            if (c.agent().equals(agent)) {
                return c;
            }
        }
        return null;
    }

    private Channel randomChannel() {
        int r = random.nextInt(10);
        return r < 5 ? Channel.VOICE : r < 8 ? Channel.CHAT : Channel.MESSAGING;
    }

    private static String prefix(Channel c) {
        return switch (c) {
            case VOICE -> "CA";
            case CHAT -> "CH";
            case MESSAGING -> "SM";
        };
    }

    String nextId() {
        return "ev-" + runId + "-" + eventSeq.incrementAndGet();
    }

    /** The live call with this id, or null. */
    Call call(String id) {
        return calls.get(id);
    }

    List<Call> live() {
        return List.copyOf(calls.values());
    }

    /** A supervisor's leg is in place (monitor, coach, barge in) or gone (disconnect). */
    void leg(String callId, String supervisor, boolean on) {
        if (on) {
            legs.computeIfAbsent(callId, k -> ConcurrentHashMap.newKeySet()).add(supervisor);
        } else {
            Set<String> s = legs.get(callId);
            if (s != null) {
                s.remove(supervisor);
            }
        }
    }

    boolean hasLeg(String callId, String supervisor) {
        Set<String> s = legs.get(callId);
        return s != null && s.contains(supervisor);
    }
}
