package io.huddle.gateway.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huddle.domain.HelpRequest;
import io.huddle.domain.HelpRequestStatus;
import io.huddle.domain.User;
import io.huddle.gateway.auth.AuthService;
import io.huddle.gateway.floor.FloorEvent;
import io.huddle.gateway.floor.FloorListener;
import io.huddle.gateway.floor.FloorReads;
import io.huddle.gateway.floor.FloorSnapshot;
import io.huddle.gateway.floor.Floors;
import io.huddle.gateway.floor.Ids;
import io.huddle.gateway.floor.SupervisorPresence;
import io.huddle.gateway.floor.Visibility;
import io.huddle.domain.Presence;
import io.huddle.gateway.ops.GatewayMetrics;
import io.huddle.protocol.HelpRequestDto;
import io.huddle.protocol.InteractionDto;
import io.huddle.protocol.UserDto;
import io.huddle.protocol.stream.ServerFrame;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans floor events out to every open stream of the tenant, as each may see them, and keeps streams
 * resumable for a grace period after their socket drops. Owns the ticker that sends heartbeats, closes
 * streams whose sign-in ended and forgets expired streams.
 */
public final class StreamHub implements FloorListener, SupervisorPresence, AutoCloseable {
    /** A user's streams, open or resumable, at most (each holds up to keepFrames frames for resume). */
    static final int MAX_STREAMS_PER_USER = 20;
    private static final Logger LOG = LoggerFactory.getLogger(StreamHub.class);

    /** Close code: the user's roles, tenant or domain changed; reconnect for a fresh stream. */
    public static final int ACCESS_CHANGED = 4003;

    private final ObjectMapper json;
    private final FloorReads reads;
    private final AuthService auth;
    private final Clock clock;
    private final StreamSettings settings;
    private final Map<String, StreamSession> sessions = new ConcurrentHashMap<>();
    /** Open and resumable streams by the tenant and domain of their user: nothing crosses either. */
    private final Map<String, Set<StreamSession>> byScope = new ConcurrentHashMap<>();
    /** The same streams by user id: a help request escalated to another domain reaches its supervisors by it. */
    private final Map<String, Set<StreamSession>> byUser = new ConcurrentHashMap<>();
    /** What each sign-in session's supervisor chose (by token digest); absent: available. */
    private final Map<String, Presence> chosen = new ConcurrentHashMap<>();
    /** Who is on shift on the other instances of the database; null without any. Closed by {@link #close()}. */
    private final PresenceSharing presenceSharing;
    private final CommandReplies replies;
    private final Floors floors;
    /** The floor log shared with other instances, which keeps the commands' answers for all; empty when alone. */
    private final java.util.Optional<io.huddle.gateway.store.FloorLog> sharedLog;
    private final ScheduledExecutorService ticker;
    /** Hands queued frames to the sockets, off the floor's publishing thread (see StreamSession). */
    private final ExecutorService sender;
    private final GatewayMetrics metrics;
    /** For tests: runs when the ticker has found a stream expired, before it is forgotten. */
    volatile java.util.function.Consumer<StreamSession> onExpiring = s -> { };

    public StreamHub(ObjectMapper json, Floors floors, FloorReads reads, AuthService auth, Clock clock,
                     StreamSettings settings) {
        this(json, floors, reads, auth, clock, settings, GatewayMetrics.NONE);
    }

