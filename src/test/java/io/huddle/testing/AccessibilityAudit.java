package io.huddle.testing;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Cell;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.TreeView;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Walks a window's scene graph and lists every interactive node a screen reader could not explain: one without an
 * accessible name, or without help text. Run it on the FX thread.
 *
 * <p>Interactive: buttons of every kind (check boxes, hyperlinks, menu buttons), text fields, combo and choice boxes,
 * date pickers, lists, tables, trees, sliders, spinners, any other control (ControlsFX's too) that takes the focus,
 * and any node of the app's that takes the focus or has a mouse handler (a card, a chart's bar). The shown rows of
 * lists and tables are checked as well (a row is read by its text, a table's cell with its column's header), and what
 * the app put inside them is walked like the rest; a list with a key or mouse handler of its own acts on its rows, so
 * its rows need help text too. Every tab's content of a tab pane is walked, shown or not.
 *
 * <p>A name is the accessible text, a {@link Labeled}'s own text, or the text of a {@link Label} whose
 * {@code labelFor} is the node; it must hold a letter ("?" is not a name). A text field's prompt is not a name: it
 * goes away as soon as one types. Help is the accessible help or a tooltip. Menu items must have a name (JavaFX gives
 * them no help text of their own).
 *
 * <p>Nodes that are not visible are skipped with what they hold: a state that shows them is walked on its own. The
 * toolkit's own skin parts (scroll bars, a split pane's dividers) are not the app's to name.
 */
public final class AccessibilityAudit {
    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    /** Where {@link Tooltip#install} keeps a node's tooltip. */
    private static final String TOOLTIP_KEY = "javafx.scene.control.Tooltip";
    private static final Set<String> TOOLKIT_STYLE_CLASSES = Set.of("root", "text-input",
            "text-field", "cell", "indexed-cell", "list-cell", "table-cell", "combo-box-base", "combo-box",
            "list-view", "table-view", "check-box", "hyperlink", "chart");

    /** One node the screen reader could not explain: where it is, what it is, and what it lacks. */
    public record Offender(String path, List<String> missing) {
        @Override
        public String toString() {
            return path + "  (no " + String.join(", no ", missing) + ")";
        }
    }

    private final Map<Node, String> labelsFor = new IdentityHashMap<>();
    private final List<Offender> offenders = new ArrayList<>();

    private AccessibilityAudit() {
    }

    /** The offenders of a window and of every showing window it owns (dialogs, context menus, drop-downs). */
    public static List<Offender> of(Window window) {
        List<Offender> all = new ArrayList<>(of(window.getScene()));
        for (Window w : Window.getWindows()) {
            if (w != window && w.isShowing() && ownedBy(w, window) && w.getScene() != null) {
                all.addAll(of(w.getScene()));
            }
        }
        return all;
    }

    public static List<Offender> of(Scene scene) {
        AccessibilityAudit audit = new AccessibilityAudit();
        audit.collectLabels(scene.getRoot());
        audit.walk(scene.getRoot(), "");
        return audit.offenders;
    }

    /** One line per offender, for a failure message. */
    public static String report(List<Offender> offenders) {
        return offenders.size() + " interactive node(s) without a name or help text:\n"
                + offenders.stream().map(o -> "  " + o).collect(Collectors.joining("\n"));
    }

    private static boolean ownedBy(Window w, Window owner) {
        for (Window at = w; at != null; at = ownerOf(at)) {
            if (at == owner) {
                return true;
            }
        }
        return false;
    }

    private static Window ownerOf(Window w) {
        if (w instanceof PopupWindow p) {
            return p.getOwnerWindow();
        }
        return w instanceof Stage s ? s.getOwner() : null;
    }

    private void collectLabels(Node node) {
        if (node instanceof Label l && l.getLabelFor() != null && hasLetters(l.getText())) {
            labelsFor.put(l.getLabelFor(), l.getText());
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(this::collectLabels);
        }
    }

    private void walk(Node node, String parentPath) {
        if (!node.isVisible()) {
            return;
        }
        if (isToolkitPart(node)) {
            descend(node, parentPath);
            return;
        }
        String path = join(parentPath, describe(node));
        if (isInteractive(node)) {
            check(node, path);
            if (node instanceof MenuButton m) {
                checkItems(m.getItems(), path);
            }
            if (node instanceof Control c && c.getContextMenu() != null) {
                checkItems(c.getContextMenu().getItems(), path + " > ContextMenu");
            }
            if (node instanceof ListView<?> || node instanceof TableView<?> || node instanceof TreeView<?>
                    || node instanceof TreeTableView<?>) {
                boolean actsOnRows = node.getOnKeyPressed() != null || node.getOnMouseClicked() != null;
                rows(node, path, actsOnRows);
            }
            if (node instanceof TabPane tabs) {
                for (Tab t : tabs.getTabs()) {
                    if (t.getContent() != null) {
                        walk(t.getContent(), path + " > Tab[" + t.getText() + "]");
                    }
                }
            }
            return; // the rest of a control's inside is the toolkit's
        }
        descend(node, identified(node) ? path : parentPath);
    }

