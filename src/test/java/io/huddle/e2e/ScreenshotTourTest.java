package io.huddle.e2e;

import static io.huddle.e2e.Fx.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.domain.Channel;
import io.huddle.domain.EscalationSettings;
import io.huddle.domain.Role;
import io.huddle.domain.User;
import java.util.List;
import java.util.Set;
import org.awaitility.Awaitility;
import io.huddle.domain.HelpRequestStatus;
import io.huddle.domain.Interaction;
import io.huddle.domain.InteractionState;
import io.huddle.domain.TranscriptLine.Speaker;
import io.huddle.protocol.InteractionDto;
import java.nio.file.Files;
import java.nio.file.Path;
import io.huddle.console.AnalyticsApp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.scene.Node;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * A tour of the real windows for people to look at: the console with a live floor, the tray, coaching,
 * the dark theme, the agent window pending, coached and closing, a request escalated (in the tray and in
 * its agent's window), and the analytics window in light and dark. Needs a display (real GTK windows,
 * not Monocle), so it is tagged and left out of the default run: {@code scripts/screenshots.sh} runs it
 * under Xvfb and the PNGs land in {@code target/screenshots/}.
 */
@Tag("screenshots")
class ScreenshotTourTest {
    private static final String ACME = ConsoleFixture.TENANT;

    @TempDir
    Path dir;

    @Test
    void tour() throws Exception {
        try (ConsoleFixture fx = ConsoleFixture.start(dir)) {
            FxRobot robot = fx.robot();
            Snapshots shots = Snapshots.inTarget();
            Interaction noah = fx.interaction("agent1", Channel.VOICE, "Noah Schmidt", "Billing",
                    Duration.ofSeconds(7 * 60 + 12));
            Interaction maria = fx.interaction("agent2", Channel.CHAT, "Maria Silva", "Returns",
                    Duration.ofSeconds(4 * 60 + 31));
            Interaction kenji = fx.interaction("agent3", Channel.MESSAGING, "Kenji Watanabe", "Technical support",
                    Duration.ofMinutes(12));
            fx.interaction("agent2", Channel.CHAT, "Aisha Khan", "Orders", Duration.ofSeconds(95));
            Interaction lucas = fx.interaction("agent3", Channel.VOICE, "Lucas Moreau", "Technical support",
                    Duration.ofSeconds(2 * 60 + 5));
            Interaction olivia = fx.interaction("agent1", Channel.MESSAGING, "Olivia Brown", "Billing",
                    Duration.ofMinutes(21));
            fx.platformSide().changeState(ACME, lucas.id(), InteractionState.ON_HOLD);
            fx.platformSide().changeState(ACME, olivia.id(), InteractionState.WRAP_UP);
            say(fx, noah, Speaker.CUSTOMER, "Hi, my internet has been dropping every few minutes since Monday.");
            say(fx, noah, Speaker.AGENT, "Sorry to hear that. Let me run a line test on your connection.");
            say(fx, noah, Speaker.CUSTOMER, "I already restarted the router twice.");
            say(fx, noah, Speaker.AGENT, "Thanks. The line test shows errors on the street cabinet side.");
            say(fx, maria, Speaker.CUSTOMER, "I returned the blue jacket three weeks ago and I still have no refund.");
            say(fx, maria, Speaker.AGENT, "Let me look up the return for you. Can you give me the order number?");
            say(fx, maria, Speaker.CUSTOMER, "It's 44-1092-883.");
            say(fx, maria, Speaker.AGENT, "Thank you. I can see the parcel arrived at our warehouse on the 3rd.");
            say(fx, maria, Speaker.CUSTOMER, "So where is my money? This is the third time I'm asking.");
            say(fx, kenji, Speaker.CUSTOMER, "The app logs me out every time I switch to another app.");

            // a short ladder, so the tour sees a request reminded, past its service level and escalated to a lead
            fx.gateway().server().store().saveUser(new User("acme:lead1", ACME, "sales", "lead1", "Lee Lead",
                    Set.of(Role.AWA_MANAGER, Role.AWA_LEAD)), null);
            fx.gateway().server().floorSettings().updateSettings(new User("acme:tour-admin", ACME, "support",
                    "tour-admin", "Tour Admin", Set.of(Role.ADMIN)),
                    s -> s.withEscalation(new EscalationSettings(5, 10, 8, List.of())));

            ConsoleUi console = fx.openConsole("supervisor1");
            AgentUi agent = fx.openAgentWindow("agent2", 1170, 130);
            Fx.run(() -> agent.vm().selected().set(agent.vm().interactions().stream()
                    .filter(i -> i.id().equals(maria.id())).findFirst().orElseThrow()));
            robot.clickOn((Node) agent.node("#agent-comment")).write("Refund missing after 3 weeks");
            agent.clickHelp();
            eventually(() -> assertThat(agent.status()).startsWith("Help requested"));
            String mariaRequest = agent.requestId();
            String noahRequest = fx.raiseHelp("agent1", noah.id(), "Technical issue",
                    "line keeps dropping, street cabinet?").id();
            fx.raiseHelp("agent3", kenji.id(), "Policy question", null);
            eventually(() -> assertThat(console.trayIds()).hasSize(3));
            robot.clickOn(console.cell("Noah Schmidt").orElseThrow());
            eventually(() -> assertThat(Fx.call(() -> console.vm().detail().transcript().size())).isEqualTo(4));
            eventually(() -> assertThat(console.text("#control-reasons")).contains("confirm the help request"));

            shots.screen("00-desktop-three-requests");
            shots.scene(console.stage().getScene(), "01-console-live");
            shots.node(console.node("#tray"), "02-tray-three-requests");
            if (Fx.call(() -> console.node("#toast").isVisible())) {
                shots.node(console.node("#toast"), "02b-toast");
            }
            shots.scene(agent.stage().getScene(), "05-agent-pending");

            robot.clickOn(console.button("#confirm-" + mariaRequest));
            eventually(() -> assertThat(console.enabled("#control-coach")).isTrue());
            Fx.run(() -> console.vm().detail().coachCommand().execute());
            eventually(() -> assertThat(console.text("#mode-banner")).contains("coaching"));
            Fx.run(() -> {
                console.vm().detail().draft().set("Offer the 10 % goodwill credit and escalate the refund to Finance.");
                console.vm().detail().sendCommand().execute();
            });
            eventually(() -> assertThat(agent.supervisorLines()).hasSize(2));
            say(fx, maria, Speaker.AGENT, "I've escalated your refund to our finance team and added a goodwill credit.");
            eventually(() -> assertThat(Fx.call(() -> console.vm().detail().transcript().size())).isEqualTo(8));
            Fx.run(() -> console.vm().detail().draft().set("Good. Tell her the refund lands in 3-5 days"));
            eventually(() -> assertThat(agent.status()).startsWith("In progress"));

            shots.scene(console.stage().getScene(), "03-console-coaching");
            shots.node(console.node("#detail"), "03b-detail-coaching");
            shots.scene(agent.stage().getScene(), "06-agent-in-progress-coached");

            agent.focus();
            agent.clickHelp();
            eventually(() -> assertThat(agent.dialog("agent-confirm")).isPresent());
            shots.screen("07-desktop-close-confirmation");
            shots.scene(Fx.call(() -> agent.dialog("agent-confirm").orElseThrow().getScene()),
                    "07b-agent-close-confirmation");
            robot.clickOn(agent.dialogButton("agent-confirm", "Close request"));
            eventually(() -> assertThat(agent.dialog("agent-alert")).isPresent());
            shots.scene(Fx.call(() -> agent.dialog("agent-alert").orElseThrow().getScene()), "08-agent-closed-alert");
            robot.clickOn(agent.dialogButton("agent-alert", "OK"));
            assertThat(fx.storedRequest(mariaRequest).status()).isEqualTo(HelpRequestStatus.CLOSED);

            // Noah's request waits on: reminded, past the service level, escalated to the lead (1 more supervisor)
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    fx.storedRequest(noahRequest).escalations()).extracting(e -> e.step().wireName())
                    .contains("reminded", "breached", "escalated"));
            eventually(() -> assertThat(Fx.call(() -> console.vm().tray().item(noahRequest).ladder().get()))
                    .isEqualTo("Overdue: past the service level · escalated to 1 more supervisor"));
            shots.node(console.node("#tray"), "11-tray-escalated");
            AgentUi noahsAgent = fx.openAgentWindow("agent1", 1170, 520);
            Fx.run(() -> noahsAgent.vm().selected().set(noahsAgent.vm().interactions().stream()
                    .filter(i -> i.id().equals(noah.id())).findFirst().orElseThrow()));
            eventually(() -> assertThat(noahsAgent.status()).contains("Escalated to 1 more supervisor"));
            shots.scene(noahsAgent.stage().getScene(), "12-agent-escalated");

