package io.huddle.gateway.floor;

import io.huddle.domain.ActionType;
import io.huddle.domain.ControlPolicy;
import io.huddle.domain.Controls;
import io.huddle.domain.DomainException;
import io.huddle.domain.HelpRequest;
import io.huddle.domain.HelpRequestStatus;
import io.huddle.domain.Interaction;
import io.huddle.domain.InteractionState;
import io.huddle.domain.Participant;
import io.huddle.domain.Role;
import io.huddle.domain.SupervisorAction;
import io.huddle.domain.TenantSettings;
import io.huddle.domain.TranscriptLine;
import io.huddle.domain.User;
import io.huddle.gateway.store.GatewayStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's live contact-center floor: interactions, help requests and supervisor legs of every
 * tenant, with the rules of who may do what. Each tenant has its own lock; every change is written to
 * the store first, then applied in memory, then published to listeners in order.
 */
public final class FloorService {
    private static final Logger LOG = LoggerFactory.getLogger(FloorService.class);

    /** Lists and snapshots are in one order, the same before and after a restart. */
    private static final java.util.Comparator<Interaction> OLDEST_FIRST =
            java.util.Comparator.comparing(Interaction::startedAt).thenComparing(Interaction::id);

    private final GatewayStore store;
    private final Clock clock;
    private final RoutingPolicy routing;
    private final ConcurrentMap<String, TenantFloor> tenants = new ConcurrentHashMap<>();
    private final List<FloorListener> listeners = new CopyOnWriteArrayList<>();

    public FloorService(GatewayStore store, Clock clock, RoutingPolicy routing) {
        this.store = store;
        this.clock = clock;
        this.routing = routing;
        restore();
    }

    public void addListener(FloorListener listener) {
        listeners.add(listener);
    }

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Loads what survived a restart. Supervisor legs do not: their media is gone, so they are ended. */
    private void restore() {
        for (TenantSettings s : store.tenants()) {
            tenants.put(s.tenant(), new TenantFloor(s));
        }
        Instant now = now();
        for (Interaction i : store.liveInteractions()) {
            TenantFloor floor = tenant(i.tenant());
            Interaction restored = i.withoutSupervisorLegs();
            if (!restored.equals(i)) {
                store.saveInteraction(restored);
            }
            floor.live.put(i.id(), restored);
            if (i.platformId() != null) {
                floor.byPlatform.put(i.platformId(), i.id());
            }
        }
        for (SupervisorAction a : store.openActions()) {
            store.saveAction(a.end(now));
        }
        for (HelpRequest r : store.openHelpRequests()) {
            tenant(r.tenant()).putRequest(r);
        }
        LOG.info("floor restored: {} tenants, {} live interactions", tenants.size(),
                tenants.values().stream().mapToInt(t -> t.live.size()).sum());
    }

    // ---- tenants -------------------------------------------------------------------------------------

    public void ensureTenant(TenantSettings settings) {
        tenants.computeIfAbsent(settings.tenant(), t -> {
            store.saveTenantSettings(settings);
            return new TenantFloor(settings);
        });
    }

    public TenantSettings settings(String tenant) {
        return locked(tenant, f -> f.settings);
    }

    /** Changes the admin's tenant settings: {@code change} gets the current ones, under the tenant's lock. */
    public TenantSettings updateSettings(User admin, java.util.function.UnaryOperator<TenantSettings> change) {
        if (!admin.has(Role.ADMIN)) {
            throw DomainException.forbidden("changing tenant settings requires the admin role");
        }
        return locked(admin.tenant(), f -> {
            TenantSettings next = change.apply(f.settings);
            if (!admin.tenant().equals(next.tenant())) {
                throw DomainException.notFound("tenant", next.tenant());
            }
            store.saveTenantSettings(next);
            f.settings = next;
            return next;
        });
    }

    // ---- reading -------------------------------------------------------------------------------------

    /** The live interactions this user may see, each as this user may see it. */
    public List<Interaction> interactions(User user) {
        return locked(user.tenant(), f -> f.live.values().stream()
                .filter(i -> Visibility.canSee(user, i))
                .sorted(OLDEST_FIRST)
                .map(i -> Visibility.viewFor(user, i))
                .toList());
    }

