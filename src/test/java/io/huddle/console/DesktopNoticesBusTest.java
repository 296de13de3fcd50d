package io.huddle.console;

import static io.huddle.console.ConsoleFixtures.ME;
import static io.huddle.console.ConsoleFixtures.T0;
import static io.huddle.console.ConsoleFixtures.help;
import static io.huddle.console.ConsoleFixtures.ix;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.huddle.console.NotificationBus.Call;
import io.huddle.console.dbus.DbusNotificationSink;
import io.huddle.console.dbus.FreedesktopNotifications;
import io.huddle.domain.Channel;
import io.huddle.domain.HelpRequestStatus;
import io.huddle.protocol.EscalationDto;
import io.huddle.protocol.HelpRequestDto;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleBooleanProperty;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Desktop notifications on a real session bus: a private dbus-daemon, and on it a stand-in notification
 * service that records each call and can say that a bubble was clicked.
 */
class DesktopNoticesBusTest {
    static final String OTHER = "acme:sup2";
    @TempDir
    static Path busDir;
    static NotificationBus bus;
    static String address;
    static DBusConnection serviceBus;
    static NotificationBus.StandIn service;

    final TrayViewModel tray = new TrayViewModel(ME, Runnable::run, new ConsoleFixtures.FakeGateway(),
            Map.of("ix1", ix("ix1", Channel.CHAT, "Ana Agent", "Maria Silva", "Billing", true))::get);
    final SimpleBooleanProperty focused = new SimpleBooleanProperty(false);
    final BlockingQueue<Runnable> fxThread = new LinkedBlockingQueue<>();
    final List<TrayItem> activated = new ArrayList<>();
    DesktopNotices notices;

    @BeforeAll
    static void startBus() throws Exception {
        bus = NotificationBus.start(busDir);
        address = bus.address();
        serviceBus = bus.serviceBus();
        service = bus.service();
    }

    @AfterAll
    static void stopBus() throws Exception {
        bus.close();
    }

    @BeforeEach
    void connect() {
        service.calls.clear();
        notices = new DesktopNotices(tray, focused, () -> DbusNotificationSink.at(address), fxThread::add);
        notices.onActivated(activated::add);
    }

    @AfterEach
    void close() {
        notices.close();
    }

    static HelpRequestDto pending(String id, String... assigned) {
        return help(id, "ix1", HelpRequestStatus.PENDING, T0, assigned);
    }

    /** Every call the service got, once the notices' thread has sent all it had (close waits for it). */
    List<Call> allCalls() {
        notices.close();
        List<Call> all = new ArrayList<>();
        service.calls.drainTo(all);
        return all;
    }

    @Test
    void aHelpRequestWhileUnfocusedIsOneNotificationNamingTheAgent() throws Exception {
        tray.apply(pending("h1", ME));
        tray.apply(pending("h-other", OTHER)); // not mine: no notification

        Call notify = service.next();
        assertThat(notify.method()).isEqualTo("Notify");
        assertThat(notify.appName()).isEqualTo("Huddle");
        assertThat(notify.replacesId()).isZero();
        assertThat(notify.summary()).isEqualTo("Ana Agent: Policy question");
        assertThat(notify.body()).contains("Chat with Maria Silva · Billing");
        assertThat(notify.actions()).containsSequence("default", "Show");
        assertThat(notify.urgency()).isEqualTo((byte) 1);
        // the console's close takes the bubble away too; nothing else was sent
        assertThat(allCalls()).extracting(Call::method).containsExactly("CloseNotification");
    }

    @Test
    void noNotificationWhileTheConsoleIsFocused() {
        focused.set(true);
        tray.apply(pending("h1", ME));
        assertThat(tray.items()).hasSize(1);
        assertThat(allCalls()).isEmpty();
    }

    @Test
    void focusingTheConsoleClosesTheBubble() throws Exception {
        tray.apply(pending("h1", ME));
        long id = service.next().id();
        focused.set(true);
        Call close = service.next();
        assertThat(close.method()).isEqualTo("CloseNotification");
        assertThat(close.id()).isEqualTo(id);
    }

    @Test
    void severalRequestsAreOneBubble() throws Exception {
        tray.apply(pending("h1", ME));
        tray.apply(pending("h2", ME, OTHER));
        tray.apply(pending("h3", ME));

        List<Call> calls = allCalls();
        List<Call> notifies = calls.stream().filter(c -> c.method().equals("Notify")).toList();
        assertThat(notifies).hasSize(3);
        long id = notifies.get(0).id();
        assertThat(notifies).extracting(Call::id).containsOnly(id);
        assertThat(notifies.subList(1, 3)).extracting(Call::replacesId).containsOnly(id);
        assertThat(notifies.get(2).summary()).isEqualTo("3 new help requests");
        assertThat(notifies.get(2).body()).contains("Ana Agent: Policy question");
    }

