package io.huddle.console.dbus;

import io.huddle.console.NotificationSink;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Desktop notifications through the freedesktop Notifications service on the session D-Bus: app name
 * "Huddle", the {@code default} action (a click on the bubble), urgency critical when asked.
 */
public final class DbusNotificationSink implements NotificationSink {
    private static final Logger LOG = LoggerFactory.getLogger(DbusNotificationSink.class);
    static final String APP_NAME = "Huddle";
    static final String DEFAULT_ACTION = "default";
    private static final byte NORMAL = 1;
    private static final byte CRITICAL = 2;

    private final DBusConnection bus;
    private final FreedesktopNotifications service;
    private final List<LongConsumer> activated = new CopyOnWriteArrayList<>();
    private final List<LongConsumer> closed = new CopyOnWriteArrayList<>();

    private DbusNotificationSink(DBusConnection bus) throws DBusException {
        this.bus = bus;
        this.service = bus.getRemoteObject(FreedesktopNotifications.NAME, FreedesktopNotifications.PATH,
                FreedesktopNotifications.class);
        bus.addSigHandler(FreedesktopNotifications.ActionInvoked.class, s -> {
            if (DEFAULT_ACTION.equals(s.actionKey())) {
                activated.forEach(l -> l.accept(s.id().longValue()));
            }
        });
        bus.addSigHandler(FreedesktopNotifications.NotificationClosed.class,
                s -> closed.forEach(l -> l.accept(s.id().longValue())));
        service.GetCapabilities(); // fails here, not at the first help request, when nobody serves the name
    }

    /** The service on the desktop's session bus, or empty (logged once at INFO, with why) when there is none. */
    public static Optional<NotificationSink> onSessionBus() {
        String address = System.getenv("DBUS_SESSION_BUS_ADDRESS");
        if (address == null || address.isBlank()) {
            LOG.info("no D-Bus notifications: there is no session D-Bus (DBUS_SESSION_BUS_ADDRESS is not set)");
            return Optional.empty();
        }
        return at(address);
    }

    /** The service on the bus at this address, or empty (logged once at INFO, with why). */
    public static Optional<NotificationSink> at(String address) {
        DBusConnection bus = null;
        try {
            bus = DBusConnectionBuilder.forAddress(address).withShared(false).build();
            return Optional.of(new DbusNotificationSink(bus));
        } catch (DBusException | DBusExecutionException e) {
            LOG.info("no D-Bus notifications: {} on the session D-Bus: {}", bus == null
                    ? "could not connect" : "no notification service (" + FreedesktopNotifications.NAME + ")",
                    e.getMessage());
            disconnect(bus);
            return Optional.empty();
        }
    }

    @Override
    public long show(long replaces, Notice notice) {
        Map<String, Variant<?>> hints = Map.of("urgency", new Variant<>(notice.critical() ? CRITICAL : NORMAL));
        UInt32 id = service.Notify(APP_NAME, new UInt32(replaces), "", notice.summary(), notice.body(),
                List.of(DEFAULT_ACTION, "Show"), hints, -1);
        return id.longValue();
    }

    @Override
    public void close(long id) {
        service.CloseNotification(new UInt32(id));
    }

    @Override
    public void onActivated(LongConsumer listener) {
        activated.add(listener);
    }

    @Override
    public void onClosed(LongConsumer listener) {
        closed.add(listener);
    }

    @Override
    public void close() {
        disconnect(bus);
    }

    private static void disconnect(DBusConnection bus) {
        if (bus == null) {
            return;
        }
        try {
            bus.close();
        } catch (IOException e) {
            LOG.warn("the session D-Bus connection did not close cleanly: {}", e.getMessage());
        }
    }
}
