package io.huddle.console;

import static io.huddle.console.ConsoleFixtures.ME;
import static io.huddle.console.ConsoleFixtures.T0;
import static io.huddle.console.ConsoleFixtures.help;
import static io.huddle.console.ConsoleFixtures.ix;
import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.domain.Channel;
import io.huddle.domain.HelpRequestStatus;
import io.huddle.protocol.EscalationDto;
import io.huddle.protocol.HelpRequestDto;
import io.huddle.ui.DesktopMessages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;

/**
 * Desktop notifications as the tray icon's messages (Windows, macOS): the console's notices through the real
 * {@link DesktopNotices} and {@link TrayNotificationSink}, to a tray that records what it was asked to show.
 */
class TrayNotificationSinkTest {
    static final String OTHER = "acme:sup2";

    /** A tray icon that records each message and can be clicked, as AWT's would be on its own thread. */
    static final class RecordingMessages implements DesktopMessages {
        final boolean hasIcon;
        final List<String> shown = new CopyOnWriteArrayList<>();
        final List<Runnable> clicks = new CopyOnWriteArrayList<>();

        RecordingMessages(boolean hasIcon) {
            this.hasIcon = hasIcon;
        }

        @Override
        public boolean showMessage(String title, String text, boolean urgent) {
            if (hasIcon) {
                shown.add((urgent ? "WARNING " : "INFO ") + title + " | " + text);
            }
            return hasIcon;
        }

        @Override
        public boolean canShowMessages() {
            return hasIcon;
        }

        @Override
        public void onClicked(Runnable listener) {
            clicks.add(listener);
        }

        void click() {
            clicks.forEach(Runnable::run);
        }
    }

    final TrayViewModel tray = new TrayViewModel(ME, Runnable::run, new ConsoleFixtures.FakeGateway(),
            Map.of("ix1", ix("ix1", Channel.CHAT, "Ana Agent", "Maria Silva", "Billing", true))::get);
    final SimpleBooleanProperty focused = new SimpleBooleanProperty(false);
    final BlockingQueue<Runnable> fxThread = new LinkedBlockingQueue<>();
    final List<TrayItem> activated = new ArrayList<>();
    final RecordingMessages messages = new RecordingMessages(true);
    DesktopNotices notices = notices();

    DesktopNotices notices() {
        DesktopNotices n = new DesktopNotices(tray, focused,
                () -> Optional.of(new TrayNotificationSink(messages)), fxThread::add);
        n.onActivated(activated::add);
        return n;
    }

    static HelpRequestDto pending(String id, String... assigned) {
        return help(id, "ix1", HelpRequestStatus.PENDING, T0, assigned);
    }

    /** What the tray was asked to show once the notices' thread has sent everything (close waits for it). */
    List<String> shownAtClose() {
        notices.close();
        return messages.shown;
    }

    @Test
    void aHelpRequestWhileUnfocusedIsOneMessageNamingTheAgent() {
        tray.apply(pending("h1", ME));
        tray.apply(pending("h-other", OTHER)); // not mine: no message

        assertThat(shownAtClose()).containsExactly("INFO Ana Agent: Policy question | Chat with Maria Silva · Billing");
    }

    @Test
    void noMessageWhileTheConsoleIsFocusedOrTheSettingIsOff() {
        focused.set(true);
        tray.apply(pending("h1", ME));
        focused.set(false);
        notices.enabled().set(false);
        tray.apply(pending("h2", ME));
        assertThat(tray.items()).hasSize(2);
        assertThat(shownAtClose()).isEmpty();
    }

    @Test
    void newsThatJoinsTheBubbleIsANewMessageSayingHowMany() {
        tray.apply(pending("h1", ME));
        tray.apply(pending("h2", ME, OTHER));

        List<String> shown = shownAtClose();
        assertThat(shown).hasSize(2);
        assertThat(shown.get(1)).startsWith("INFO 2 new help requests | Ana Agent: Policy question\nAna Agent");
    }

    @Test
    void aRequestThatLeavesTheBubbleShowsNothingNew() {
        tray.apply(pending("h1", ME));
        tray.apply(pending("h2", ME));
        tray.notification("help.cancelled", "h1", "Ana Agent cancelled their help request");
        tray.notification("help.accepted", "h2", "Sam Sup took the help request of Ana Agent");

        assertThat(tray.items()).isEmpty();
        assertThat(shownAtClose()).as("AWT can neither change nor take a message away: nothing repeats old news")
                .hasSize(2);
    }

    @Test
    void anEscalationToMeIsAWarning() {
        HelpRequestDto p = pending("h1", OTHER, ME);
        tray.apply(new HelpRequestDto(p.id(), p.interactionId(), p.agentId(), p.agentName(), p.status(), p.reason(),
                p.comment(), p.assignedTo(), null, null, p.createdAt(), null, null, null, null,
                List.of(new EscalationDto("escalated", T0.plusSeconds(90), List.of(ME), List.of(ME)))));

        assertThat(shownAtClose()).singleElement().asString().startsWith("WARNING Ana Agent: Policy question | Escalated");
    }

    @Test
    void aClickOnTheMessageSelectsItsRequest() throws Exception {
        tray.apply(pending("h1", ME));
        awaitShown(1);
        messages.click(); // on AWT's thread in the console

        Runnable crossing = fxThread.poll(10, TimeUnit.SECONDS); // it crosses into the FX thread
        assertThat(crossing).isNotNull();
        crossing.run();
        assertThat(activated).extracting(TrayItem::id).containsExactly("h1");
    }

    @Test
    void aClickSelectsOnlyWhileItsMessageStands() {
        TrayNotificationSink sink = new TrayNotificationSink(messages);
        List<Long> clicked = new ArrayList<>();
        sink.onActivated(clicked::add);
        messages.click();
        assertThat(clicked).as("no message yet: a click on the icon only shows the console").isEmpty();

        long first = sink.show(0, new NotificationSink.Notice("Ana Agent: Policy question", "", false));
        long second = sink.show(first, new NotificationSink.Notice("2 new help requests", "", false));
        assertThat(second).isNotEqualTo(first).isNotZero();
        messages.click();
        assertThat(clicked).containsExactly(second);

        sink.close(second); // the console came to the front: the message stays, it stands for nothing
        messages.click();
        assertThat(clicked).containsExactly(second);
        assertThat(messages.shown).hasSize(2);

        long third = sink.show(0, new NotificationSink.Notice("Ana Agent: Policy question", "", true));
        sink.close();
        messages.click();
        assertThat(clicked).as("closed with the console").containsExactly(second);
        assertThat(third).isNotZero();
    }

    @Test
    void withoutAnIconInTheTrayNothingShowsAndNothingIsNamed() {
        TrayNotificationSink sink = new TrayNotificationSink(new RecordingMessages(false));
        assertThat(sink.show(0, new NotificationSink.Notice("Ana Agent: Policy question", "", false))).isZero();
    }

    private void awaitShown(int count) {
        org.awaitility.Awaitility.await().atMost(10, TimeUnit.SECONDS)
                .until(() -> messages.shown.size() >= count);
    }
}