    public Interaction interaction(User user, String id) {
        return locked(user.tenant(), f -> Visibility.viewFor(user, visibleInteraction(f, user, id)));
    }

    /** "Viewing" an interaction: which controls this user may use on it now, and why not. */
    public Controls controls(User user, String interactionId) {
        return locked(user.tenant(), f -> controlsFor(f, user, visibleInteraction(f, user, interactionId)));
    }

    public List<TranscriptLine> transcript(User user, String interactionId) {
        return locked(user.tenant(), f -> {
            visibleInteraction(f, user, interactionId);
            return f.transcript(interactionId).stream().filter(l -> Visibility.canRead(user, l)).toList();
        });
    }

    /**
     * An interaction, its controls, its open help request and the tail of its transcript as this user sees
     * them, all at one moment; {@code whileLocked} runs in that moment too. A stream that starts following the
     * transcript there gets every later line as an event and none of those in the view again.
     */
    public InteractionView view(User user, String interactionId, InteractionView.Tail tail, Runnable whileLocked) {
        return locked(user.tenant(), f -> {
            Interaction i = visibleInteraction(f, user, interactionId);
            HelpRequest open = f.openRequestOn(i.id());
            List<TranscriptLine> readable = f.transcript(i.id()).stream()
                    .filter(l -> Visibility.canRead(user, l)).toList();
            List<TranscriptLine> latest = tail.of(readable);
            whileLocked.run();
            return new InteractionView(Visibility.viewFor(user, i), controlsFor(f, user, i),
                    open != null && Visibility.canSee(user, open) ? open : null, latest,
                    readable.size() - latest.size());
        });
    }

    public HelpRequest helpRequest(User user, String id) {
        return locked(user.tenant(), f -> visibleRequest(f, user, id));
    }

    /** Everything a stream needs to start: taken with the lock held, then {@code whileLocked} runs. */
    public FloorSnapshot snapshot(User user, Runnable whileLocked) {
        return locked(user.tenant(), f -> {
            List<Interaction> interactions = f.live.values().stream()
                    .filter(i -> Visibility.canSee(user, i)).sorted(OLDEST_FIRST)
                    .map(i -> Visibility.viewFor(user, i)).toList();
            List<HelpRequest> requests = f.openRequests.values().stream()
                    .filter(r -> Visibility.canSee(user, r)).sorted((a, b) -> a.createdAt().compareTo(b.createdAt()))
                    .toList();
            whileLocked.run();
            return new FloorSnapshot(interactions, requests, f.settings);
        });
    }

    /** What a snapshot holds. */
    public record FloorSnapshot(List<Interaction> interactions, List<HelpRequest> helpRequests,
                                TenantSettings settings) {
    }

    // ---- help requests -------------------------------------------------------------------------------

    public HelpRequest raiseHelp(User agent, String interactionId, String reason, String comment) {
        requireRole(agent, Role.AWA_AGENT, "raising a help request");
        String why = requireText("reason", reason, HelpRequest.MAX_TEXT, true);
        String note = requireText("comment", comment, HelpRequest.MAX_TEXT, false);
        return locked(agent.tenant(), f -> {
            Interaction i = visibleInteraction(f, agent, interactionId);
            if (!i.agentId().equals(agent.id())) {
                throw DomainException.notFound("interaction", interactionId);
            }
            if (i.state() != InteractionState.ACTIVE && i.state() != InteractionState.ON_HOLD) {
                throw DomainException.conflict("interaction " + i.id() + " is " + i.state()
                        + ": help can only be requested on an active interaction");
            }
            String unavailable = ControlPolicy.blockedReason(f.settings, i);
            if (unavailable != null) {
                throw DomainException.conflict("supervisor help is not available: " + unavailable);
            }
            HelpRequest open = f.openRequestOn(i.id());
            if (open != null) {
                throw DomainException.conflict("interaction " + i.id() + " already has a help request "
                        + open.id() + " that is " + open.status());
            }
            HelpRequest draft = HelpRequest.raise(Ids.next("hr"), i, why, note, List.of(), now());
            HelpRequest request = draft.withAssignedTo(routing.assign(draft, store.users(agent.tenant())));
            Interaction flagged = i.withHelpRequested(true);
            store.saveAll(List.of(request), List.of(), List.of(flagged));
            f.putRequest(request);
            f.live.put(i.id(), flagged);
            publish(new FloorEvent.InteractionChanged(f.tenant, i, flagged));
            publish(new FloorEvent.HelpRequestChanged(f.tenant, request));
            if (!request.assignedTo().isEmpty()) {
                publish(new FloorEvent.Notification(f.tenant, "help.assigned", request, request.assignedTo(),
                        agent.displayName() + " asks for help: " + why));
            }
            return request;
        });
    }

