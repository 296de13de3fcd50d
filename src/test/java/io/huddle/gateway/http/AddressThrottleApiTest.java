package io.huddle.gateway.http;

import static io.huddle.gateway.http.Api.V1;
import static io.huddle.gateway.http.Api.body;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One address trying name after name is refused with 429, even for a right password, for the rest of the minute. */
class AddressThrottleApiTest {
    static final int ADDRESS_LIMIT = 30; // SignInThrottle.MAX_ADDRESS_FAILURES, as the API shows it

    @TempDir
    Path dir;
    Api api;

    @BeforeEach
    void start() {
        api = Api.start(dir);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void manyUserNamesFromOneAddressAnswer429() {
        for (int i = 0; i < ADDRESS_LIMIT; i++) {
            api.post(V1 + "/sessions", null, body("tenant", "acme", "username", "guess-" + i, "password", "x"))
                    .expectError(401, "unauthorized", "unknown tenant, user name or password");
        }
        api.post(V1 + "/sessions", null, body("tenant", "acme", "username", "guess-next", "password", "x"))
                .expectError(429, "rate_limited", "too many failed sign-ins from this address");
        api.post(V1 + "/sessions", null, body("tenant", "globex", "username", "agent1", "password", "demo"))
                .expectError(429, "rate_limited", "from this address");
    }
}
