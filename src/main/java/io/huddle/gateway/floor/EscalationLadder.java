package io.huddle.gateway.floor;

import io.huddle.domain.Escalation;
import io.huddle.domain.EscalationSettings;
import io.huddle.domain.HelpRequest;
import io.huddle.domain.HelpRequestStatus;
import io.huddle.domain.Presence;
import io.huddle.domain.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The escalation ladder of pending help requests (docs/protocol.md, "Escalation"). Each step happens at most
 * once and is recorded on the request, so what is due is always {@code createdAt} plus the tenant's settings
 * against the steps on record: a restart in the middle neither loses nor repeats one. A request is never
 * dropped: it stays pending until accepted or cancelled. {@link #tick} is run once a second by the gateway
 * (tests call it with their own clock); {@link #routed} is the first step, taken when a request is raised.
 */
public final class EscalationLadder {
    private static final Logger LOG = LoggerFactory.getLogger(EscalationLadder.class);

    private final Floors floors;
    private final SupervisorPresence presence;

    public EscalationLadder(Floors floors, SupervisorPresence presence) {
        this.floors = floors;
        this.presence = presence;
    }

    /** Takes every step that is due on every tenant's pending requests; answers how many steps it took. */
    public int tick() {
        int taken = 0;
        for (TenantFloor t : floors.all()) {
            try {
                // a look first, so a tenant with nothing pending takes no turn in a shared floor log
                if (floors.locked(t.tenant, f -> f.openRequests.values().stream()
                        .anyMatch(r -> r.status() == HelpRequestStatus.PENDING))) {
                    taken += floors.changing(t.tenant, this::advanceAll);
                }
            } catch (RuntimeException e) { // one tenant's failure (its store write) must not stop the others
                LOG.error("escalation of tenant {}'s help requests failed; trying again next tick", t.tenant, e);
            }
        }
        return taken;
    }

    private int advanceAll(TenantFloor f) {
        List<HelpRequest> pending = f.openRequests.values().stream()
                .filter(r -> r.status() == HelpRequestStatus.PENDING)
                .sorted(Comparator.comparing(HelpRequest::createdAt).thenComparing(HelpRequest::id)).toList();
        int taken = 0;
        Supplier<List<User>> users = once(() -> floors.store().users(f.tenant));
        for (HelpRequest r : pending) {
            HelpRequest after = advance(f, r, users);
            taken += after.escalations().size() - r.escalations().size();
        }
        return taken;
    }

    /**
     * The first step of a request being raised (lock held, not yet saved): {@code assigned} is everyone it
     * is routed to, the available ones among them are notified; when none is, it escalates at once.
     */
    HelpRequest routed(TenantFloor f, HelpRequest draft, List<String> assigned, List<User> users) {
        Instant now = draft.createdAt();
        HelpRequest r = draft.escalate(new Escalation(Escalation.Step.ROUTED, now, assigned,
                available(assigned)), assigned);
        if (nobodyAvailable(r)) {
            r = escalated(f, r, now, users);
        }
        return r;
    }

    /** Takes the steps due on one pending request, saving and publishing each. Lock held. */
    private HelpRequest advance(TenantFloor f, HelpRequest r, Supplier<List<User>> users) {
        EscalationSettings s = f.settings.escalation();
        Instant now = floors.now();
        List<Escalation.Step> due = new ArrayList<>();
        if (!r.reached(Escalation.Step.REMINDED) && passed(r, s.remindDelay(), now)) {
            due.add(Escalation.Step.REMINDED);
        }
        if (!r.reached(Escalation.Step.BREACHED) && passed(r, s.serviceLevel(), now)) {
            due.add(Escalation.Step.BREACHED);
        }
        if (!r.reached(Escalation.Step.ESCALATED) && (passed(r, s.escalateDelay(), now) || nobodyAvailable(r))) {
            due.add(Escalation.Step.ESCALATED);
        }
        HelpRequest current = r;
        for (Escalation.Step step : due) {
            HelpRequest next = switch (step) {
                case REMINDED -> current.escalate(new Escalation(step, now, current.assignedTo(),
                        onShift(current.assignedTo())), current.assignedTo());
                case BREACHED -> current.escalate(new Escalation(step, now, current.assignedTo(),
                        onShift(current.assignedTo())), current.assignedTo());
                case ESCALATED -> escalated(f, current, now, users.get());
                default -> throw new IllegalStateException("the ladder does not take " + step);
            };
            floors.store().saveHelpRequest(next);
            f.putRequest(next);
            floors.publish(new FloorEvent.HelpRequestChanged(f.tenant, current, next));
            announce(f, next, next.escalations().get(next.escalations().size() - 1));
            current = next;
        }
        return current;
    }

    /**
     * The step that adds the escalation group to the request's assignees: the named supervisors (of any domain)
     * or, when none are named, every lead.
     */
    private HelpRequest escalated(TenantFloor f, HelpRequest r, Instant now, List<User> users) {
        Set<String> group = new LinkedHashSet<>();
        List<String> named = f.settings.escalation().escalationGroup();
        for (User u : users) {
            boolean member = named.isEmpty() ? u.isLead() : named.contains(u.id());
            if (member && EscalationSettings.mayBeNamed(u, r.tenant()) && !u.id().equals(r.agentId())
                    && !r.assignedTo().contains(u.id())) {
                group.add(u.id());
            }
        }
        List<String> added = List.copyOf(group);
        List<String> all = new ArrayList<>(r.assignedTo());
        all.addAll(added);
        LOG.info("help request {} of tenant {} escalated to {} ({} available)", r.id(), r.tenant(), added.size(),
                available(added).size());
        return r.escalate(new Escalation(Escalation.Step.ESCALATED, now, added, available(added)), all);
    }

    /** The notice of one step to whom it notified (the request itself was published as it changed). */
    void announce(TenantFloor f, HelpRequest r, Escalation last) {
        if (last.notified().isEmpty()) {
            return;
        }
        String waited = seconds(Duration.between(r.createdAt(), last.at()));
        String text = switch (last.step()) {
            case ROUTED -> r.agentName() + " asks for help: " + r.reason();
            case REMINDED -> "Reminder: " + r.agentName() + " has waited " + waited + " for help: " + r.reason();
            case ESCALATED -> "Escalated to you: " + r.agentName() + " (" + r.domain() + ") asks for help: "
                    + r.reason();
            case BREACHED -> r.agentName() + " has waited " + waited + ", past the service level: " + r.reason();
        };
        String kind = last.step() == Escalation.Step.ROUTED ? "help.assigned" : "help." + last.step().wireName();
        floors.publish(new FloorEvent.Notification(f.tenant, kind, r, last.notified(), text));
    }

    private static String seconds(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s < 120 ? s + " s" : s / 60 + " min";
    }

    private static boolean passed(HelpRequest r, Duration after, Instant now) {
        return !now.isBefore(r.createdAt().plus(after));
    }

    private boolean nobodyAvailable(HelpRequest r) {
        return available(r.assignedTo()).isEmpty();
    }

    private List<String> available(List<String> ids) {
        return ids.stream().filter(id -> presence.of(id) == Presence.AVAILABLE).toList();
    }

    private List<String> onShift(List<String> ids) {
        return ids.stream().filter(id -> {
            Presence p = presence.of(id);
            return p == Presence.AVAILABLE || p == Presence.BUSY;
        }).toList();
    }

    private static <T> Supplier<T> once(Supplier<T> source) {
        return new Supplier<>() {
            private T value;

            @Override
            public T get() {
                if (value == null) {
                    value = source.get();
                }
                return value;
            }
        };
    }
}
