package io.huddle.bench;

import io.huddle.client.ConnectionStatus;
import io.huddle.client.SignedIn;
import io.huddle.client.StreamClient;
import io.huddle.client.StreamListener;
import io.huddle.client.StreamOptions;
import io.huddle.console.ConsoleSession;
import io.huddle.console.DetailViewModel;
import io.huddle.ui.AsyncCommand;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import io.huddle.journal.JournalSession;
import io.huddle.protocol.stream.ClientFrame;
import java.time.Clock;
import javafx.animation.AnimationTimer;
import javafx.beans.value.ChangeListener;
import org.glassfish.tyrus.client.ClientManager;

/**
 * B2, command round trip over loopback: Monitor pressed in the real console view model (DetailViewModel's
 * monitor command, through ConsoleSession's StreamClient and FxBridge) until the gateway's ack is applied to
 * the view; the same command through the bare StreamClient (no UI); and, as the baseline, a raw Tyrus
 * WebSocket echo on the same Jetty server. Each sample is Monitor then Disconnect (timed apart) on the
 * sampling supervisor's own interaction; samples rotate over several supervisors so no socket exceeds the
 * gateway's 20 commands a second.
 */
final class CommandRoundTripBench implements Bench {
    static final String DOMAIN = "rt";

    /** Supervisor i works alone in domain rt-i on interaction ix-rt-i-0, so no console hears another's actions. */
    static String domain(int i) {
        return DOMAIN + "-" + i;
    }

    static String supervisor(int i) {
        return "sup-" + domain(i) + "-0";
    }

    static String interaction(int i) {
        return "ix-" + domain(i) + "-0";
    }
    /** The gateway answers more than 20 commands a second per socket with rate_limited: stay well under. */
    static final long PER_SOCKET_SPACING_NANOS = 150_000_000L;

    @Override
    public String id() {
        return "B2";
    }

    @Override
    public String title() {
        return "command round trip (Monitor pressed -> gateway ack -> view updated)";
    }