    @Test
    void aCancelledRequestClosesItsNotification() throws Exception {
        tray.apply(pending("h1", ME));
        long id = service.next().id();
        tray.notification("help.cancelled", "h1", "Ana Agent cancelled their help request");
        Call close = service.next();
        assertThat(close.method()).isEqualTo("CloseNotification");
        assertThat(close.id()).isEqualTo(id);
    }

    @Test
    void anotherSupervisorsAcceptLeavesTheBubbleThenClosesIt() throws Exception {
        tray.apply(pending("h1", ME, OTHER));
        tray.apply(pending("h2", ME, OTHER));
        service.next();
        long id = service.next().id();

        tray.notification("help.accepted", "h1", "Sam Sup took the help request of Ana Agent");
        Call left = service.next();
        assertThat(left.method()).isEqualTo("Notify");
        assertThat(left.replacesId()).isEqualTo(id);
        assertThat(left.summary()).isEqualTo("Ana Agent: Policy question"); // one request left in it

        tray.apply(help("h2", "ix1", HelpRequestStatus.IN_PROGRESS, T0, ME, OTHER)); // taken by acme:sup2
        Call close = service.next();
        assertThat(close.method()).isEqualTo("CloseNotification");
        assertThat(close.id()).isEqualTo(id);
    }

    @Test
    void aReminderBringsTheBubbleUpAgain() throws Exception {
        tray.apply(pending("h1", ME));
        Call first = service.next();
        tray.notification("help.reminded", "h1", "Ana Agent is still waiting for help");
        Call again = service.next();
        assertThat(again.method()).isEqualTo("Notify");
        assertThat(again.replacesId()).as("the same bubble, shown again").isEqualTo(first.id());
        assertThat(again.summary()).isEqualTo("Ana Agent: Policy question");
        tray.notification("help.reminded", "h-unknown", "someone else's request");
        assertThat(allCalls()).extracting(Call::method).as("nothing for a request not in the tray")
                .containsExactly("CloseNotification");
    }

    @Test
    void anEscalationToMeIsCritical() throws Exception {
        HelpRequestDto p = pending("h1", OTHER, ME);
        tray.apply(new HelpRequestDto(p.id(), p.interactionId(), p.agentId(), p.agentName(), p.status(), p.reason(),
                p.comment(), p.assignedTo(), null, null, p.createdAt(), null, null, null, null,
                List.of(new EscalationDto("escalated", T0.plusSeconds(90), List.of(ME), List.of(ME)))));
        Call notify = service.next();
        assertThat(notify.urgency()).isEqualTo((byte) 2);
        assertThat(notify.body()).startsWith("Escalated to you");
    }

    @Test
    void activatingTheBubbleSelectsItsRequest() throws Exception {
        tray.apply(pending("h1", ME));
        long id = service.next().id();
        bus.click(id);

        Runnable crossing = fxThread.poll(10, TimeUnit.SECONDS); // the signal crosses into the FX thread
        assertThat(crossing).isNotNull();
        crossing.run();
        assertThat(activated).extracting(TrayItem::id).containsExactly("h1");
    }

    @Test
    void withoutANotificationServiceTheTrayWorksAndTheLogSaysWhyOnce() throws Exception {
        notices.close();
        Logger logger = (Logger) LoggerFactory.getLogger(DbusNotificationSink.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        serviceBus.releaseBusName(FreedesktopNotifications.NAME);
        try {
            notices = new DesktopNotices(tray, focused, () -> DbusNotificationSink.at(address), fxThread::add);
            tray.apply(pending("h1", ME));
            tray.apply(pending("h2", ME));
            tray.notification("help.cancelled", "h1", "Ana Agent cancelled their help request");
            notices.close(); // waits for the connection attempt and whatever followed it
        } finally {
            serviceBus.requestBusName(FreedesktopNotifications.NAME);
            logger.detachAppender(log);
        }
        assertThat(tray.items()).extracting(TrayItem::id).containsExactly("h2");
        assertThat(service.calls).isEmpty();
        assertThat(log.list).hasSize(1);
        assertThat(log.list.get(0).getLevel()).isEqualTo(Level.INFO);
        assertThat(log.list.get(0).getFormattedMessage())
                .startsWith("no D-Bus notifications: no notification service (org.freedesktop.Notifications)");
    }

    @Test
    void noBusMeansNoSink() {
        assertThat(DbusNotificationSink.at("unix:path=/nonexistent/huddle-bus")).isEmpty();
    }
}
