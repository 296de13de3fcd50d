package io.huddle.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huddle.domain.Channel;
import io.huddle.protocol.Json;
import io.huddle.protocol.platform.PlatformEvent;
import io.huddle.protocol.platform.PlatformEventBatch;
import io.huddle.protocol.platform.PlatformSignature;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * B6's platform stand-in on its own thread: the contact center's floor of {@code slots} interactions, whose
 * events it collects for 20 to 100 ms at a time (a random pause each time) and posts as one signed batch, in
 * order, one batch after the other, as an adapter does; at most 500 events a batch. Events are due at a steady
 * {@code rate}; a POST that takes longer than the pause makes the next batch bigger. For every change a
 * console will show as a row it leaves a {@link Pending} under {@link #key}, which the consoles take when the
 * change arrives. Owns its thread and its HTTP client.
 */
final class IntakeFeed implements AutoCloseable {
    static final String THREAD = "bench-platform-intake";
    static final int MIN_INTERVAL_MS = 20;
    static final int MAX_INTERVAL_MS = 100;
    static final int CHURN_EVERY = 100;
    static final int LINE_EVERY = 4;
    static final String ENDED = "ENDED";
    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final String[] QUEUES = {"Billing", "Sales", "Support", "Retention", "Onboarding", "VIP"};

    /** One POST; {@code sentNanos} is set just before it is sent. */
    static final class Batch {
        volatile long sentNanos;
    }

    /** A change the consoles of its domain have still to show: its batch, its time on the platform's schedule. */
    record Pending(Batch batch, long eventNanos, AtomicInteger consoles) {
    }

    /** What the gateway answered so far. */
    record Tally(long applied, long duplicates, long ignored, long batches, long refused) {
    }

    private final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(30)).build();
    private final ObjectMapper json = Json.newMapper();
    private final URI events;
    private final String tenant;
    private final String secret;
    private final int rate;
    private final int slots;
    private final int domains;
    private final int agentsPerDomain;
    private final int consolesPerDomain;
    private final String[] platformId;
    private final boolean[] onHold;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong ignored = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final Thread thread = new Thread(this::loop, THREAD);
    private volatile boolean running = true;
    private volatile String lastRefusal;
    private int generation;
    /** Set while the benchmark's window runs: batch sizes and answer times are recorded only then. */
    volatile boolean measuring;
    final Samples batchSizes = new Samples(4096);
    final Samples answers = new Samples(4096);
    /** The most events that were due and not yet posted when the stand-in went back to collecting (window only). */
    volatile long behindMax;

    IntakeFeed(URI events, String tenant, String secret, int rate, int slots, int domains, int agentsPerDomain,
               int consolesPerDomain) {
        this.events = events;
        this.tenant = tenant;
        this.secret = secret;
        this.rate = rate;
        this.slots = slots;
        this.domains = domains;
        this.agentsPerDomain = agentsPerDomain;
        this.consolesPerDomain = consolesPerDomain;
        this.platformId = new String[slots];
        this.onHold = new boolean[slots];
        thread.setDaemon(true);
    }

    static String key(String platformInteractionId, String what) {
        return platformInteractionId + '|' + what;
    }

    Map<String, Pending> pending() {
        return pending;
    }

    Tally tally() {
        return new Tally(applied.get(), duplicates.get(), ignored.get(), batches.get(), refused.get());
    }

    /** Starts every interaction of the floor through the API (untimed), before the consoles connect. */
    void startFloor() {
        Instant at = Instant.now();
        List<PlatformEvent> batch = new ArrayList<>();
        for (int s = 0; s < slots; s++) {
            platformId[s] = "p-0-" + s;
            batch.add(started("start-" + s, at, s));
            if (batch.size() == PlatformEventBatch.MAX_EVENTS || s == slots - 1) {
                post(new Batch(), batch);
                batch = new ArrayList<>();
            }
        }
        if (applied.get() != slots) {
            throw new IllegalStateException("the gateway applied " + applied.get() + " of " + slots
                    + " interaction.started events" + (lastRefusal == null ? "" : ": " + lastRefusal));
        }
        applied.set(0);
        batches.set(0);
    }

    void start() {
        thread.start();
    }

    void stop() throws InterruptedException {
        running = false;
        if (thread.isAlive()) {
            thread.join(30_000);
        }
    }

    private void loop() {
        Random pauses = new Random(6);
        long t0 = System.nanoTime();
        Instant at0 = Instant.now();
        long n = 0;
        int slot = 0;
        long next = t0;
        while (running) {
            next += (MIN_INTERVAL_MS + pauses.nextInt(MAX_INTERVAL_MS - MIN_INTERVAL_MS + 1)) * 1_000_000L;
            BenchEnv.sleepUntil(next);
            long due = (System.nanoTime() - t0) * rate / 1_000_000_000L;
            while (n < due && running) {
                Batch b = new Batch();
                List<PlatformEvent> out = new ArrayList<>();
                while (n < due && out.size() < PlatformEventBatch.MAX_EVENTS - 1) {
                    long eventNanos = t0 + n * 1_000_000_000L / rate;
                    Instant at = at0.plusNanos(eventNanos - t0);
                    n += emit(n, slot, eventNanos, at, b, out);
                    slot = (slot + 1) % slots;
                }
                post(b, out);
            }
            if (measuring) {
                long behind = (System.nanoTime() - t0) * rate / 1_000_000_000L - n;
                behindMax = Math.max(behindMax, behind);
            }
        }
    }

    /** The platform's next event(s) for a slot; answers how many (an end and a start are two). */
    private int emit(long n, int slot, long eventNanos, Instant at, Batch b, List<PlatformEvent> out) {
        String pid = platformId[slot];
        if (n % CHURN_EVERY == 0) {
            out.add(new PlatformEvent.InteractionEnded("e-" + n, at, pid));
            expect(key(pid, ENDED), b, eventNanos);
            platformId[slot] = "p-" + (++generation) + "-" + slot;
            onHold[slot] = false;
            out.add(started("e-" + (n + 1), at, slot));
            expect(key(platformId[slot], PlatformEvent.State.ACTIVE.name()), b, eventNanos);
            return 2;
        }
        if (n % LINE_EVERY == 1) {
            boolean customer = n % 2 == 1;
            out.add(new PlatformEvent.TranscriptLine("e-" + n, at, pid,
                    customer ? PlatformEvent.Speaker.CUSTOMER : PlatformEvent.Speaker.AGENT,
                    customer ? "I was charged twice for last month's invoice, can you check?"
                            : "Let me look at your account, one moment please."));
            return 1;
        }
        onHold[slot] = !onHold[slot];
        PlatformEvent.State state = onHold[slot] ? PlatformEvent.State.ON_HOLD : PlatformEvent.State.ACTIVE;
        out.add(new PlatformEvent.StateChanged("e-" + n, at, pid, state));
        expect(key(pid, state.name()), b, eventNanos);
        return 1;
    }

    private PlatformEvent started(String eventId, Instant at, int slot) {
        String agent = BenchGateway.agentName(IntakeBench.domain(slot % domains), (slot / domains) % agentsPerDomain);
        String pid = platformId[slot];
        return new PlatformEvent.InteractionStarted(eventId, at, pid, Channel.values()[slot % Channel.values().length],
                agent, "Customer " + slot, QUEUES[slot % QUEUES.length]);
    }

    private void expect(String key, Batch b, long eventNanos) {
        pending.put(key, new Pending(b, eventNanos, new AtomicInteger(consolesPerDomain)));
    }

    /** Sends one batch, signed, and waits for its answer; a refused batch's rows are not expected. */
    private void post(Batch b, List<PlatformEvent> batch) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(new PlatformEventBatch(batch));
        } catch (IOException e) {
            throw new IllegalStateException("a platform event cannot be written as JSON", e);
        }
        Request request = new Request.Builder().url(events.toString())
                .header(PlatformSignature.TENANT_HEADER, tenant)
                .header(PlatformSignature.SIGNATURE_HEADER, PlatformSignature.header(secret, Instant.now(), body))
                .post(RequestBody.create(body, JSON_TYPE)).build();
        long sent = System.nanoTime();
        b.sentNanos = sent;
        boolean measured = measuring;
        try (Response r = http.newCall(request).execute()) {
            String answer = r.body() == null ? "" : r.body().string();
            long done = System.nanoTime();
            batches.incrementAndGet();
            if (measured) {
                answers.add(done - sent);
                batchSizes.add(batch.size());
            }
            if (r.code() == 200) {
                JsonNode a = json.readTree(answer);
                applied.addAndGet(a.path("applied").asLong());
                duplicates.addAndGet(a.path("duplicates").asLong());
                ignored.addAndGet(a.path("ignored").asLong());
                return;
            }
            lastRefusal = r.code() + " " + answer;
        } catch (IOException e) {
            lastRefusal = e.toString();
        }
        refused.incrementAndGet();
        pending.values().removeIf(p -> p.batch() == b);
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
