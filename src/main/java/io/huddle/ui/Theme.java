package io.huddle.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;

/** The light and dark looks (AtlantaFX Primer) and Huddle's own stylesheet on top. */
public final class Theme {
    private static final String HUDDLE_CSS = Objects.requireNonNull(
            Theme.class.getResource("/io/huddle/ui/huddle.css"), "huddle.css is missing").toExternalForm();

    private Theme() {
    }

    /** Applies the user-agent theme for the whole application; call on the FX thread. */
    public static void apply(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    /** Adds Huddle's stylesheet to a scene. */
    public static void style(Scene scene) {
        if (!scene.getStylesheets().contains(HUDDLE_CSS)) {
            scene.getStylesheets().add(HUDDLE_CSS);
        }
    }
}
