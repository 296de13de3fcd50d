package io.huddle.gateway.ops;

import io.huddle.gateway.store.GatewayStore;
import io.huddle.gateway.store.SchemaVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Whether the gateway can serve: its store answers a read and its schema is the one this build writes. */
public final class Readiness {
    private static final Logger LOG = LoggerFactory.getLogger(Readiness.class);

    private final GatewayStore store;

    public Readiness(GatewayStore store) {
        this.store = store;
    }

    /** Ready or not, and why, in words for the person who reads the probe's answer. */
    public record Check(boolean ready, String detail) {
    }

    public Check check() {
        SchemaVersion schema;
        try {
            schema = store.schemaVersion();
        } catch (RuntimeException e) {
            LOG.warn("not ready: the store does not answer", e);
            return new Check(false, "the store does not answer");
        }
        if (!schema.isLatest()) {
            return new Check(false, "the store's schema is at version " + schema.current() + " of "
                    + schema.latest());
        }
        return new Check(true, "the store answers; schema version " + schema.current());
    }
}
