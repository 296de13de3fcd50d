package io.huddle.gateway.store;

/** The schema version a database is at, and the latest this build migrates to. */
public record SchemaVersion(int current, int latest) {
    public boolean isLatest() {
        return current == latest;
    }
}
