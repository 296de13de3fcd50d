package io.huddle.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huddle.agent.AgentApp;
import io.huddle.agent.AgentSession;
import io.huddle.client.GatewayClient;
import io.huddle.client.SignedIn;
import io.huddle.client.StreamOptions;
import io.huddle.console.ConsoleApp;
import io.huddle.console.NotificationSink;
import io.huddle.domain.Channel;
import io.huddle.domain.HelpRequest;
import io.huddle.domain.Interaction;
import io.huddle.domain.InteractionState;
import io.huddle.domain.Participant;
import io.huddle.domain.SupervisorAction;
import io.huddle.domain.User;
import io.huddle.gateway.GatewayConfig;
import io.huddle.gateway.TestGateway;
import io.huddle.gateway.floor.FloorReads;
import io.huddle.gateway.floor.HelpLifecycle;
import io.huddle.gateway.floor.PlatformSide;
import io.huddle.gateway.floor.Ids;
import io.huddle.gateway.store.ActionQuery;
import io.huddle.settings.SettingsFile;
import io.huddle.settings.UserSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * What an end-to-end UI test needs: a real gateway (TestGateway: real SQLite in the test's directory,
 * demo users of tenant acme, no simulation), supervisor consoles and agent windows signed in to it,
 * and the gateway's own state to check the screens against. {@link #close()} stops everything it
 * started, in reverse order, and checks that no stream thread of the apps is left running.
 */
public final class ConsoleFixture implements AutoCloseable {
    public static final String TENANT = "acme";
    /** Where the console opens (1440x860) and where agent windows go, side by side on the test screen. */
    public static final double AGENT_X = 1460;

    private final Path dir;
    private final TestGateway gw;
    private final FxRobot robot = new FxRobot();
    private final Deque<Runnable> cleanups = new ArrayDeque<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Set<String> threadsBefore;

    private ConsoleFixture(Path dir, UnaryOperator<GatewayConfig> tweak) {
        this.dir = dir;
        this.threadsBefore = appThreads();
        this.gw = TestGateway.start(dir.resolve("gateway"), tweak);
    }

    /** Starts the FX toolkit (once per JVM) and a gateway whose data lives in {@code dir}. */
    public static ConsoleFixture start(Path dir) {
        return start(dir, c -> c);
    }

    /** As {@link #start(Path)}, with a gateway whose configuration {@code tweak} changes (its clock, say). */
    public static ConsoleFixture start(Path dir, UnaryOperator<GatewayConfig> tweak) {
        try {
            FxToolkit.registerPrimaryStage();
        } catch (TimeoutException e) {
            throw new IllegalStateException("the JavaFX toolkit did not start", e);
        }
        Fx.run(() -> Platform.setImplicitExit(false));
        return new ConsoleFixture(dir, tweak);
    }

    public TestGateway gateway() {
        return gw;
    }

    public FxRobot robot() {
        return robot;
    }

    /** The platform's side of the floor of the gateway now running (a new one after a restart). */
    public PlatformSide platformSide() {
        return gw.server().platformSide();
    }

    /** What a user may see of the floor of the gateway now running. */
    public FloorReads floorReads() {
        return gw.server().floorReads();
    }

    /** Help requests on the floor of the gateway now running. */
    public HelpLifecycle helpLifecycle() {
        return gw.server().helpLifecycle();
    }

    public User user(String username) {
        return gw.user(TENANT, username);
    }

    public SignedIn signIn(String username) {
        return GatewayClient.signIn(URI.create(gw.baseUrl()), TENANT, username, TestGateway.PASSWORD.toCharArray());
    }

    public Interaction interaction(String agentUsername, Channel channel) {
        return gw.startInteraction(TENANT, agentUsername, channel);
    }

    /** An active interaction with a named customer and queue that started {@code ago} before now. */
    public Interaction interaction(String agentUsername, Channel channel, String customer, String queue,
                                   java.time.Duration ago) {
        User agent = user(agentUsername);
        java.time.Instant at = gw.server().floors().now().minus(ago);
        Participant c = new Participant("cust-" + Ids.next("c"), customer, Participant.Kind.CUSTOMER, null, null, at);
        Participant a = new Participant(agent.id(), agent.displayName(), Participant.Kind.AGENT, null, null, at);
        return platformSide().startInteraction(new Interaction(Ids.next("ix"), TENANT, agent.domain(), channel, agent.id(),
                agent.displayName(), customer, queue, at, InteractionState.ACTIVE, false, List.of(c, a), null));
    }

    public HelpRequest raiseHelp(String agentUsername, String interactionId, String reason, String comment) {
        return helpLifecycle().raiseHelp(user(agentUsername), interactionId, reason, comment);
    }

    public HelpRequest storedRequest(String id) {
        return gw.server().store().findHelpRequest(id).orElseThrow();
    }

    public Interaction storedInteraction(String id) {
        return gw.server().store().findInteraction(id).orElseThrow();
    }

    /** Every action recorded on an interaction, oldest first. */
    public List<SupervisorAction> actionsOn(String interactionId) {
        return gw.server().store().searchActions(new ActionQuery(TENANT, "support", null, null, interactionId, null,
                null, null, null, 500, null)).items();
    }

