package io.huddle.gateway.auth;

import io.huddle.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

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
    void aHashMadeAtAnotherWorkFactorIsStoredAgainAtTheGatewaysAfterTheRightPasswordOnly() {
        String old = new PasswordHasher(2_000).hash("pw".toCharArray());
        store.saveUser(SUE, old);

        assertThatThrownBy(() -> auth.signIn("acme", "sue", "wrong")).isInstanceOf(DomainException.class);
        assertThat(store.passwordHash(SUE.id())).contains(old);

        auth.signIn("acme", "sue", "pw");
        String now = store.passwordHash(SUE.id()).orElseThrow();
        assertThat(now).isNotEqualTo(old).startsWith("pbkdf2-sha256$1000$");
        assertThat(hasher.verify("pw".toCharArray(), now)).isTrue();

        auth.signIn("acme", "sue", "pw");
        assertThat(store.passwordHash(SUE.id())).as("already at the gateway's work factor: left alone").contains(now);
    }

    @Test
    void replacingAHashTakesOnlyWhileTheStoredOneIsStillTheExpectedOne() {
        String first = hasher.hash("pw".toCharArray());
        String changed = hasher.hash("new".toCharArray());
        store.saveUser(SUE, first);
        store.saveUser(SUE, changed); // the password was changed meanwhile

        assertThat(store.replacePasswordHash(SUE.id(), first, hasher.hash("pw".toCharArray()))).isFalse();
        assertThat(store.passwordHash(SUE.id())).contains(changed);
        assertThat(store.replacePasswordHash(SUE.id(), changed, first)).isTrue();
        assertThat(store.passwordHash(SUE.id())).contains(first);
    }

    @Test
    void aDisabledUserMayNotSignInAndItsOpenSessionsEndAtOnce() {
        String hash = hasher.hash("pw".toCharArray());
        store.saveUser(SUE, hash);
        String first = auth.signIn("acme", "sue", "pw").token();
        String second = auth.signIn("acme", "sue", "pw").token();
        java.util.List<String> ended = new java.util.concurrent.CopyOnWriteArrayList<>();
        auth.onSignOut(ended::add);

        store.saveUser(SUE.withActive(false), hash);
        assertThat(auth.authenticate(first)).isEmpty();
        assertThat(auth.endSessionsOf(SUE.id())).isEqualTo(2);
        assertThat(ended).containsExactlyInAnyOrder(AuthService.digest(first), AuthService.digest(second));
        assertThatThrownBy(() -> auth.signIn("acme", "sue", "pw")).isInstanceOf(DomainException.class)
                .hasMessageContaining("disabled")
                .extracting(e -> ((DomainException) e).kind()).isEqualTo(DomainException.Kind.FORBIDDEN);
        assertThatThrownBy(() -> auth.signIn("acme", "sue", "wrong")).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).kind()).isEqualTo(DomainException.Kind.UNAUTHORIZED);

        store.saveUser(SUE, hash); // enabled again: the old tokens stay ended
        assertThat(auth.authenticate(first)).isEmpty();
        assertThat(auth.authenticate(auth.signIn("acme", "sue", "pw").token())).contains(SUE);
    }

    @Test
    void aTenantThatTurnedPasswordsOffRefusesThemToAllButItsAdmins() {
        String hash = hasher.hash("pw".toCharArray());
        store.saveUser(SUE, hash);
        User boss = new User("acme:boss", "acme", "support", "boss", "Boss", Set.of(Role.ADMIN));
        store.saveUser(boss, hash);
        assertThat(auth.signIn("acme", "sue", "pw").token()).isNotBlank();

        store.saveIdentitySettings(new io.huddle.domain.IdentitySettings("acme", false,
                new io.huddle.domain.OidcProvider("Okta", "https://acme.okta.test", "huddle", null, null, null, null,
                        null), false, java.util.List.of()), null);
        assertThatThrownBy(() -> auth.signIn("acme", "sue", "pw")).isInstanceOf(DomainException.class)
                .hasMessageContaining("signs in with Okta")
                .extracting(e -> ((DomainException) e).kind()).isEqualTo(DomainException.Kind.FORBIDDEN);
        assertThatThrownBy(() -> auth.signIn("acme", "sue", "wrong")).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).kind()).isEqualTo(DomainException.Kind.UNAUTHORIZED);
        assertThat(auth.signIn("acme", "boss", "pw").user()).isEqualTo(boss);
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

    @Test
    void aStreamsSignInEndsOnceItsUserHasNoRoleLeft() {
        String hash = hasher.hash("pw".toCharArray());
        store.saveUser(SUE, hash);
        String digest = AuthService.digest(auth.signIn("acme", "sue", "pw").token());
        assertThat(auth.isValidDigest(digest)).isTrue();

        store.saveUser(withRoles(Set.of()), hash);
        assertThat(auth.isValidDigest(digest)).as("the stream hub's ticker closes the stream with 4001").isFalse();
        store.saveUser(SUE, hash);
        assertThat(auth.isValidDigest(digest)).isTrue();
        assertThat(auth.isValidDigest(AuthService.digest("never-issued"))).isFalse();
        assertThat(auth.isValidDigest(null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"pbkdf2-sha256$lots$c2FsdHNhbHRzYWx0c2FsdA$c2VjcmV0LWtleS1tYXRlcmlhbC0xMjM0NTY3ODkwMTI",
        "pbkdf2-sha256$-1$c2FsdHNhbHRzYWx0c2FsdA$c2VjcmV0LWtleS1tYXRlcmlhbC0xMjM0NTY3ODkwMTI",
        "pbkdf2-sha256$1000$not*base64$c2VjcmV0LWtleS1tYXRlcmlhbC0xMjM0NTY3ODkwMTI",
        "pbkdf2-sha256$1000$$c2VjcmV0LWtleS1tYXRlcmlhbC0xMjM0NTY3ODkwMTI",
        "pbkdf2-sha256$10000001$c2FsdHNhbHRzYWx0c2FsdA$c2VjcmV0LWtleS1tYXRlcmlhbC0xMjM0NTY3ODkwMTI"})
    void aMalformedStoredHashIsAFailedSignInLoggedOnceWithoutSecrets(String stored) {
        store.saveUser(SUE, stored);
        Logger logger = (Logger) LoggerFactory.getLogger(AuthService.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            assertThatThrownBy(() -> auth.signIn("acme", "sue", "pw-typed-in")).isInstanceOf(DomainException.class)
                    .hasMessage("unknown tenant, user name or password")
                    .extracting(e -> ((DomainException) e).kind()).isEqualTo(DomainException.Kind.UNAUTHORIZED);
        } finally {
            logger.detachAppender(log);
        }
        assertThat(log.list).hasSize(1);
        ILoggingEvent warn = log.list.get(0);
        assertThat(warn.getLevel()).isEqualTo(Level.WARN);
        assertThat(warn.getThrowableProxy()).isNull();
        assertThat(warn.getFormattedMessage()).contains("'sue'", "'acme'", "stored password hash")
                .doesNotContain("pw-typed-in", "c2FsdHNhbHRzYWx0c2FsdA", "c2VjcmV0LWtleS1tYXRlcmlhbC0xMjM0NTY3ODkwMTI",
                        "not*base64", "lots", "10000001");
    }

    @Test
    void aMalformedStoredHashCountsAsAFailureForTheThrottle() {
        store.saveUser(SUE, "pbkdf2-sha256$oops$AAAA$AAAA");
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> auth.signIn("acme", "sue", "pw")).isInstanceOf(DomainException.class)
                    .extracting(e -> ((DomainException) e).kind()).isEqualTo(DomainException.Kind.UNAUTHORIZED);
        }
        assertThatThrownBy(() -> auth.signIn("acme", "sue", "pw")).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).kind()).isEqualTo(DomainException.Kind.RATE_LIMITED);
    }

    @Test
    void aNewPasswordHashMendsTheUser() {
        store.saveUser(SUE, "pbkdf2-sha256$oops$AAAA$AAAA");
        assertThatThrownBy(() -> auth.signIn("acme", "sue", "pw")).isInstanceOf(DomainException.class);
        store.saveUser(SUE, hasher.hash("pw".toCharArray()));
        assertThat(auth.signIn("acme", "sue", "pw").user()).isEqualTo(SUE);
    }

    /** Writes the users.roles column as a newer gateway (or a hand edit) might. */
    private void storeRoleNames(String json) throws java.sql.SQLException {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + store.file());
             java.sql.PreparedStatement ps = c.prepareStatement("UPDATE users SET roles = ? WHERE id = ?")) {
            ps.setString(1, json);
            ps.setString(2, SUE.id());
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void aRoleNameThisGatewayDoesNotKnowIsIgnoredWithOneWarningNamingUserAndRole() throws Exception {
        store.saveUser(SUE, hasher.hash("pw".toCharArray()));
        storeRoleNames("[\"AWA_AGENT\",\"TEAM_LEAD\"]");
        Logger logger = (Logger) LoggerFactory.getLogger("io.huddle.gateway.store.StoredRoles");
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            String token = auth.signIn("acme", "sue", "pw").token();
            assertThat(auth.authenticate(token)).contains(SUE);
            assertThat(auth.signIn("acme", "sue", "pw").user().roles()).containsExactly(Role.AWA_AGENT);
        } finally {
            logger.detachAppender(log);
        }
        assertThat(log.list).as("said once, not at every look-up").hasSize(1);
        assertThat(log.list.get(0).getLevel()).isEqualTo(Level.WARN);
        assertThat(log.list.get(0).getFormattedMessage()).contains("'acme:sue'", "'TEAM_LEAD'");
    }

    @Test
    void aUserWithOnlyUnknownRoleNamesIsAUserWithNoRole() throws Exception {
        store.saveUser(SUE, hasher.hash("pw".toCharArray()));
        String token = auth.signIn("acme", "sue", "pw").token();
        storeRoleNames("[\"TEAM_LEAD\"]");
        assertThatThrownBy(() -> auth.signIn("acme", "sue", "pw")).isInstanceOf(DomainException.class)
                .hasMessageContaining("no role")
                .extracting(e -> ((DomainException) e).kind()).isEqualTo(DomainException.Kind.FORBIDDEN);
        assertThat(auth.authenticate(token)).as("a token of a user with no known role stops working").isEmpty();
    }
}
