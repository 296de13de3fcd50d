package io.huddle.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.console.dbus.FreedesktopNotifications;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/**
 * A private session bus (a dbus-daemon of the test's own) with a stand-in notification service on it that
 * records each call and can say that a bubble was clicked.
 */
record NotificationBus(Process daemon, String address, DBusConnection serviceBus, StandIn service)
        implements AutoCloseable {

    /**
     * The bus starts no services: with the desktop's service files, a notification daemon installed on the
     * machine could answer in place of the stand-in.
     */
    static final String CONFIG = """
            <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-BUS Bus Configuration 1.0//EN"
             "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
            <busconfig>
              <type>session</type>
              <listen>unix:tmpdir=%s</listen>
              <auth>EXTERNAL</auth>
              <policy context="default">
                <allow send_destination="*" eavesdrop="true"/>
                <allow eavesdrop="true"/>
                <allow own="*"/>
              </policy>
            </busconfig>
            """;

    /** A call the stand-in received. */
    record Call(String method, String appName, long replacesId, String summary, String body, List<String> actions,
                Object urgency, long id) {
    }

    /** The notification service of the test: records, answers with increasing ids. */
    static final class StandIn implements FreedesktopNotifications {
        final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
        final AtomicInteger ids = new AtomicInteger();
        /** How many clients asked what the service can do (the console does once it has connected). */
        final AtomicInteger capabilitiesAsked = new AtomicInteger();

        @Override
        public UInt32 Notify(String appName, UInt32 replacesId, String appIcon, String summary, String body,
                             List<String> actions, Map<String, Variant<?>> hints, int expireTimeout) {
            long id = replacesId.longValue() != 0 ? replacesId.longValue() : ids.incrementAndGet();
            Variant<?> urgency = hints.get("urgency");
            calls.add(new Call("Notify", appName, replacesId.longValue(), summary, body, actions,
                    urgency == null ? null : urgency.getValue(), id));
            return new UInt32(id);
        }

        @Override
        public void CloseNotification(UInt32 id) {
            calls.add(new Call("CloseNotification", null, 0, null, null, null, null, id.longValue()));
        }

        @Override
        public List<String> GetCapabilities() {
            capabilitiesAsked.incrementAndGet();
            return List.of("actions", "body");
        }

        @Override
        public String getObjectPath() {
            return PATH;
        }

        /** The next call, waiting for it up to 10 s. */
        Call next() throws InterruptedException {
            Call c = calls.poll(10, TimeUnit.SECONDS);
            assertThat(c).as("a call to the notification service").isNotNull();
            return c;
        }
    }

    /** Starts the daemon with its socket in {@code dir}, and the stand-in service on it. */
    static NotificationBus start(Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("session.conf"), CONFIG.formatted(dir));
        Process daemon = new ProcessBuilder("dbus-daemon", "--config-file=" + config, "--print-address", "--nofork")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String address = new BufferedReader(new InputStreamReader(daemon.getInputStream(), StandardCharsets.UTF_8))
                .readLine().trim();
        DBusConnection serviceBus = DBusConnectionBuilder.forAddress(address).withShared(false).build();
        StandIn service = new StandIn();
        serviceBus.requestBusName(FreedesktopNotifications.NAME);
        serviceBus.exportObject(FreedesktopNotifications.PATH, service);
        return new NotificationBus(daemon, address, serviceBus, service);
    }

    /** Says that the bubble {@code id} was clicked (its default action). */
    void click(long id) throws Exception {
        serviceBus.sendMessage(new FreedesktopNotifications.ActionInvoked(FreedesktopNotifications.PATH,
                new UInt32(id), "default"));
    }

    @Override
    public void close() throws Exception {
        serviceBus.close();
        daemon.destroy();
        daemon.waitFor(5, TimeUnit.SECONDS);
    }
}
