package io.huddle.settings;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a settings file from where earlier versions kept it (the data directory) to its place now (the
 * configuration directory), once. The copy is written beside its target, forced to disk and renamed into place
 * atomically, and only then is the old file deleted: a crash at any point leaves one whole file to read.
 * Nothing moves when the new file already exists, so settings saved there are never overwritten.
 */
public final class SettingsMove {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsMove.class);

    private SettingsMove() {
    }

    /** The file to use: {@code now}, after moving {@code old} there if needed; {@code old} if that failed (logged). */
    public static Path moveOnce(Path old, Path now) {
        if (Files.exists(now) || !Files.exists(old)) {
            return now;
        }
        try {
            Files.createDirectories(now.getParent());
            Path tmp = Files.createTempFile(now.getParent(), now.getFileName().toString(), ".moving");
            try {
                Files.copy(old, tmp, StandardCopyOption.REPLACE_EXISTING);
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
                rename(tmp, now);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (FileAlreadyExistsException e) {
            if (Files.isRegularFile(now)) {
                LOG.info("settings {} appeared while moving {} there; keeping them", now, old);
                return now;
            }
            LOG.warn("settings {} could not be moved to {}; reading them where they are: {}", old, now, e.toString());
            return old;
        } catch (IOException e) {
            LOG.warn("settings {} could not be moved to {}; reading them where they are: {}", old, now, e.toString());
            return old;
        }
        try {
            Files.delete(old);
        } catch (IOException e) {
            LOG.warn("settings were moved to {} but the old file {} could not be deleted: {}", now, old, e.toString());
        }
        LOG.info("settings moved from {} to {}", old, now);
        return now;
    }

    /** Atomic where the file system can (two apps moving at once write the same bytes); else never over a file. */
    private static void rename(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }
}
