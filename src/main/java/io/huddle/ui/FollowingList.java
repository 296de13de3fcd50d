package io.huddle.ui;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.ListView;

/**
 * A list that shows its newest item whenever one is added (a live transcript, the supervisor's whispers).
 * Its lines wrap, so they differ in height, and a list only knows a new line's height once it has laid it
 * out: this one scrolls after its layout, so the newest line is shown whole, not cut off at the bottom.
 *
 * @param <T> the items
 */
public final class FollowingList<T> extends ListView<T> {
    private boolean follow;

    public FollowingList(ObservableList<T> items) {
        super(items);
        items.addListener((ListChangeListener<T>) c -> {
            follow = true;
            requestLayout();
        });
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (follow) {
            follow = false;
            scrollTo(Math.max(0, getItems().size() - 1));
        }
    }
}
