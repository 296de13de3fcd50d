package io.huddle.gateway.floor;

import io.huddle.domain.Controls;
import io.huddle.domain.HelpRequest;
import io.huddle.domain.HelpRequestStatus;
import io.huddle.domain.Interaction;
import io.huddle.domain.TranscriptLine;
import io.huddle.domain.User;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a user may see of the floor: each read takes the tenant's lock and changes nothing. */
public final class FloorReads {
    /** Lists and snapshots are in one order, the same before and after a restart. */
    private static final Comparator<Interaction> OLDEST_FIRST =
            Comparator.comparing(Interaction::startedAt).thenComparing(Interaction::id);

    private final Floors floors;

    public FloorReads(Floors floors) {
        this.floors = floors;
    }

    /** The live interactions this user may see, each as this user may see it. */
    public List<Interaction> interactions(User user) {
        return floors.locked(user.tenant(), f -> visibleLive(f, user));
    }

    public Interaction interaction(User user, String id) {
        return floors.locked(user.tenant(), f -> Visibility.viewFor(user, find(f, user, id)));
    }

    /** "Viewing" an interaction: which controls this user may use on it now, and why not. */
    public Controls controls(User user, String interactionId) {
        return floors.locked(user.tenant(), f -> f.controls(user, find(f, user, interactionId)));
    }

    public List<TranscriptLine> transcript(User user, String interactionId) {
        return floors.locked(user.tenant(), f -> readable(f, user, find(f, user, interactionId)));
    }

    /**
     * An interaction, its controls, its open help request and the tail of its transcript as this user sees
     * them, all at one moment; {@code whileLocked} runs in that moment too. A stream that starts following the
     * transcript there gets every later line as an event and none of those in the view again.
     */
    public InteractionView view(User user, String interactionId, InteractionView.Tail tail, Runnable whileLocked) {
        return floors.locked(user.tenant(), f -> {
            Interaction i = find(f, user, interactionId);
            HelpRequest open = f.openRequestOn(i.id());
            List<TranscriptLine> readable = readable(f, user, i);
            List<TranscriptLine> latest = tail.of(readable);
            whileLocked.run();
            return new InteractionView(Visibility.viewFor(user, i), f.controls(user, i),
                    open != null && Visibility.canSee(user, open) ? open : null, latest,
                    readable.size() - latest.size());
        });
    }

    public HelpRequest helpRequest(User user, String id) {
        return floors.locked(user.tenant(), f -> FloorLookup.request(floors.store(), f, user, id));
    }

    /** Everything a stream needs to start: taken with the lock held, then {@code whileLocked} runs. */
    public FloorSnapshot snapshot(User user, Runnable whileLocked) {
        return floors.locked(user.tenant(), f -> {
            List<Interaction> interactions = visibleLive(f, user);
            List<HelpRequest> requests = f.openRequests.values().stream()
                    .filter(r -> Visibility.canSee(user, r)).sorted(Comparator.comparing(HelpRequest::createdAt))
                    .toList();
            whileLocked.run();
            return new FloorSnapshot(interactions, requests, f.settings);
        });
    }

    /** The interaction's pending or in-progress help request, whoever asks, or null. */
    public HelpRequest openRequestOn(String tenant, String interactionId) {
        return floors.locked(tenant, f -> f.openRequestOn(interactionId));
    }

    /** How many help requests wait for a supervisor (pending), over every tenant: for the gateway's metrics. */
    public int pendingHelpRequests() {
        int pending = 0;
        for (TenantFloor t : floors.all()) {
            pending += floors.locked(t.tenant, f -> (int) f.openRequests.values().stream()
                    .filter(r -> r.status() == HelpRequestStatus.PENDING).count());
        }
        return pending;
    }

    /**
     * Per tenant with a floor, how many help requests still wait (pending) at or past the tenant's service level
     * ({@code acceptWithin} from their {@code createdAt}, as the escalation ladder counts a breach): for the
     * gateway's metrics.
     */
    public Map<String, Integer> breachedHelpRequests() {
        Map<String, Integer> breached = new TreeMap<>();
        for (TenantFloor t : floors.all()) {
            breached.put(t.tenant, floors.locked(t.tenant, f -> {
                Instant now = floors.now();
                Duration serviceLevel = f.settings.escalation().serviceLevel();
                return (int) f.openRequests.values().stream().filter(r -> r.status() == HelpRequestStatus.PENDING
                        && !now.isBefore(r.createdAt().plus(serviceLevel))).count();
            }));
        }
        return breached;
    }

    private List<Interaction> visibleLive(TenantFloor f, User user) {
        return f.live.values().stream().filter(i -> Visibility.canSee(user, i, f.openRequestOn(i.id())))
                .sorted(OLDEST_FIRST)
                .map(i -> Visibility.viewFor(user, i)).toList();
    }

    private static List<TranscriptLine> readable(TenantFloor f, User user, Interaction i) {
        return f.transcript(i.id()).stream().filter(l -> Visibility.canRead(user, l)).toList();
    }

    private Interaction find(TenantFloor f, User user, String id) {
        return FloorLookup.interaction(floors.store(), f, user, id);
    }
}
