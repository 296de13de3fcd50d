package io.huddle.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huddle.domain.DomainException;
import io.huddle.domain.Role;
import io.huddle.domain.User;
import io.huddle.gateway.store.SqliteGatewayStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthServiceTest {
    static final User SUE = new User("acme:sue", "acme", "support", "sue", "Sue", Set.of(Role.AWA_AGENT));

    @TempDir
    Path dir;
    SqliteGatewayStore store;
    PasswordHasher hasher = new PasswordHasher(1_000);
    AuthService auth;

    @BeforeEach
    void open() {
        store = SqliteGatewayStore.open(dir.resolve("gateway.db"));
        auth = new AuthService(store, hasher, new MutableClock(Instant.parse("2025-03-01T09:00:00Z")));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private User withRoles(Set<Role> roles) {
        return new User(SUE.id(), SUE.tenant(), SUE.domain(), SUE.username(), SUE.displayName(), roles);
    }

    @Test
    void aUserWithNoRoleMayNotSignInEvenWithTheRightPassword() {
        store.saveUser(withRoles(Set.of()), hasher.hash("pw".toCharArray()));
        assertThatThrownBy(() -> auth.signIn("acme", "sue", "pw")).isInstanceOf(DomainException.class)
                .hasMessageContaining("no role")
                .extracting(e -> ((DomainException) e).kind()).isEqualTo(DomainException.Kind.FORBIDDEN);
        assertThatThrownBy(() -> auth.signIn("acme", "sue", "wrong")).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).kind()).isEqualTo(DomainException.Kind.UNAUTHORIZED);
    }

    @Test
    void aTokenStopsWorkingOnceItsUserHasNoRoleLeft() {
        String hash = hasher.hash("pw".toCharArray());
        store.saveUser(SUE, hash);
        String token = auth.signIn("acme", "sue", "pw").token();
        assertThat(auth.authenticate(token)).contains(SUE);

        store.saveUser(withRoles(Set.of()), hash);
        assertThat(auth.authenticate(token)).isEmpty();
        store.saveUser(SUE, hash);
        assertThat(auth.authenticate(token)).contains(SUE);
    }
}
