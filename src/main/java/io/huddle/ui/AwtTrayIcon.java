package io.huddle.ui;

import java.awt.AWTException;
import java.awt.CheckboxMenuItem;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.EventQueue;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.RenderingHints;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link TrayIconHost} through {@link java.awt.SystemTray}: AWT's own thread draws and changes the icon, and
 * the menu's clicks cross to the app's UI thread. Where the desktop has no tray (or AWT runs headless) it
 * installs nothing and says so once in the log.
 */
public final class AwtTrayIcon implements TrayIconHost {
    private static final Logger LOG = LoggerFactory.getLogger(AwtTrayIcon.class);
    private static final Color HUDDLE_BLUE = new Color(0x1f, 0x6f, 0xeb);
    private static final Color WAITING = new Color(0xcf, 0x22, 0x2e);

    private final UiThread ui;
    private final List<CheckboxMenuItem> choices = new ArrayList<>();
    private final List<Runnable> clicked = new CopyOnWriteArrayList<>();
    private volatile TrayIcon icon;

    /** @param ui where the menu's actions run */
    public AwtTrayIcon(UiThread ui) {
        this.ui = ui;
    }

    /**
     * Starts AWT's toolkit before JavaFX's: started later, on a GTK desktop, it installs its X error handler
     * while GTK has one of its own in place, and GTK warns about it.
     */
    public static void prepareToolkit() {
        try {
            if (!GraphicsEnvironment.isHeadless()) {
                java.awt.Toolkit.getDefaultToolkit();
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.info("AWT is not available: the console runs without a tray icon ({})", e.toString());
        }
    }

    @Override
    public boolean install(Menu menu) {
        try {
            if (GraphicsEnvironment.isHeadless() || !SystemTray.isSupported()) {
                LOG.info("this desktop has no system tray; Huddle shows no tray icon");
                return false;
            }
            Dimension size = SystemTray.getSystemTray().getTrayIconSize();
            TrayIcon tray = new TrayIcon(image(size, 0), "Huddle", popup(menu));
            tray.setImageAutoSize(true);
            // a double click on the icon or a click on its message (Windows), a click elsewhere
            tray.addActionListener(e -> {
                ui.post(menu::show);
                clicked.forEach(Runnable::run);
            });
            SystemTray.getSystemTray().add(tray);
            icon = tray;
            return true;
        } catch (AWTException | RuntimeException | LinkageError e) {
            LOG.warn("the tray icon could not be added; Huddle runs without it: {}", e.toString());
            return false;
        }
    }

    private PopupMenu popup(Menu menu) {
        PopupMenu popup = new PopupMenu();
        MenuItem show = new MenuItem("Show Huddle");
        show.addActionListener(e -> ui.post(menu::show));
        popup.add(show);
        popup.addSeparator();
        List<String> labels = menu.choices();
        for (int i = 0; i < labels.size(); i++) {
            int index = i;
            CheckboxMenuItem item = new CheckboxMenuItem(labels.get(i));
            item.addItemListener(e -> ui.post(() -> menu.choose(index)));
            choices.add(item);
            popup.add(item);
        }
        popup.addSeparator();
        MenuItem quit = new MenuItem("Quit");
        quit.addActionListener(e -> ui.post(menu::quit));
        popup.add(quit);
        return popup;
    }

    @Override
    public void update(int count, String tooltip, int chosen) {
        EventQueue.invokeLater(() -> {
            TrayIcon tray = icon;
            if (tray == null) {
                return;
            }
            Dimension size = tray.getSize();
            tray.setImage(image(size, count));
            tray.setToolTip(tooltip);
            for (int i = 0; i < choices.size(); i++) {
                choices.get(i).setState(i == chosen);
            }
        });
    }

    /** Huddle's round blue mark; with requests waiting, their count on red. */
    static BufferedImage image(Dimension size, int count) {
        int w = Math.max(16, size.width);
        int h = Math.max(16, size.height);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            int d = Math.min(w, h) - 2;
            g.setColor(count > 0 ? WAITING : HUDDLE_BLUE);
            g.fillOval((w - d) / 2, (h - d) / 2, d, d);
            String text = count == 0 ? "H" : count > 99 ? "99+" : Integer.toString(count);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, (int) (d * (text.length() > 2 ? 0.4 : 0.6))));
            FontMetrics fm = g.getFontMetrics();
            g.drawString(text, (w - fm.stringWidth(text)) / 2, (h - fm.getHeight()) / 2 + fm.getAscent());
        } finally {
            g.dispose();
        }
        return img;
    }

    @Override
    public boolean showMessage(String title, String text, boolean urgent) {
        TrayIcon tray = icon;
        if (tray == null) {
            return false;
        }
        EventQueue.invokeLater(() -> tray.displayMessage(title, text,
                urgent ? TrayIcon.MessageType.WARNING : TrayIcon.MessageType.INFO));
        return true;
    }

    @Override
    public boolean canShowMessages() {
        return icon != null;
    }

    @Override
    public void onClicked(Runnable listener) {
        clicked.add(listener);
    }

    @Override
    public void remove() {
        TrayIcon tray = icon;
        icon = null;
        if (tray != null) {
            EventQueue.invokeLater(() -> SystemTray.getSystemTray().remove(tray));
        }
    }
}
