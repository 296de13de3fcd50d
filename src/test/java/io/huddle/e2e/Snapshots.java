package io.huddle.e2e;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.robot.Robot;
import javafx.stage.Screen;
import javax.imageio.ImageIO;

/**
 * Saves what a window shows as PNG files under {@code target/screenshots/}: a scene or a node rendered by
 * JavaFX, or the whole screen as the display shows it (with every window and popup on it). The image is
 * copied into a {@link BufferedImage} pixel by pixel (no javafx-swing).
 */
public final class Snapshots {
    private final Path dir;
    private final List<Path> saved = new ArrayList<>();

    public Snapshots(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** target/screenshots of the project the tests run in. */
    public static Snapshots inTarget() {
        return new Snapshots(Path.of(System.getProperty("basedir", ".")).resolve("target").resolve("screenshots"));
    }

    public Path scene(Scene scene, String name) {
        return write(Fx.call(() -> scene.snapshot(null)), name);
    }

    public Path node(Node node, String name) {
        return write(Fx.call(() -> node.snapshot(null, null)), name);
    }

    /** The primary screen as displayed (real windows only: under Monocle this is blank). */
    public Path screen(String name) {
        return write(Fx.call(() -> {
            Rectangle2D b = Screen.getPrimary().getBounds();
            return new Robot().getScreenCapture(null, b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight(), false);
        }), name);
    }

    /** A part of the primary screen as displayed (real windows only). */
    public Path screen(String name, double x, double y, double width, double height) {
        return write(Fx.call(() -> new Robot().getScreenCapture(null, x, y, width, height, false)), name);
    }

    public List<Path> saved() {
        return List.copyOf(saved);
    }

    private Path write(WritableImage image, String name) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader reader = image.getPixelReader();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            reader.getPixels(0, y, w, 1, PixelFormat.getIntArgbInstance(), row, 0, w);
            out.setRGB(0, y, w, 1, row, 0, w);
        }
        Path file = dir.resolve(name + ".png");
        try {
            ImageIO.write(out, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
        saved.add(file);
        return file;
    }
}
