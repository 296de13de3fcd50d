package io.huddle.console;

import static io.huddle.console.ConsoleFixtures.ME;
import static io.huddle.console.ConsoleFixtures.T0;
import static io.huddle.console.ConsoleFixtures.help;
import static io.huddle.console.ConsoleFixtures.ix;
import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.domain.Channel;
import io.huddle.domain.HelpRequestStatus;
import io.huddle.protocol.HelpRequestDto;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The console's sounds through a real tray, to a sound that records its plays. */
class RequestSoundsTest {
    static final String OTHER = "acme:sup2";
    final TrayViewModel tray = new TrayViewModel(ME, Runnable::run, new ConsoleFixtures.FakeGateway(),
            Map.of("ix1", ix("ix1", Channel.CHAT, "Ana Agent", "Maria Silva", "Billing", true))::get);
    final List<String> plays = new ArrayList<>();
    final RequestSounds sounds = new RequestSounds(tray, () -> plays.add("beep"));

    static HelpRequestDto pending(String id, String... assigned) {
        return help(id, "ix1", HelpRequestStatus.PENDING, T0, assigned);
    }

    @Test
    void offByDefaultNothingSounds() {
        tray.apply(pending("h1", ME));
        tray.notification("help.reminded", "h1", "Reminder: Ana Agent has waited 30 s for help");
        assertThat(tray.items()).hasSize(1);
        assertThat(plays).isEmpty();
    }

    @Test
    void aNewRequestSoundsOnceWhenTurnedOn() {
        sounds.onNewRequest().set(true);
        tray.apply(pending("h1", ME));
        tray.apply(pending("h1", ME)); // the same request again: not new
        tray.apply(pending("h-other", OTHER)); // not waiting for me
        assertThat(plays).hasSize(1);

        tray.notification("help.reminded", "h1", "Reminder: Ana Agent has waited 30 s for help");
        assertThat(plays).as("reminders have their own setting").hasSize(1);
    }

    @Test
    void busyOrAwayNewRequestsComeInQuietly() {
        sounds.onNewRequest().set(true);
        tray.quiet().set(true);
        tray.apply(pending("h1", ME));
        assertThat(tray.items()).hasSize(1);
        assertThat(plays).isEmpty();
    }

    @Test
    void aReminderSoundsWhenThatSettingIsOn() {
        sounds.onReminder().set(true);
        tray.apply(pending("h1", ME));
        assertThat(plays).isEmpty();
        tray.notification("help.reminded", "h1", "Reminder: Ana Agent has waited 30 s for help");
        assertThat(plays).hasSize(1);
    }

    @Test
    void aSnapshotAfterAReconnectIsNoNews() {
        sounds.onNewRequest().set(true);
        tray.replaceAll(List.of(pending("h1", ME)));
        assertThat(tray.items()).hasSize(1);
        assertThat(plays).isEmpty();
    }
}
