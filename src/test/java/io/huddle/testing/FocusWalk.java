package io.huddle.testing;

import io.huddle.e2e.Fx;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.testfx.api.FxRobot;

/**
 * Tabs through a window as a keyboard user does and checks each focus stop: it is where the layout says it is next
 * (top to bottom, left to right, one region after the other), it is visible (in the window, inside its scroll pane's
 * viewport; in a list or table, the focused row is shown), and it looks focused (it draws differently than when it
 * is not: the theme's focus ring is not taken away).
 */
public final class FocusWalk {
    /** Slack for nodes on one line whose tops differ by a pixel or two. */
    private static final double SLACK = 4;

    /** One focus stop: the node, where it is, and in which of the given regions. */
    public record Stop(Node node, String path, Bounds bounds, int region) {
        @Override
        public String toString() {
            return path + " at (" + Math.round(bounds.getMinX()) + ", " + Math.round(bounds.getMinY()) + ")";
        }
    }

    private final List<Stop> stops = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    private FocusWalk() {
    }

    /**
     * Tabs from the top of the window until the focus comes back to a stop it had (or {@code max} stops).
     *
     * @param regions the window's regions in reading order (header, tray, list, detail…); none: the whole window
     */
    public static FocusWalk tab(FxRobot robot, Window window, int max, Node... regions) {
        FocusWalk walk = new FocusWalk();
        Scene scene = window.getScene();
        Fx.run(() -> {
            window.requestFocus();
            scene.getRoot().requestFocus();
        });
        WritableImage focusedLook = null;
        Stop previous = null;
        for (int i = 0; i < max; i++) {
            robot.push(KeyCode.TAB);
            Node owner = Fx.call(scene::getFocusOwner);
            if (owner == null || walk.stops.stream().anyMatch(s -> s.node() == owner)) {
                if (previous != null) {
                    walk.checkLooksFocused(previous, focusedLook);
                }
                break;
            }
            if (previous != null) {
                walk.checkLooksFocused(previous, focusedLook);
            }
            Stop stop = Fx.call(() -> new Stop(owner, AccessibilityAudit.pathOf(owner),
                    owner.localToScene(owner.getLayoutBounds()), regionOf(owner, regions)));
            walk.stops.add(stop);
            Fx.run(() -> walk.checkVisible(stop, scene));
            focusedLook = Fx.call(() -> owner.snapshot(null, null));
            previous = stop;
        }
        walk.checkOrder(regions.length);
        return walk;
    }

    /**
     * Whether the node that has the focus now is shown (in the window, its scroll pane's viewport; in a list or table,
     * its focused row): what is wrong, one line each. Run it on the FX thread.
     */
    public static List<String> focusOwnerShown(Scene scene) {
        Node owner = scene.getFocusOwner();
        if (owner == null) {
            return List.of("nothing has the focus");
        }
        FocusWalk walk = new FocusWalk();
        walk.checkVisible(new Stop(owner, AccessibilityAudit.pathOf(owner), owner.localToScene(owner.getLayoutBounds()),
                0), scene);
        return walk.problems();
    }

    public List<Stop> stops() {
        return List.copyOf(stops);
    }

    /** What is wrong, one line each; empty when the order, the visibility and the focus ring are right. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** The stops and the problems, for a failure message. */
    public String report() {
        StringBuilder b = new StringBuilder("focus stops:\n");
        stops.forEach(s -> b.append("  ").append(s).append(" [region ").append(s.region()).append("]\n"));
        b.append(problems.size()).append(" problem(s):\n");
        problems.forEach(p -> b.append("  ").append(p).append('\n'));
        return b.toString();
    }

    private static int regionOf(Node node, Node[] regions) {
        for (Node at = node; at != null; at = at.getParent()) {
            for (int r = 0; r < regions.length; r++) {
                if (regions[r] == at) {
                    return r;
                }
            }
        }
        return regions.length == 0 ? 0 : -1;
    }

    private void checkOrder(int regionCount) {
        for (int i = 1; i < stops.size(); i++) {
            Stop a = stops.get(i - 1);
            Stop b = stops.get(i);
            if (regionCount > 0 && (a.region() < 0 || b.region() < 0)) {
                continue; // outside the named regions (an overlay): no order to keep
            }
            if (b.region() < a.region()) {
                problems.add("region " + b.region() + " comes after region " + a.region() + ": " + a + " then " + b);
            } else if (b.region() == a.region() && !readsAfter(a.bounds(), b.bounds())) {
                problems.add("out of reading order: " + a + " then " + b);
            }
        }
    }

