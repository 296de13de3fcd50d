package io.huddle.simulator;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated contacts between runs: a JSON file written whole to a temporary file and moved into place,
 * so a crash leaves the last complete list. No file (or no path) is an empty floor.
 */
final class SimulatorState {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatorState.class);

    private final ObjectMapper json;
    private final Path file;
    private List<SimulatedFloor.Call> saved = List.of();

    SimulatorState(ObjectMapper json, Path file) {
        this.json = json;
        this.file = file;
    }

    List<SimulatedFloor.Call> load() {
        if (file == null || !Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            saved = json.readValue(file.toFile(), new TypeReference<List<SimulatedFloor.Call>>() { });
            return saved;
        } catch (IOException e) {
            LOG.warn("the simulation's state {} cannot be read; it starts afresh: {}", file, e.getMessage());
            return List.of();
        }
    }

    /** Writes the contacts when they changed since the last save. */
    void save(List<SimulatedFloor.Call> calls) {
        if (file == null || calls.equals(saved)) {
            return;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            json.writeValue(tmp.toFile(), calls);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            saved = List.copyOf(calls);
        } catch (IOException e) {
            LOG.warn("the simulation's state could not be saved to {}: {}", file, e.getMessage());
        }
    }
}
