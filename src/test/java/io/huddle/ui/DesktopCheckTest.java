package io.huddle.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the desktop check asks of a machine before JavaFX starts. */
class DesktopCheckTest {
    @TempDir
    Path libs;

    @Test
    void linuxNeedsADisplayOfEitherKindAndGtk3() throws Exception {
        Files.createFile(libs.resolve(DesktopCheck.GTK3));
        List<Path> withGtk = List.of(Path.of("/nowhere"), libs);
        assertThat(new DesktopCheck("Linux", Map.of(), withGtk).missing()).get().asString()
                .startsWith("Huddle needs a desktop: no display found");
        assertThat(new DesktopCheck("Linux", Map.of("DISPLAY", " "), withGtk).missing()).isPresent();
        assertThat(new DesktopCheck("Linux", Map.of("DISPLAY", ":0"), withGtk).missing()).isEmpty();
        assertThat(new DesktopCheck("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0"), withGtk).missing()).isEmpty();
        assertThat(new DesktopCheck("Linux", Map.of("DISPLAY", ":0"), List.of(Path.of("/nowhere"))).missing())
                .get().asString().contains("install the package libgtk-3-0");
    }

    @Test
    void windowsAndMacosAlwaysHaveTheirDesktop() {
        assertThat(new DesktopCheck("Windows 11", Map.of(), List.of()).missing()).isEmpty();
        assertThat(new DesktopCheck("Mac OS X", Map.of(), List.of()).missing()).isEmpty();
    }
}