    public StreamHub(ObjectMapper json, Floors floors, FloorReads reads, AuthService auth, Clock clock,
                     StreamSettings settings, GatewayMetrics metrics) {
        this.json = json;
        this.metrics = metrics;
        this.reads = reads;
        this.auth = auth;
        this.clock = clock;
        this.settings = settings;
        this.replies = new CommandReplies(clock, CommandReplies.Limits.defaults());
        this.sharedLog = floors.sharedLog();
        this.floors = floors;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "huddle-stream-ticker");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger senders = new AtomicInteger();
        this.sender = Executors.newFixedThreadPool(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())),
                r -> {
                    Thread t = new Thread(r, "huddle-stream-send-" + senders.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        long every = settings.heartbeat().toMillis();
        ticker.scheduleAtFixedRate(this::tick, every, every, TimeUnit.MILLISECONDS);
        this.presenceSharing = sharedLog.map(log -> new PresenceSharing(log,
                () -> sessions.values().stream().map(x -> x.user).toList(), this::onThisInstance)).orElse(null);
        floors.addListener(this);
        auth.onSignOut(digest -> {
            chosen.remove(digest);
            sessions.values().stream().filter(s -> s.tokenDigest.equals(digest))
                    .forEach(s -> s.close(4001, "signed out"));
        });
    }

    StreamSettings settings() {
        return settings;
    }

    java.util.Optional<io.huddle.gateway.store.FloorLog> sharedLog() {
        return sharedLog;
    }

    CommandReplies replies() {
        return replies;
    }

    GatewayMetrics metrics() {
        return metrics;
    }

    @Override
    public void onEvent(FloorEvent event) {
        long published = System.nanoTime();
        String interactionId = EscalatedReach.interactionOf(event);
        HelpRequest open = interactionId == null ? null : reads.openRequestOn(event.tenant(), interactionId);
        EventFrames frames = new EventFrames(json, event, open, floors.positionNow(event.tenant()));
        String domain = domainOf(event);
        offer(frames, published, byScope.get(scope(event.tenant(), domain)));
        offer(frames, published, byScope.get(scope(event.tenant(), WHOLE_TENANT)));
        for (String id : EscalatedReach.candidates(event, open)) {
            Set<StreamSession> theirs = byUser.get(id);
            if (theirs != null) {
                offer(frames, published, theirs.stream()
                        .filter(s -> !s.user.inScope(event.tenant(), domain)).collect(Collectors.toSet()));
            }
        }
        if (event instanceof FloorEvent.HelpRequestChanged e) {
            closeEndedSight(e);
        }
    }

    /**
     * A supervisor of another domain who helped with a request sees its interaction only while the request is in
     * progress: when it ends, their streams close as for an access change, after its last update, so the console
     * reconnects to a snapshot without it.
     */
    private void closeEndedSight(FloorEvent.HelpRequestChanged e) {
        HelpRequest before = e.before();
        if (before == null || before.status() != HelpRequestStatus.IN_PROGRESS
                || e.request().status() == HelpRequestStatus.IN_PROGRESS || before.helpProvidedBy() == null) {
            return;
        }
        Set<StreamSession> theirs = byUser.get(before.helpProvidedBy());
        if (theirs == null) {
            return;
        }
        for (StreamSession s : theirs) {
            if (Visibility.escalatedTo(s.user, before)) {
                LOG.info("stream {} of {} closed: help request {} of domain {} ended", s.id, s.user.username(),
                        before.id(), before.domain());
                s.close(ACCESS_CHANGED, "the help request you took from another team ended: reconnect");
                forget(s); // not resumable: a resume would keep what they may no longer see
            }
        }
    }

    private static void offer(EventFrames frames, long published, Set<StreamSession> targets) {
        if (targets == null) {
            return;
        }
        for (StreamSession s : targets) {
            String payload = frames.payloadFor(s);
            if (payload != null) {
                s.deliver(payload, published);
            }
        }
    }

    /**
     * A supervisor's presence: the best of their streams' (available, then busy, then away), counting a stream
     * whose socket dropped while it can still be resumed (a network blip does not take anyone off shift), and
     * their streams on the other gateways of the same database ({@link PresenceSharing}); offline with none.
     */
    @Override
    public Presence of(String userId) {
        Presence here = onThisInstance(userId);
        Presence there = presenceSharing == null ? Presence.OFFLINE : presenceSharing.elsewhere(userId);
        return there.ordinal() < here.ordinal() ? there : here;
    }

    /** The best presence of the user's streams on this instance; offline with none. */
    private Presence onThisInstance(String userId) {
        Presence best = Presence.OFFLINE;
        for (StreamSession s : sessions.values()) {
            if (s.user.id().equals(userId)) {
                Presence p = chosen.getOrDefault(s.tokenDigest, Presence.AVAILABLE);
                if (p.ordinal() < best.ordinal()) {
                    best = p;
                }
            }
        }
        return best;
    }

    /** The supervisor of this stream chose a presence; it holds for every stream of the same sign-in. */
    Presence choose(StreamSession s, Presence p) {
        if (!s.user.isSupervisor()) {
            throw io.huddle.domain.DomainException.forbidden("presence is for supervisors (awa_manager, awa_lead)");
        }
        chosen.put(s.tokenDigest, p);
        LOG.info("{} is now {}", s.user.username(), p.wireName());
        return p;
    }

    /** The presence chosen for this stream's sign-in (available until one is chosen). */
    Presence chosenFor(StreamSession s) {
        return chosen.getOrDefault(s.tokenDigest, Presence.AVAILABLE);
    }

    /**
     * Answers a hello: resumes the named stream when it belongs to this user, has not expired and still holds
     * every frame after {@code lastSeq}; otherwise opens a new stream with a fresh snapshot.
     */
    StreamSession open(User user, String tokenDigest, Session socket, String resumeId, long lastSeq) {
        return open(user, tokenDigest, socket, resumeId, lastSeq, null);
    }

    /**
     * As above; {@code position} (the client's last event's or snapshot's, or null): a stream this instance does
     * not hold is resumed from the floor log, when every event after it is still there.
     */
    StreamSession open(User user, String tokenDigest, Session socket, String resumeId, long lastSeq,
                       String position) {
        if (resumeId != null) {
            StreamSession found = sessions.get(resumeId);
            String held = found == null || position == null ? null : found.positionAt(lastSeq);
            if (held != null && !held.equals(position) && found.user.id().equals(user.id())) {
                // the client went on with this stream on another gateway, which numbered it its own way: this
                // copy's numbers mean other events now, so it is dropped and the stream resumed from the log
                LOG.info("stream {} of {} went on elsewhere ({} here, {} there); resuming it from the floor log",
                        found.id, user.username(), held, position);
                found.close(4409, "stream resumed on another connection");
                forget(found);
                found = null;
            }
            StreamSession old = found;
            if (old != null && old.user.id().equals(user.id()) && sameAccess(user, old.user)
                    && old.resume(socket, lastSeq, tokenDigest, seq -> welcome(old, true, seq))) {
                LOG.info("stream {} of {} resumed after seq {}", old.id, user.username(), lastSeq);
                return old;
            }
            if (old == null && position != null && lastSeq >= 0) {
                StreamSession moved = resumeFromLog(user, tokenDigest, socket, resumeId, lastSeq, position);
                if (moved != null) {
                    return moved;
                }
            }
        }
        makeRoomFor(user);
        StreamSession fresh = new StreamSession(Ids.next("st"), user, tokenDigest, settings.keepFrames(),
                clock.instant(), sender, metrics);
        String[] snapshotAt = new String[1];
        FloorSnapshot snap = reads.snapshot(user, () -> {
            register(fresh);
            snapshotAt[0] = floors.positionNow(user.tenant());
        });
        // The stream was registered under the snapshot's lock, so every frame it has numbered since (while
        // this thread got here) happened after the snapshot: the snapshot is at 0 and attach sends them all.
        long at = 0;
        ServerFrame.Snapshot snapshot = new ServerFrame.Snapshot(at,
                snap.interactions().stream().map(InteractionDto::of).toList(),
                snap.helpRequests().stream().map(HelpRequestDto::of).toList(), snap.settings(), snapshotAt[0]);
        fresh.attach(socket, at, welcome(fresh, false, at), write(snapshot));
        LOG.info("stream {} opened for {} ({} interactions)", fresh.id, user.username(), snap.interactions().size());
        return fresh;
    }

    /**
     * Resumes, on this instance, a stream that lived on another one (docs/protocol.md, "Opening and resuming"):
     * under the tenant's lock, every event after the client's position is offered to a stream of the same id,
     * numbered on from the client's {@code lastSeq}, exactly as it would have been live; then it is registered,
     * so the live events follow with nothing missed or repeated. Null (a fresh snapshot instead) when the floor
     * log no longer has them all, or there are more than a stream keeps for resume.
     */
    private StreamSession resumeFromLog(User user, String tokenDigest, Session socket, String id, long lastSeq,
                                        String position) {
        makeRoomFor(user);
        StreamSession moved = new StreamSession(id, user, tokenDigest, settings.keepFrames(), clock.instant(),
                sender, metrics);
        moved.continueAfter(lastSeq);
        boolean resumed = floors.afterPosition(user.tenant(), position, events -> {
            if (events.size() > settings.keepFrames()) {
                return false;
            }
            for (io.huddle.gateway.floor.LoggedEvent e : events) {
                String interactionId = EscalatedReach.interactionOf(e.event());
                HelpRequest open = interactionId == null ? null
                        : reads.openRequestOn(e.event().tenant(), interactionId);
                String payload = new EventFrames(json, e.event(), open, e.position()).payloadFor(moved);
                if (payload != null) {
                    moved.deliver(payload);
                }
            }
            register(moved);
            return true;
        }).orElse(false);
        if (!resumed) {
            return null;
        }
        moved.attach(socket, lastSeq, welcome(moved, true, lastSeq));
        LOG.info("stream {} of {} resumed from the floor log after {} (seq {})", id, user.username(), position,
                lastSeq);
        return moved;
    }

    /** Refused: the user already has {@link #MAX_STREAMS_PER_USER} streams with a socket attached. */
    static final class TooManyStreams extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooManyStreams(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Keeps a user's streams (open, or detached and resumable) to {@link #MAX_STREAMS_PER_USER}: at the limit
     * the one detached longest is forgotten (its client, should it come back, gets a fresh snapshot); when all
     * are attached the new one is refused. A client that opens stream after stream cannot grow the hub.
     */
    private void makeRoomFor(User user) {
        List<StreamSession> mine = sessions.values().stream().filter(s -> s.user.id().equals(user.id())).toList();
        if (mine.size() < MAX_STREAMS_PER_USER) {
            return;
        }
        StreamSession oldest = null;
        for (StreamSession s : mine) {
            Instant at = s.detachedAt();
            if (at != null && (oldest == null || at.isBefore(oldest.detachedAt()))) {
                oldest = s;
            }
        }
        if (oldest == null || !oldest.expireIfDetached()) {
            throw new TooManyStreams(user.username() + " already has " + mine.size() + " open streams (at most "
                    + MAX_STREAMS_PER_USER + ")");
        }
        forget(oldest);
        LOG.info("stream {} of {} forgotten to make room for a newer one", oldest.id, user.username());
    }

    private void forget(StreamSession s) {
        sessions.remove(s.id);
        Set<StreamSession> set = byScope.get(scopeOf(s.user));
        if (set != null) {
            set.remove(s);
        }
        Set<StreamSession> theirs = byUser.get(s.user.id());
        if (theirs != null) {
            theirs.remove(s);
        }
        if (sessions.values().stream().noneMatch(o -> o.tokenDigest.equals(s.tokenDigest))) {
            chosen.remove(s.tokenDigest);
        }
    }

    /** A lead sees every domain of the tenant, so their streams are offered every domain's events. */
    private static String scopeOf(User u) {
        return scope(u.tenant(), u.isLead() ? WHOLE_TENANT : u.domain());
    }

    /**
     * The domain an event belongs to. Visibility lets no one see across a tenant or a domain, so an event
     * is offered only to the streams of its tenant and domain (with 200 consoles in 10 domains, 20 of them
     * instead of 200).
     */
    private static String domainOf(FloorEvent event) {
        if (event instanceof FloorEvent.InteractionChanged e) {
            return e.after().domain();
        }
        if (event instanceof FloorEvent.InteractionEnded e) {
            return e.interaction().domain();
        }
        if (event instanceof FloorEvent.HelpRequestChanged e) {
            return e.request().domain();
        }
        if (event instanceof FloorEvent.Notification e) {
            return e.request().domain();
        }
        if (event instanceof FloorEvent.TranscriptAppended e) {
            return e.interaction().domain();
        }
        throw new IllegalArgumentException("unknown floor event " + event.getClass().getName());
    }

    /**
     * Whether a stream opened for {@code before} may go on for {@code now}: what a stream shows follows from the
     * user's tenant, domain and roles, so when any of them changed it closes ({@link #ACCESS_CHANGED}) and is
     * not resumed, and the client gets a fresh snapshot of what it may see now.
     */
    static boolean sameAccess(User now, User before) {
        return now.tenant().equals(before.tenant()) && now.domain().equals(before.domain())
                && now.roles().equals(before.roles());
    }

    /** The scope key of the streams that see the whole tenant: no domain's name is blank (UserRules). */
    private static final String WHOLE_TENANT = " ";

    private static String scope(String tenant, String domain) {
        return tenant + '\n' + domain;
    }

    void detach(StreamSession s, Session socket) {
        s.detach(socket, clock.instant());
    }

    private void register(StreamSession s) {
        sessions.put(s.id, s);
        byScope.computeIfAbsent(scopeOf(s.user), t -> ConcurrentHashMap.newKeySet()).add(s);
        byUser.computeIfAbsent(s.user.id(), t -> ConcurrentHashMap.newKeySet()).add(s);
    }

    private String welcome(StreamSession s, boolean resumed, long seq) {
        return write(new ServerFrame.Welcome(s.id, UserDto.of(s.user), settings.heartbeat().toSeconds(), resumed, seq,
                clock.instant()));
    }

    String write(ServerFrame o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("frame could not be written as JSON", e);
        }
    }

    private void tick() {
        try {
            Instant now = clock.instant();
            String beat = write(new ServerFrame.Heartbeat(now));
            for (StreamSession s : sessions.values()) {
                if (s.expire(now, settings.resumeGrace())) { // from here it cannot be resumed
                    onExpiring.accept(s);
                    forget(s);
                } else if (s.isAttached()) {
                    Optional<User> current = auth.userOfDigest(s.tokenDigest);
                    if (current.isEmpty()) {
                        s.close(4001, "sign-in expired or ended: sign in again");
                    } else if (!sameAccess(current.get(), s.user)) {
                        s.close(ACCESS_CHANGED, "your roles or team changed: reconnect for a new snapshot");
                    } else {
                        s.sendUnnumbered(beat);
                    }
                }
            }
            replies.sweep();
        } catch (RuntimeException e) {
            LOG.error("stream ticker failed; it keeps running", e);
        }
    }

    /** How many streams are open or resumable (for tests and diagnostics). */
    public int streamCount() {
        return sessions.size();
    }

    /** How many streams have a socket attached, per tenant that has a stream (open or resumable). */
    public Map<String, Integer> openStreamsByTenant() {
        Map<String, Integer> open = new TreeMap<>();
        for (StreamSession s : sessions.values()) {
            open.merge(s.user.tenant(), s.isAttached() ? 1 : 0, Integer::sum);
        }
        return open;
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        if (presenceSharing != null) {
            presenceSharing.close();
        }
        for (StreamSession s : sessions.values()) {
            s.close(1001, "gateway shutting down");
        }
        sender.shutdown(); // the closes just queued still go out
        try {
            if (!sender.awaitTermination(2, TimeUnit.SECONDS)) {
                sender.shutdownNow();
            }
        } catch (InterruptedException e) {
            sender.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Stream timings; tests shorten them. */
    public record StreamSettings(Duration heartbeat, Duration resumeGrace, int keepFrames) {
        public static StreamSettings defaults() {
            return new StreamSettings(Duration.ofSeconds(15), Duration.ofMinutes(2), 10_000);
        }
    }
}