    /** Whether b comes after a when reading: lower down, or on the same line and further right. */
    private static boolean readsAfter(Bounds a, Bounds b) {
        boolean sameLine = b.getMinY() < a.getMaxY() - SLACK && a.getMinY() < b.getMaxY() - SLACK;
        return sameLine ? b.getMinX() >= a.getMinX() - SLACK : b.getMinY() >= a.getMinY() - SLACK;
    }

    /** In the window, inside every scroll pane's viewport and clip around it; in a list, its focused row shown. */
    private void checkVisible(Stop stop, Scene scene) {
        Node node = stop.node();
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible() || at.getOpacity() == 0) {
                problems.add("not visible: " + stop);
                return;
            }
        }
        Bounds b = stop.bounds();
        if (b.getWidth() < 1 || b.getHeight() < 1 || b.getMinX() < -SLACK || b.getMinY() < -SLACK
                || b.getMaxX() > scene.getWidth() + SLACK || b.getMaxY() > scene.getHeight() + SLACK) {
            problems.add("outside the window: " + stop);
            return;
        }
        for (Parent p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane sp) {
                Node viewport = sp.lookup(".viewport");
                if (viewport != null && !contains(viewport.localToScene(viewport.getLayoutBounds()), b)) {
                    problems.add("outside its scroll pane's viewport: " + stop);
                }
            }
            // a list's rows are clipped to what it shows: a row's button below that is there, but not seen
            if (p.getClip() != null && !contains(p.localToScene(p.getClip().getBoundsInParent()), b)) {
                problems.add("clipped (not scrolled into view): " + stop);
            }
        }
        int focused = node instanceof ListView<?> l ? l.getFocusModel().getFocusedIndex()
                : node instanceof TableView<?> t ? t.getFocusModel().getFocusedIndex() : -2;
        int rows = node instanceof ListView<?> l ? l.getItems().size()
                : node instanceof TableView<?> t ? t.getItems().size() : 0;
        if (focused == -2 || rows == 0) {
            return;
        }
        if (focused < 0) {
            problems.add("a list with rows, and none of them focused: " + stop);
            return;
        }
        Node flow = ((Parent) node).lookup(".clipped-container");
        Bounds shown = flow == null ? b : flow.localToScene(flow.getLayoutBounds());
        IndexedCell<?> cell = focusedCell(node, focused);
        if (cell == null || !cell.isVisible() || !contains(shown, cell.localToScene(cell.getLayoutBounds()))) {
            problems.add("its focused row " + focused + " is not scrolled into view: " + stop);
        }
    }

    private static IndexedCell<?> focusedCell(Node list, int index) {
        for (Node n : list.lookupAll(".indexed-cell")) {
            if (n instanceof IndexedCell<?> c && c.getIndex() == index && c.isVisible()
                    && (list instanceof ListView<?> || n instanceof javafx.scene.control.TableRow<?>)) {
                return c;
            }
        }
        return null;
    }

    /** A stop must look different while it has the focus than after the focus left it. */
    private void checkLooksFocused(Stop stop, WritableImage focusedLook) {
        WritableImage now = Fx.call(() -> stop.node().snapshot(null, null));
        if (focusedLook != null && same(focusedLook, now)) {
            problems.add("no focus indicator (it looks the same with and without the focus): " + stop);
        }
    }

    private static boolean same(Image a, Image b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return false;
        }
        PixelReader ra = a.getPixelReader();
        PixelReader rb = b.getPixelReader();
        for (int y = 0; y < (int) a.getHeight(); y++) {
            for (int x = 0; x < (int) a.getWidth(); x++) {
                if (ra.getArgb(x, y) != rb.getArgb(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean contains(Bounds outer, Bounds inner) {
        return inner.getMinX() >= outer.getMinX() - SLACK && inner.getMinY() >= outer.getMinY() - SLACK
                && inner.getMaxX() <= outer.getMaxX() + SLACK && inner.getMaxY() <= outer.getMaxY() + SLACK;
    }
}