    /** A REST call as a demo user; asserts a 2xx answer and returns its JSON (null when empty). */
    public JsonNode rest(String method, String path, String username, String body) {
        String token = tokens.computeIfAbsent(username, u -> gw.signIn(TENANT, u));
        HttpResponse<String> r = gw.call(method, "/api/v1" + path, token, body);
        assertThat(r.statusCode()).as("%s %s as %s: %s", method, path, username, r.body()).isBetween(200, 299);
        return r.body().isEmpty() ? null : TestGateway.json(r.body());
    }

    /** Opens the console of a supervisor at the top left of the screen and waits until it is connected. */
    public ConsoleUi openConsole(String username) {
        return openConsole(username, UserSettings.defaults());
    }

    public ConsoleUi openConsole(String username, UserSettings settings) {
        return openConsole(username, settings, Optional::empty, app -> { });
    }

    /** As {@link #openConsole(String, UserSettings)}, with what {@code beforeStart} sets on the app first. */
    public ConsoleUi openConsole(String username, UserSettings settings, Consumer<ConsoleApp> beforeStart) {
        return openConsole(username, settings, Optional::empty, beforeStart);
    }

    /** A console whose desktop notifications go to {@code desktop} (none: the tests' machine's desktop stays out). */
    public ConsoleUi openConsole(String username, UserSettings settings,
                                 Supplier<Optional<NotificationSink>> desktop) {
        return openConsole(username, settings, desktop, app -> { });
    }

    private ConsoleUi openConsole(String username, UserSettings settings,
                                  Supplier<Optional<NotificationSink>> desktop, Consumer<ConsoleApp> beforeStart) {
        SignedIn who = signIn(username);
        SettingsFile file = settingsFile("console-" + username,
                settings.withWindow("console", new UserSettings.WindowPlace(0, 0, 1440, 860, false)));
        ConsoleApp app = new ConsoleApp(who, file, null, null,
                file.path().toAbsolutePath().resolveSibling("journal"), desktop);
        beforeStart.accept(app);
        Stage stage = Fx.call(() -> {
            Stage s = new Stage();
            app.start(s, () -> { });
            return s;
        });
        cleanups.push(() -> {
            try {
                Fx.call(app::close).get(Fx.WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the console did not shut down", e);
            }
        });
        ConsoleUi ui = new ConsoleUi(app, stage, robot);
        Fx.eventually(() -> assertThat(ui.text("#connection-status")).startsWith("Connected to"));
        return ui;
    }

    /** Opens an agent's mini-window to the right of the console and waits until it is connected. */
    public AgentUi openAgentWindow(String username) {
        return openAgentWindow(username, AGENT_X, 0);
    }

    public AgentUi openAgentWindow(String username, double x, double y) {
        return openAgentWindow(username, UserSettings.defaults()
                .withWindow("agent", new UserSettings.WindowPlace(x, y, 420, 600, false)));
    }

    /** An agent's mini-window with these settings (without a window place: at its default size). */
    public AgentUi openAgentWindow(String username, UserSettings settings) {
        SignedIn who = signIn(username);
        SettingsFile file = settingsFile("agent-" + username, settings);
        AgentUi ui = Fx.call(() -> {
            Stage s = new Stage();
            return new AgentUi(AgentApp.open(s, who, file, () -> { }), s, robot);
        });
        cleanups.push(() -> Fx.run(() -> ui.stage().hide()));
        Fx.eventually(() -> assertThat(Fx.call(() -> ui.vm().online().get())).isTrue());
        return ui;
    }

    /** An agent's session without a window (its view model only). */
    public AgentUi agentSession(String username) {
        AgentSession session = new AgentSession(signIn(username), StreamOptions.defaults());
        Fx.run(session::start);
        cleanups.push(() -> Fx.run(session::close));
        AgentUi ui = new AgentUi(session, null, robot);
        Fx.eventually(() -> assertThat(Fx.call(() -> ui.vm().online().get())).isTrue());
        return ui;
    }

    /** The agent's own stream, recorded, connected. */
    public AgentStream agentStream(String username) {
        AgentStream s = new AgentStream(signIn(username));
        cleanups.push(s::close);
        Fx.eventually(() -> assertThat(s.connected()).isTrue());
        return s;
    }

    private SettingsFile settingsFile(String name, UserSettings settings) {
        SettingsFile file = new SettingsFile(dir.resolve("settings").resolve(name + ".json"));
        try {
            file.save(settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The apps' own threads: stream clients and settings writers. */
    private static Set<String> appThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("huddle-")).collect(Collectors.toSet());
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        while (!cleanups.isEmpty()) {
            try {
                cleanups.pop().run();
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        try {
            FxToolkit.cleanupStages();
        } catch (TimeoutException e) {
            failure = failure == null ? new IllegalStateException(e) : failure;
        }
        gw.close();
        if (failure != null) {
            throw failure;
        }
        Fx.eventually(() -> assertThat(appThreads()).as("threads left running").isSubsetOf(threadsBefore));
    }
}
