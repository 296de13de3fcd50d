package io.huddle.settings;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.huddle.protocol.Json;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads and saves {@link UserSettings} as JSON. A save goes to a temporary file first and is then moved
 * over the old one atomically, so a crash mid-save never leaves a half-written file.
 */
public final class SettingsFile {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsFile.class);
    private final Path file;
    /** Made at the first read or write: making one is a noticeable part of a desktop app's start. */
    private ObjectMapper json;

    public SettingsFile(Path file) {
        this.file = file;
    }

    public Path path() {
        return file;
    }

    /** The saved settings, or the defaults when there are none or the file cannot be read (logged). */
    private synchronized ObjectMapper json() {
        if (json == null) {
            json = Json.newMapper();
        }
        return json;
    }

    public UserSettings load() {
        if (!Files.exists(file)) {
            return UserSettings.defaults();
        }
        try {
            return json().readValue(file.toFile(), UserSettings.class);
        } catch (IOException e) {
            LOG.warn("settings file {} could not be read; using defaults: {}", file, e.getMessage());
            return UserSettings.defaults();
        }
    }

    public void save(UserSettings settings) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            json().writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), settings);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
