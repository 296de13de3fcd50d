package io.huddle.gateway.auth;

import io.huddle.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.domain.Role;
import io.huddle.domain.User;
import io.huddle.gateway.store.SqliteGatewayStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionPurgeTest {
    static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");

    @TempDir
    Path dir;
    SqliteGatewayStore store;
    MutableClock clock = new MutableClock(T0);
    AuthService auth;
    SessionPurge purge;

    @BeforeEach
    void open() {
        store = SqliteGatewayStore.open(dir.resolve("gateway.db"));
        PasswordHasher hasher = new PasswordHasher(1_000);
        store.saveUser(new User("acme:sue", "acme", "support", "sue", "Sue", Set.of(Role.AWA_MANAGER)),
                hasher.hash("pw".toCharArray()));
        auth = new AuthService(store, hasher, clock);
        purge = new SessionPurge(store, clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** Whether the row is still stored, expired or not: a lookup as of 1970. */
    private boolean stored(String token) {
        return store.sessionUser(AuthService.digest(token), Instant.EPOCH).isPresent();
    }

    @Test
    void aSessionExpiredLongerThanTheGraceIsDeletedWhileALiveOneStillAuthenticates() {
        String old = auth.signIn("acme", "sue", "pw").token();
        clock.advance(Duration.ofHours(11));
        String live = auth.signIn("acme", "sue", "pw").token();

        clock.advance(AuthService.TOKEN_LIFETIME.minusHours(11).plus(SessionPurge.GRACE)); // old expired GRACE ago
        assertThat(auth.authenticate(old)).isEmpty();
        assertThat(purge.purgeNow()).as("expired exactly the grace ago: kept").isZero();
        assertThat(stored(old)).isTrue();

        clock.advance(Duration.ofMillis(1));
        assertThat(purge.purgeNow()).isEqualTo(1);
        assertThat(stored(old)).isFalse();
        assertThat(auth.authenticate(live)).map(User::id).contains("acme:sue");
        assertThat(purge.purgeNow()).isZero();
    }

    @Test
    void aBacklogLargerThanABatchIsDeletedInOneRunAndNothingLive() {
        int expired = SessionPurge.BATCH * 2 + 7;
        for (int i = 0; i < expired; i++) {
            store.saveSession(AuthService.digest("expired-" + i), "acme:sue", T0.minusSeconds(i + 1));
        }
        String live = auth.signIn("acme", "sue", "pw").token();
        clock.advance(SessionPurge.GRACE);

        assertThat(purge.purgeNow()).isEqualTo(expired);
        assertThat(stored("expired-0")).isFalse();
        assertThat(auth.authenticate(live)).isPresent();
    }
}