    private void descend(Node node, String path) {
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                walk(child, path);
            }
        }
    }

    /** The shown rows of a list or table, and what the app put in them. */
    private void rows(Node node, String path, boolean actsOnRows) {
        List<IndexedCell<?>> cells = new ArrayList<>();
        findCells(node, cells);
        for (IndexedCell<?> cell : cells) {
            boolean blank = (cell.getText() == null || cell.getText().isBlank()) && cell.getGraphic() == null;
            if (cell.isEmpty() || cell.getItem() == null || blank) {
                continue; // a row or cell that shows nothing says nothing
            }
            String cellPath = path + " > " + describe(cell) + "[row " + cell.getIndex() + "]";
            boolean actionable = actsOnRows || cell.getOnMouseClicked() != null;
            checkRow(cell, cellPath, actionable);
            if (cell.getGraphic() != null) {
                walk(cell.getGraphic(), cellPath);
            }
        }
    }

    private static void findCells(Node node, List<IndexedCell<?>> into) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof IndexedCell<?> c && !(c instanceof TableRow<?>)) {
            into.add(c);
            return;
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(child -> findCells(child, into));
        }
    }

    private void checkItems(List<MenuItem> items, String path) {
        for (MenuItem item : items) {
            if (item instanceof SeparatorMenuItem || !item.isVisible()) {
                continue;
            }
            if (!hasLetters(item.getText())) {
                offenders.add(new Offender(path + " > " + item.getClass().getSimpleName()
                        + (item.getId() == null ? "" : "#" + item.getId()), List.of("name")));
            }
            if (item instanceof Menu m) {
                checkItems(m.getItems(), path + " > " + m.getText());
            }
        }
    }

    /** A row is read with its column's header, so any text names it ("3:11" under "Duration"). */
    private void checkRow(IndexedCell<?> cell, String path, boolean needsHelp) {
        boolean named = hasLetters(cell.getAccessibleText()) || cell.getText() != null && !cell.getText().isBlank();
        List<String> missing = new ArrayList<>(2);
        if (!named) {
            missing.add("name");
        }
        if (needsHelp && !hasHelp(cell)) {
            missing.add("help");
        }
        if (!missing.isEmpty()) {
            offenders.add(new Offender(path, missing));
        }
    }

    private void check(Node node, String path) {
        List<String> missing = new ArrayList<>(2);
        if (name(node) == null) {
            missing.add("name");
        }
        if (!hasHelp(node)) {
            missing.add("help");
        }
        if (!missing.isEmpty()) {
            offenders.add(new Offender(path, missing));
        }
    }

    /** What a screen reader would call the node, or null. */
    private String name(Node node) {
        if (hasLetters(node.getAccessibleText())) {
            return node.getAccessibleText();
        }
        if (node instanceof Labeled l && hasLetters(l.getText())) {
            return l.getText();
        }
        return labelsFor.get(node);
    }

    private static boolean hasHelp(Node node) {
        if (hasLetters(node.getAccessibleHelp())) {
            return true;
        }
        Tooltip tip = node instanceof Control c && c.getTooltip() != null ? c.getTooltip()
                : (Tooltip) node.getProperties().get(TOOLTIP_KEY);
        return tip != null && hasLetters(tip.getText());
    }

    static boolean isInteractive(Node node) {
        if (node instanceof Cell<?>) {
            return false; // rows are checked with their list
        }
        if (node instanceof ButtonBase || node instanceof TextInputControl || node instanceof ComboBoxBase<?>
                || node instanceof ChoiceBox<?> || node instanceof ListView<?> || node instanceof TableView<?>
                || node instanceof TreeView<?> || node instanceof TreeTableView<?> || node instanceof Slider
                || node instanceof Spinner<?> || node instanceof TabPane) {
            return true;
        }
        return node.isFocusTraversable() || node.getOnMouseClicked() != null || node.getOnMousePressed() != null
                || node.getOnMouseReleased() != null;
    }

    /** A part the toolkit's skins make (a scroll bar, a split pane's divider, a chart's legend): not the app's. */
    private static boolean isToolkitPart(Node node) {
        String name = node.getClass().getName();
        return name.startsWith("javafx.scene.control.skin.") || name.startsWith("com.sun.javafx.")
                || node instanceof javafx.scene.control.ScrollBar;
    }

    private static boolean hasLetters(String s) {
        return s != null && LETTER.matcher(s).find();
    }

    /** Where a node is: its ancestors that have an id or style class of the app's, and itself. */
    public static String pathOf(Node node) {
        String path = describe(node);
        for (Parent p = node.getParent(); p != null; p = p.getParent()) {
            if (identified(p) && !isToolkitPart(p)) {
                path = describe(p) + " > " + path;
            }
        }
        return path;
    }

    private static String join(String path, String segment) {
        return path.isEmpty() ? segment : path + " > " + segment;
    }

    /** Whether the node has an id or a style class of the app's: the path names only such ancestors. */
    private static boolean identified(Node node) {
        return node.getId() != null || node.getStyleClass().stream().anyMatch(c -> !isDefaultStyleClass(node, c));
    }

    /** "VBox#tray.tray": the type, the id and the style classes that say which node it is. */
    private static String describe(Node node) {
        Class<?> type = node.getClass();
        while (type.getSimpleName().isEmpty() || type.getName().startsWith("javafx.scene.control.skin.")) {
            type = type.getSuperclass(); // an anonymous cell of a skin: say what it is (ListCell)
        }
        StringBuilder b = new StringBuilder(type.getSimpleName());
        if (node.getId() != null) {
            b.append('#').append(node.getId());
        }
        node.getStyleClass().stream().filter(c -> !isDefaultStyleClass(node, c)).limit(3)
                .forEach(c -> b.append('.').append(c));
        if (node instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) {
            b.append("['").append(l.getText().length() > 30 ? l.getText().substring(0, 30) + "…" : l.getText())
                    .append("']");
        }
        return b.toString();
    }

    /** The toolkit's own style classes ("button" on a Button, "root", "list-cell") say nothing its type does not. */
    private static boolean isDefaultStyleClass(Node node, String styleClass) {
        return TOOLKIT_STYLE_CLASSES.contains(styleClass)
                || styleClass.replace("-", "").equalsIgnoreCase(node.getClass().getSimpleName());
    }
}