            // the analytics window over a day of history (yesterday, local time), in light and then in dark
            LocalDate yesterday = LocalDate.now().minusDays(1);
            AnalyticsHistory.day(fx.gateway().server().store(), yesterday.atTime(8, 0)
                    .atZone(ZoneId.systemDefault()).toInstant());
            Stage analytics = Fx.call(() -> {
                Stage s = new Stage();
                AnalyticsApp.open(s, fx.signIn("supervisor1"), preset -> { });
                s.setX(40);
                s.setY(20);
                return s;
            });
            Fx.run(() -> {
                ((DatePicker) analytics.getScene().lookup("#analytics-from")).setValue(yesterday);
                ((DatePicker) analytics.getScene().lookup("#analytics-to")).setValue(yesterday);
                ((Button) analytics.getScene().lookup("#analytics-refresh")).fire();
            });
            eventually(() -> assertThat(Fx.call(() -> ((Label) analytics.getScene().lookup("#analytics-status"))
                    .getText())).startsWith("Updated"));
            eventually(() -> assertThat(Fx.call(() -> ((javafx.scene.layout.HBox) analytics.getScene()
                    .lookup("#analytics-headline")).getChildren().size())).isEqualTo(8));
            shots.scene(analytics.getScene(), "13-analytics-light");

            Fx.run(() -> console.button("#theme-button").fire());
            eventually(() -> assertThat(console.text("#theme-button")).isEqualTo("Light"));
            shots.scene(analytics.getScene(), "14-analytics-dark");
            Fx.run(analytics::hide);
            shots.scene(console.stage().getScene(), "04-console-dark");
            shots.scene(agent.stage().getScene(), "09-agent-dark");
            shots.screen("10-desktop-dark");

            assertThat(shots.saved()).allSatisfy(png -> assertThat(Files.size(png)).isGreaterThan(5_000));
            assertThat(Fx.call(() -> agent.vm().interactions().stream().map(InteractionDto::id).toList()))
                    .contains(maria.id());
        }
    }

    private static void say(ConsoleFixture fx, Interaction i, Speaker who, String text) {
        fx.platformSide().appendTranscript(ACME, i.id(), who, text);
    }
}