    public HelpRequest cancelHelp(User agent, String id) {
        requireRole(agent, Role.AWA_AGENT, "cancelling a help request");
        return locked(agent.tenant(), f -> {
            HelpRequest r = ownRequest(f, agent, id);
            HelpRequest cancelled = r.cancel(now(), HelpRequest.EndReason.AGENT_CANCELLED);
            endRequest(f, cancelled);
            if (!r.assignedTo().isEmpty()) {
                publish(new FloorEvent.Notification(f.tenant, "help.cancelled", cancelled, r.assignedTo(),
                        agent.displayName() + " cancelled their request"));
            }
            return cancelled;
        });
    }

    public HelpRequest closeHelp(User agent, String id) {
        requireRole(agent, Role.AWA_AGENT, "closing a help request");
        return locked(agent.tenant(), f -> {
            HelpRequest closed = ownRequest(f, agent, id).close(now(), HelpRequest.EndReason.AGENT_CLOSED);
            endRequest(f, closed);
            return closed;
        });
    }

    public HelpRequest acceptHelp(User supervisor, String id) {
        requireRole(supervisor, Role.AWA_MANAGER, "accepting a help request");
        return locked(supervisor.tenant(), f -> {
            HelpRequest r = visibleRequest(f, supervisor, id);
            if (r.status() == HelpRequestStatus.IN_PROGRESS) {
                throw DomainException.conflict("help request " + id + " was already accepted by "
                        + r.helpProvidedByName());
            }
            if (!f.settings.monitoringEnabled()) {
                throw DomainException.conflict("call monitoring is not enabled for this tenant (licence)");
            }
            HelpRequest accepted = r.accept(supervisor, now());
            Interaction i = f.live.get(r.interactionId());
            Interaction cleared = i == null ? null : i.withHelpRequested(false);
            store.saveAll(List.of(accepted), List.of(), cleared == null ? List.of() : List.of(cleared));
            f.putRequest(accepted);
            if (cleared != null) {
                f.live.put(cleared.id(), cleared);
                publish(new FloorEvent.InteractionChanged(f.tenant, i, cleared));
            }
            publish(new FloorEvent.HelpRequestChanged(f.tenant, accepted));
            List<String> others = r.assignedTo().stream().filter(s -> !s.equals(supervisor.id())).toList();
            if (!others.isEmpty()) {
                publish(new FloorEvent.Notification(f.tenant, "help.accepted", accepted, others,
                        supervisor.displayName() + " accepted " + r.agentName() + "'s request"));
            }
            return accepted;
        });
    }

    // ---- supervisor actions --------------------------------------------------------------------------

    public SupervisorAction act(User supervisor, String interactionId, ActionType action, String helpRequestId) {
        requireRole(supervisor, Role.AWA_MANAGER, "monitoring, coaching or barging in");
        if (action == null) {
            throw DomainException.badRequest("field 'action' is required: MONITOR, COACH, BARGE_IN or DISCONNECT");
        }
        return locked(supervisor.tenant(), f ->
                new LegChange(this, f, supervisor, visibleInteraction(f, supervisor, interactionId))
                        .apply(action, helpRequestId));
    }

    public TranscriptLine sendMessage(User supervisor, String interactionId, String text) {
        String body = requireText("text", text, TranscriptLine.MAX_TEXT, true);
        return locked(supervisor.tenant(), f -> {
            Interaction i = visibleInteraction(f, supervisor, interactionId);
            TranscriptLine.Audience audience = messageAudience(f, supervisor, i);
            return appendLine(f, i, TranscriptLine.Speaker.SUPERVISOR, supervisor.displayName(), body, audience);
        });
    }

