package io.huddle.console;

import io.huddle.domain.Controls;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One call control as the gateway last described it: on, or off with the reason shown to the person. */
public final class ControlState {
    private final ReadOnlyBooleanWrapper enabled = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper reason = new ReadOnlyStringWrapper("select an interaction");

    void set(Controls.Control control) {
        enabled.set(control.enabled());
        reason.set(control.reason());
    }

    void off(String why) {
        enabled.set(false);
        reason.set(why);
    }

    public ReadOnlyBooleanProperty enabled() {
        return enabled.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty reason() {
        return reason.getReadOnlyProperty();
    }
}