    @Override
    public BenchResult run(BenchSize size, Path dir) throws Exception {
        int k = size.roundTripSupervisors();
        BenchResult r = new BenchResult(id(), title()).parameter("echoSamples", size.echoSamples())
                .parameter("commandSamples", size.commandSamples()).parameter("uiSamples", size.uiSamples())
                .parameter("supervisors", k);
        BenchGateway.Plan plan = BenchGateway.plan(dir);
        for (int i = 0; i < k; i++) {
            plan.supervisors(domain(i), 1).platformInteractions(domain(i), 1);
        }
        try (BenchGateway gw = plan.start()) {
            List<SignedIn> sups = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                sups.add(gw.signIn(supervisor(i)));
            }
            Samples echo = echo(gw.echoUri(), null, size.echoSamples());
            Samples durableEcho;
            try (RawCommits intents = RawCommits.open(dir.resolve("durable-echo-client.db"))) {
                durableEcho = echo(gw.durableEchoUri(), intents, size.echoSamples());
            }
            Samples[] command = commands(sups, size.commandSamples());
            Samples[] ui = ui(sups, size.uiSamples(), dir.resolve("journals"));
            Samples[] bare = ui(sups, size.uiSamples(), null);
            Samples act = inProcess(gw, size.commandSamples(), false);
            // the same again with the tenant connected to a platform that answers at once: each Monitor and
            // Disconnect goes gateway -> platform -> gateway before it is recorded and acknowledged
            Samples post;
            Samples[] platformCommand;
            Samples[] platformUi;
            Samples platformAct;
            long platformCalls;
            try (CallControlStandIn platform = new CallControlStandIn()) {
                String secret = gw.connectPlatform(platform.url());
                platform.secret(secret);
                post = rawPost(platform.url(), secret, size.commandSamples());
                platformCommand = commands(sups, size.commandSamples());
                platformUi = ui(sups, size.uiSamples(), dir.resolve("journals-platform"), platform);
                platformAct = inProcess(gw, size.commandSamples(), true);
                platformCalls = platform.answered.get();
                if (platform.refused.get() > 0) {
                    throw new IllegalStateException(platform.refused.get() + " control(s) had a bad signature");
                }
            }
            r.figure("echo_p50_ms", Samples.ms(echo.percentile(50)), "ms");
            r.figure("echo_p99_ms", Samples.ms(echo.percentile(99)), "ms");
            r.figure("durable_echo_p50_ms", Samples.ms(durableEcho.percentile(50)), "ms");
            r.figure("durable_echo_p99_ms", Samples.ms(durableEcho.percentile(99)), "ms");
            r.figure("command_ping_p50_ms", Samples.ms(command[2].percentile(50)), "ms");
            r.figure("command_ping_p99_ms", Samples.ms(command[2].percentile(99)), "ms");
            r.figure("command_monitor_p50_ms", Samples.ms(command[0].percentile(50)), "ms");
            r.figure("command_monitor_p99_ms", Samples.ms(command[0].percentile(99)), "ms");
            r.figure("command_disconnect_p99_ms", Samples.ms(command[1].percentile(99)), "ms");
            r.figure("floor_act_monitor_p50_ms", Samples.ms(act.percentile(50)), "ms");
            r.figure("floor_act_monitor_p99_ms", Samples.ms(act.percentile(99)), "ms");
            r.figure("ui_monitor_p50_ms", Samples.ms(ui[0].percentile(50)), "ms");
            r.figure("ui_monitor_p99_ms", Samples.ms(ui[0].percentile(99)), "ms");
            r.figure("ui_monitor_max_ms", Samples.ms(ui[0].max()), "ms");
            r.figure("ui_disconnect_p99_ms", Samples.ms(ui[1].percentile(99)), "ms");
            r.figure("ui_monitor_next_frame_p50_ms", Samples.ms(ui[2].percentile(50)), "ms");
            r.figure("ui_monitor_next_frame_p99_ms", Samples.ms(ui[2].percentile(99)), "ms");
            r.figure("ui_no_journal_monitor_p50_ms", Samples.ms(bare[0].percentile(50)), "ms");
            r.figure("ui_no_journal_monitor_p99_ms", Samples.ms(bare[0].percentile(99)), "ms");
            r.figure("platform_post_p50_ms", Samples.ms(post.percentile(50)), "ms");
            r.figure("platform_post_p99_ms", Samples.ms(post.percentile(99)), "ms");
            r.figure("platform_controls_act_monitor_p50_ms", Samples.ms(platformAct.percentile(50)), "ms");
            r.figure("platform_controls_act_monitor_p99_ms", Samples.ms(platformAct.percentile(99)), "ms");
            r.figure("platform_command_monitor_p50_ms", Samples.ms(platformCommand[0].percentile(50)), "ms");
            r.figure("platform_command_monitor_p99_ms", Samples.ms(platformCommand[0].percentile(99)), "ms");
            r.figure("platform_ui_monitor_p50_ms", Samples.ms(platformUi[0].percentile(50)), "ms");
            r.figure("platform_ui_monitor_p99_ms", Samples.ms(platformUi[0].percentile(99)), "ms");
            r.figure("platform_ui_monitor_max_ms", Samples.ms(platformUi[0].max()), "ms");
            r.figure("platform_ui_to_platform_p50_ms", Samples.ms(platformUi[3].percentile(50)), "ms");
            r.figure("platform_ui_to_platform_p99_ms", Samples.ms(platformUi[3].percentile(99)), "ms");
            r.figure("platform_ui_in_platform_p99_ms", Samples.ms(platformUi[4].percentile(99)), "ms");
            r.figure("platform_ui_from_platform_p50_ms", Samples.ms(platformUi[5].percentile(50)), "ms");
            r.figure("platform_ui_from_platform_p99_ms", Samples.ms(platformUi[5].percentile(99)), "ms");
            r.figure("platform_added_p50_ms", Samples.ms(platformUi[0].percentile(50) - ui[0].percentile(50)), "ms");
            r.figure("platform_ui_less_post_p50_ms",
                    Samples.ms(platformUi[0].percentile(50) - post.percentile(50)), "ms");
            r.figure("platform_calls", platformCalls, "");
            r.figure("command_over_echo_p99", command[0].percentile(99) / echo.percentile(99), "x");
            r.figure("ui_over_durable_echo_p99", ui[0].percentile(99) / durableEcho.percentile(99), "x");
            r.ratio("ui_over_echo_p99", ui[0].percentile(99) / echo.percentile(99),
                    "p99 of Monitor pressed -> view updated / p99 of a raw Tyrus echo on the same server");
            r.atMost("ui_monitor_p99_ms", 5, "p99 Monitor pressed -> gateway ack -> view updated <= 5 ms");
            r.atMost("ui_over_echo_p99", 1.5, "ratio to the raw echo <= 1.5");
            r.note("ui_*: from execute() on the FX thread to the ack applied to the DetailViewModel (the FxBridge "
                    + "drains at once for the answer to a click), as the console runs: the intent committed to the "
                    + "supervisor's journal before the command is sent, the outcome after the answer; "
                    + "ui_monitor_next_frame: to the start of the next pulse, the first frame that can draw it; "
                    + "ui_no_journal: the same without a journal; durable_echo: the raw echo with a SQLite commit "
                    + "(WAL, FULL) before sending and one on the server before echoing, the least any round trip "
                    + "with a supervisor action's two durable writes can cost; command_*: StreamClient.command until its future "
                    + "completes (ping: the protocol's no-op command, for the cost of the stream path alone); "
                    + "floor_act_*: SupervisorLegs.act called in this process (no network); every Monitor "
                    + "and Disconnect is recorded durably (synchronous=FULL) before the ack");
            r.note("platform_*: the same with the tenant connected to a platform stand-in (a JDK HTTP server in this "
                    + "process that checks the signature and answers 204 at once), so each Monitor and Disconnect "
                    + "goes to the platform before it is recorded and acknowledged; the figures without the prefix "
                    + "are without a platform, as before. platform_post: a signed JDK HttpClient POST of a control "
                    + "to the stand-in and its answer, the least a call to the platform costs here; "
                    + "platform_controls_act: PlatformControls.act in this process (the platform call and the "
                    + "durable write); platform_ui_to_platform: press -> the control read by the platform; "
                    + "in_platform: read -> answered (the platform's own time, ~0 here); from_platform: answered -> "
                    + "view updated; platform_added: p50 with the platform - p50 without; platform_ui_less_post: "
                    + "p50 with the platform - the raw POST's p50, Huddle's own cost on top of the platform call");
        }
        return r;
    }

    /** A supervisor's action, through the platform or not. */
    @FunctionalInterface
    private interface Act {
        Object act(io.huddle.domain.User supervisor, String interactionId, io.huddle.domain.ActionType action,
                   String helpRequestId);
    }

    /**
     * SupervisorLegs.act in this process, no network: the gateway's own part of a Monitor (its durable write); with
     * {@code platform}, PlatformControls.act: the call to the tenant's platform first, then the same.
     */
    private static Samples inProcess(BenchGateway gw, int samples, boolean platform) {
        io.huddle.domain.User sup = gw.server().store().findUser(BenchGateway.TENANT, supervisor(0))
                .orElseThrow();
        String ix = interaction(0);
        Samples s = new Samples(samples);
        int warm = Math.max(10, samples / 5);
        Act act = platform ? gw.server().platformControls()::act : gw.supervisorLegs()::act;
        for (int i = 0; i < warm + samples; i++) {
            long t0 = System.nanoTime();
            act.act(sup, ix, io.huddle.domain.ActionType.MONITOR, null);
            long t1 = System.nanoTime();
            act.act(sup, ix, io.huddle.domain.ActionType.DISCONNECT, null);
            if (i >= warm) {
                s.add(t1 - t0);
            }
        }
        return s;
    }

    /**
     * The platform call alone: a signed POST of a Monitor control (the size the gateway sends) to the platform
     * stand-in with the JDK's HttpClient, as the gateway sends one, until its answer; one at a time.
     */
    private static Samples rawPost(java.net.URI url, String secret, int samples) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        Samples s = new Samples(samples);
        int warm = Math.max(10, samples / 5);
        for (int i = 0; i < warm + samples; i++) {
            byte[] body = ("{\"requestId\":\"cc-" + java.util.UUID.randomUUID() + "\",\"type\":\"monitor\","
                    + "\"tenant\":\"bench\",\"interactionId\":\"p-ix-rt-0-0\",\"supervisorId\":\"sup-rt-0-0\","
                    + "\"agentId\":\"agent-rt-0-0\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            long t0 = System.nanoTime();
            java.net.http.HttpRequest post = java.net.http.HttpRequest.newBuilder(url)
                    .timeout(java.time.Duration.ofSeconds(5)).header("Content-Type", "application/json")
                    .header(io.huddle.protocol.platform.PlatformSignature.TENANT_HEADER, BenchGateway.TENANT)
                    .header(io.huddle.protocol.platform.PlatformSignature.SIGNATURE_HEADER,
                            io.huddle.protocol.platform.PlatformSignature.header(secret, java.time.Instant.now(), body))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build();
            java.net.http.HttpResponse<byte[]> answer = http.send(post,
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            long t1 = System.nanoTime();
            if (answer.statusCode() != 204) {
                throw new IllegalStateException("the platform stand-in answered " + answer.statusCode());
            }
            if (i >= warm) {
                s.add(t1 - t0);
            }
        }
        return s;
    }

    /**
     * A raw Tyrus client against an echo endpoint: one frame out, the same back. With {@code intents}, each
     * frame is first committed to that file, as the console journals an intent before sending (the durable
     * echo: the least a round trip with the two durable writes of a supervisor action can cost).
     */
    private static Samples echo(java.net.URI uri, RawCommits intents, int samples) throws Exception {
        ClientManager tyrus = ClientManager.createClient();
        BlockingQueue<Long> back = new ArrayBlockingQueue<>(1);
        CountDownLatch open = new CountDownLatch(1);
        Session session = tyrus.connectToServer(new Endpoint() {
            @Override
            public void onOpen(Session s, EndpointConfig config) {
                s.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> back.offer(System.nanoTime()));
                open.countDown();
            }
        }, ClientEndpointConfig.Builder.create().build(), uri);
        try {
            BenchEnv.await(open, 10, "the echo socket did not open");
            String frame = "{\"id\":\"c-00000000-0000-0000-0000-000000000000\",\"type\":\"action\","
                    + "\"interactionId\":\"ix-rt-0\",\"action\":\"MONITOR\"}";
            Samples s = new Samples(samples);
            int warm = Math.max(10, samples / 5);
            for (int i = 0; i < warm + samples; i++) {
                long t0 = System.nanoTime();
                if (intents != null) {
                    intents.commit(frame);
                }
                session.getBasicRemote().sendText(frame);
                Long t1 = back.poll(10, TimeUnit.SECONDS);
                if (t1 == null) {
                    throw new IllegalStateException("the echo did not answer within 10 s");
                }
                if (i >= warm) {
                    s.add(t1 - t0);
                }
            }
            return s;
        } finally {
            session.close();
            tyrus.shutdown();
        }
    }

    /** The bare client: Monitor then Disconnect as stream commands, rotating over the supervisors. */
    private static Samples[] commands(List<SignedIn> sups, int samples) throws Exception { // paced per socket
        List<StreamClient> clients = new ArrayList<>();
        try {
            for (SignedIn s : sups) {
                clients.add(connected(s));
            }
            Samples monitor = new Samples(samples);
            Samples disconnect = new Samples(samples);
            Samples ping = new Samples(samples);
            int warm = Math.max(sups.size(), samples / 5);
            long[] lastUse = new long[sups.size()];
            for (int i = 0; i < warm + samples; i++) {
                int who = i % sups.size();
                String ix = interaction(who);
                // 3 commands: 15 a second per socket
                BenchEnv.sleepUntil(lastUse[who] + PER_SOCKET_SPACING_NANOS * 4 / 3);
                lastUse[who] = System.nanoTime();
                long p0 = System.nanoTime();
                clients.get(who).command(new ClientFrame.Ping()).get(10, TimeUnit.SECONDS);
                if (i >= warm) {
                    ping.add(System.nanoTime() - p0);
                }
                long t0 = System.nanoTime();
                clients.get(who).command(new ClientFrame.Action(ix, "MONITOR", null))
                        .get(10, TimeUnit.SECONDS);
                long t1 = System.nanoTime();
                clients.get(who).command(new ClientFrame.Action(ix, "DISCONNECT", null))
                        .get(10, TimeUnit.SECONDS);
                long t2 = System.nanoTime();
                if (i >= warm) {
                    monitor.add(t1 - t0);
                    disconnect.add(t2 - t1);
                }
            }
            return new Samples[] {monitor, disconnect, ping};
        } finally {
            clients.forEach(StreamClient::close);
        }
    }

    private static StreamClient connected(SignedIn s) {
        CountDownLatch up = new CountDownLatch(1);
        StreamClient c = StreamClient.open(s, new StreamListener() {
            @Override
            public void onStatus(ConnectionStatus status) {
                if (status.state() == ConnectionStatus.State.CONNECTED) {
                    up.countDown();
                }
            }
        }, StreamOptions.defaults().withClient("huddle-bench", "0"));
        BenchEnv.await(up, 15, "a stream did not connect");
        return c;
    }

    /** The console: one ConsoleSession per supervisor with its own interaction selected in the detail. */
    private static Samples[] ui(List<SignedIn> sups, int samples, Path journals) throws Exception {
        return ui(sups, samples, journals, null);
    }

    /**
     * As above; with a platform stand-in, also each Monitor's time from the press until the platform had the
     * control, in the platform, and from the platform's answer until the view was updated (samples 3 to 5).
     */
    private static Samples[] ui(List<SignedIn> sups, int samples, Path journals, CallControlStandIn platform)
            throws Exception {
        List<ConsoleSession> sessions = new ArrayList<>();
        List<JournalSession> opened = new ArrayList<>();
        try {
            for (int i = 0; i < sups.size(); i++) {
                JournalSession journal = journals == null ? null : JournalSession.open(journals.resolve("s" + i),
                        sups.get(i), Clock.systemUTC(), status -> { });
                if (journal != null) {
                    opened.add(journal);
                }
                ConsoleSession session = new ConsoleSession(sups.get(i), StreamOptions.defaults(), journal);
                sessions.add(session);
                String ix = interaction(i);
                BenchEnv.onFx(session::start);
                BenchEnv.waitFor(() -> BenchEnv.onFx(() -> session.viewModel().floor().row(ix) != null), 20,
                        "the console's snapshot");
                BenchEnv.onFx(() -> session.viewModel().detail().select(ix));
                DetailViewModel d = session.viewModel().detail();
                BenchEnv.waitFor(() -> BenchEnv.onFx(() -> d.monitorCommand().executable().get()), 20,
                        "Monitor to be offered");
            }
            Samples monitor = new Samples(samples);
            Samples disconnect = new Samples(samples);
            Samples frame = new Samples(samples);
            Samples toPlatform = new Samples(samples);
            Samples inPlatform = new Samples(samples);
            Samples fromPlatform = new Samples(samples);
            int warm = Math.max(sups.size(), samples / 5);
            long[] lastUse = new long[sups.size()];
            java.util.Random jitter = new java.util.Random(3);
            for (int i = 0; i < warm + samples; i++) {
                int who = i % sessions.size();
                // Monitor, Disconnect and the view refresh each of them triggers: 4 commands per sample
                BenchEnv.sleepUntil(lastUse[who] + 2 * PER_SOCKET_SPACING_NANOS);
                // a person presses at any moment of a frame, not just after the pulse that ended the last sample
                BenchEnv.sleep(jitter.nextInt(17));
                lastUse[who] = System.nanoTime();
                DetailViewModel d = sessions.get(who).viewModel().detail();
                long[] m = press(d.monitorCommand());
                CallControlStandIn.Call call = platform == null ? null : platform.last();
                if (platform != null && (call == null || !call.type().equals("monitor") || call.arrivedNanos() < m[2])) {
                    throw new IllegalStateException("Monitor was acknowledged without reaching the platform: " + call);
                }
                long[] x = press(d.disconnectCommand());
                if (i >= warm) {
                    if (call != null) {
                        toPlatform.add(call.arrivedNanos() - m[2]);
                        inPlatform.add(call.answeredNanos() - call.arrivedNanos());
                        fromPlatform.add(m[2] + m[0] - call.answeredNanos());
                    }
                    monitor.add(m[0]);
                    frame.add(m[1]);
                    disconnect.add(x[0]);
                }
                BenchEnv.waitFor(() -> BenchEnv.onFx(() -> d.monitorCommand().executable().get()), 10,
                        "Monitor to be offered again");
            }
            return new Samples[] {monitor, disconnect, frame, toPlatform, inPlatform, fromPlatform};
        } finally {
            sessions.forEach(ConsoleSession::close);
            opened.forEach(JournalSession::close);
        }
    }

    /**
     * Executes a command on the FX thread and waits until its ack is applied; the time between, the time to
     * the start of the next pulse after that, and when it was pressed (System.nanoTime), in ns.
     */
    private static long[] press(AsyncCommand<?> command) throws Exception {
        CompletableFuture<Long> applied = new CompletableFuture<>();
        CompletableFuture<Long> framed = new CompletableFuture<>();
        long[] pressed = new long[1];
        BenchEnv.onFx(() -> {
            if (!command.executable().get()) {
                throw new IllegalStateException(command.label() + " is not offered");
            }
            ChangeListener<Boolean> done = new ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was,
                                    Boolean is) {
                    if (!is) {
                        applied.complete(System.nanoTime());
                        command.running().removeListener(this);
                        new AnimationTimer() {
                            @Override
                            public void handle(long now) {
                                framed.complete(System.nanoTime());
                                stop();
                            }
                        }.start();
                    }
                }
            };
            command.running().addListener(done);
            pressed[0] = System.nanoTime();
            command.execute();
        });
        long t1 = applied.get(15, TimeUnit.SECONDS);
        long t2 = framed.get(15, TimeUnit.SECONDS);
        String error = BenchEnv.onFx(() -> command.error().get());
        if (error != null) {
            throw new IllegalStateException(error);
        }
        return new long[] {t1 - pressed[0], t2 - pressed[0], pressed[0]};
    }
}