    /**
     * Who would read this supervisor's message on the interaction now: the agent (coaching) or everyone
     * (barged in). Refuses, with the reason, a message that cannot be sent. Changes nothing.
     */
    public TranscriptLine.Audience checkMessage(User supervisor, String interactionId, String text) {
        requireText("text", text, TranscriptLine.MAX_TEXT, true);
        return locked(supervisor.tenant(), f ->
                messageAudience(f, supervisor, visibleInteraction(f, supervisor, interactionId)));
    }

    private TranscriptLine.Audience messageAudience(TenantFloor f, User supervisor, Interaction i) {
        requireRole(supervisor, Role.AWA_MANAGER, "sending coach or barge messages");
        ControlPolicy.Message message = ControlPolicy.message(f.settings, i, i.legOf(supervisor.id()));
        if (message.refusal() != null) {
            throw DomainException.conflict(message.refusal());
        }
        return message.audience();
    }

    /**
     * Refuses, with the reason, an action this supervisor may not take on the interaction now; answers the
     * mode of their leg there before it (null: no leg). Changes nothing: the platform is asked between this
     * and {@link #act}, which checks again.
     */
    public io.huddle.domain.SupervisorMode checkAct(User supervisor, String interactionId, ActionType action,
                                                    String helpRequestId) {
        requireRole(supervisor, Role.AWA_MANAGER, "monitoring, coaching or barging in");
        if (action == null) {
            throw DomainException.badRequest("field 'action' is required: MONITOR, COACH, BARGE_IN or DISCONNECT");
        }
        return locked(supervisor.tenant(), f -> {
            LegChange change = new LegChange(this, f, supervisor, visibleInteraction(f, supervisor, interactionId));
            change.check(action, helpRequestId);
            Participant leg = change.currentLeg();
            return leg == null ? null : leg.mode();
        });
    }

    // ---- the platform's side -------------------------------------------------------------------------
    // What happens on the contact center's floor. In the product only the Platform API's inbound side calls
    // these (ArchitectureTest holds it): a platform's events arrive as one batch (applyPlatformFacts). Tests and
    // benchmarks drive the floor through the single-change methods directly.

    /** A new interaction arrives at an agent. */
    public Interaction startInteraction(Interaction interaction) {
        return locked(interaction.tenant(), f -> {
            store.saveInteraction(interaction);
            f.live.put(interaction.id(), interaction);
            publish(new FloorEvent.InteractionChanged(f.tenant, null, interaction));
            return interaction;
        });
    }

    public Interaction changeState(String tenant, String interactionId, InteractionState state) {
        if (state == InteractionState.ENDED) {
            return endInteraction(tenant, interactionId);
        }
        return locked(tenant, f -> {
            Interaction before = liveOrThrow(f, interactionId);
            Interaction after = before.withState(state, now());
            store.saveInteractionState(after); // platform churn: not fsynced per change (docs/benchmarks.md)
            f.live.put(after.id(), after);
            publish(new FloorEvent.InteractionChanged(f.tenant, before, after));
            return after;
        });
    }

    /** The customer or the agent said something (chat text, or voice transcription). */
    public TranscriptLine appendTranscript(String tenant, String interactionId, TranscriptLine.Speaker from,
                                           String text) {
        return locked(tenant, f -> {
            Interaction i = liveOrThrow(f, interactionId);
            String author = from == TranscriptLine.Speaker.AGENT ? i.agentName() : i.customerName();
            return appendLine(f, i, from, author, text, TranscriptLine.Audience.ALL);
        });
    }

    /** The interaction ends: open help requests end with it and every supervisor leg is closed. */
    public Interaction endInteraction(String tenant, String interactionId) {
        return locked(tenant, f -> {
            InteractionEnd end = InteractionEnd.of(f, liveOrThrow(f, interactionId), now());
            store.saveAll(end.endedRequest() == null ? List.of() : List.of(end.endedRequest()), end.closedActions(),
                    List.of(end.ended()));
            end.apply(this, f);
            return end.ended();
        });
    }

    /**
     * Applies a batch of the platform's events, in order, exactly once each (docs/platform.md): one write for
     * the whole batch, then the floor changes and is published. For the Platform API's inbound side only.
     */
    public PlatformFact.Outcome applyPlatformFacts(String tenant, List<PlatformFact> facts) {
        return locked(tenant, f -> new PlatformBatch(this, f).apply(facts));
    }

    /** The live interactions of a tenant, unfiltered: the platform's view of its floor. */
    public List<Interaction> liveInteractions(String tenant) {
        return locked(tenant, f -> List.copyOf(f.live.values()));
    }

    public HelpRequest openRequestOn(String tenant, String interactionId) {
        return locked(tenant, f -> f.openRequestOn(interactionId));
    }

    // ---- shared helpers (package-private for LegChange) ----------------------------------------------

    void publish(FloorEvent event) {
        for (FloorListener l : listeners) {
            try {
                l.onEvent(event);
            } catch (RuntimeException e) {
                LOG.error("floor listener {} failed on {}", l, event.getClass().getSimpleName(), e);
            }
        }
    }

    GatewayStore store() {
        return store;
    }

    TranscriptLine appendLine(TenantFloor f, Interaction i, TranscriptLine.Speaker from, String author, String text,
                              TranscriptLine.Audience audience) {
        TranscriptLine line = new TranscriptLine(Ids.next("line"), i.id(), now(), from, author, text, audience);
        f.appendTranscript(line);
        publish(new FloorEvent.TranscriptAppended(f.tenant, i, line));
        return line;
    }

    Controls controlsFor(TenantFloor f, User user, Interaction i) {
        return ControlPolicy.evaluate(user, f.settings, i, f.openRequestOn(i.id()),
                i.legOf(user.id()), i.speakingLeg());
    }

    private <T> T locked(String tenant, Function<TenantFloor, T> work) {
        TenantFloor f = tenant(tenant);
        f.lock.lock();
        try {
            return work.apply(f);
        } finally {
            f.lock.unlock();
        }
    }

    private TenantFloor tenant(String tenant) {
        TenantFloor f = tenants.get(tenant);
        if (f == null) {
            f = tenants.computeIfAbsent(tenant, t -> new TenantFloor(
                    store.tenantSettings(t).orElseGet(() -> TenantSettings.defaults(t))));
        }
        return f;
    }

    private void endRequest(TenantFloor f, HelpRequest ended) {
        Interaction i = f.live.get(ended.interactionId());
        Interaction cleared = i == null || !i.helpRequested() ? null : i.withHelpRequested(false);
        store.saveAll(List.of(ended), List.of(), cleared == null ? List.of() : List.of(cleared));
        f.putRequest(ended);
        if (cleared != null) {
            f.live.put(cleared.id(), cleared);
            publish(new FloorEvent.InteractionChanged(f.tenant, i, cleared));
        }
        publish(new FloorEvent.HelpRequestChanged(f.tenant, ended));
    }

    private HelpRequest ownRequest(TenantFloor f, User agent, String id) {
        HelpRequest r = visibleRequest(f, agent, id);
        if (!r.agentId().equals(agent.id())) {
            throw DomainException.notFound("help request", id);
        }
        return r;
    }

    private HelpRequest visibleRequest(TenantFloor f, User user, String id) {
        HelpRequest r = f.openRequests.get(id);
        if (r == null) {
            r = store.findHelpRequest(id).orElseThrow(() -> DomainException.notFound("help request", id));
        }
        if (!Visibility.canSee(user, r)) {
            throw DomainException.notFound("help request", id);
        }
        return r;
    }

    private Interaction visibleInteraction(TenantFloor f, User user, String id) {
        Interaction i = f.live.get(id);
        if (i == null) {
            i = store.findInteraction(id).orElseThrow(() -> DomainException.notFound("interaction", id));
        }
        if (!Visibility.canSee(user, i)) {
            throw DomainException.notFound("interaction", id);
        }
        return i;
    }

    private Interaction liveOrThrow(TenantFloor f, String id) {
        Interaction i = f.live.get(id);
        if (i == null) {
            throw DomainException.notFound("live interaction", id);
        }
        return i;
    }

    private static void requireRole(User user, Role role, String what) {
        if (!user.has(role)) {
            throw DomainException.forbidden(what + " requires the " + role.wireName() + " role");
        }
    }

    static String requireText(String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw DomainException.badRequest("field '" + field + "' is required");
            }
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            throw DomainException.badRequest("field '" + field + "' is longer than " + max + " characters");
        }
        return trimmed;
    }
}
