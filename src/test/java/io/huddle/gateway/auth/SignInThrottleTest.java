package io.huddle.gateway.auth;

import io.huddle.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huddle.domain.DomainException;
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

/** The failure tracking behind 429 stays bounded whatever names are sent, and still holds back a guessed name. */
class SignInThrottleTest {
    static final int CAP = 50;

    @TempDir
    Path dir;
    SqliteGatewayStore store;
    MutableClock clock = new MutableClock(Instant.parse("2025-03-01T09:00:00Z"));
    AuthService auth;

    @BeforeEach
    void open() {
        store = SqliteGatewayStore.open(dir.resolve("gateway.db"));
        PasswordHasher hasher = new PasswordHasher(1_000);
        for (String name : new String[] {"sue", "bob"}) {
            store.saveUser(new User("acme:" + name, "acme", "support", name, name, Set.of(Role.AWA_AGENT)),
                    hasher.hash("pw".toCharArray()));
        }
        auth = new AuthService(store, hasher, clock, CAP);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void fails(String username, String password) {
        assertThatThrownBy(() -> auth.signIn("acme", username, password)).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).kind()).isEqualTo(DomainException.Kind.UNAUTHORIZED);
    }

    private void isThrottled(String username, String password) {
        assertThatThrownBy(() -> auth.signIn("acme", username, password)).isInstanceOf(DomainException.class)
                .hasMessageContaining("too many failed sign-ins")
                .extracting(e -> ((DomainException) e).kind()).isEqualTo(DomainException.Kind.RATE_LIMITED);
    }

    private void floodOfMadeUpNames(int count) {
        for (int i = 0; i < count; i++) {
            fails("nobody-" + i + "-" + "x".repeat(1_000), "guess");
        }
    }

    @Test
    void aFloodOfDistinctMadeUpNamesKeepsAtMostTheCap() {
        floodOfMadeUpNames(CAP * 10);
        assertThat(auth.throttledNames()).isLessThanOrEqualTo(CAP);
    }

    @Test
    void aNameIsForgottenOnceItsNewestFailureIsAMinuteOld() {
        floodOfMadeUpNames(10);
        fails("sue", "wrong");
        assertThat(auth.throttledNames()).isEqualTo(11);
        clock.advance(Duration.ofSeconds(30));
        fails("sue", "wrong");
        clock.advance(Duration.ofSeconds(31));
        assertThat(auth.throttledNames()).as("only sue, failed 31 s ago").isEqualTo(1);
        clock.advance(Duration.ofSeconds(30));
        assertThat(auth.throttledNames()).isZero();
    }

    @Test
    void afterAFloodOneUsersSixthAttemptInAMinuteIsStillRefusedAndOthersAreNot() {
        floodOfMadeUpNames(CAP * 10);
        for (int i = 0; i < SignInThrottle.MAX_FAILURES; i++) {
            fails("sue", "guess" + i);
        }
        isThrottled("sue", "pw");
        floodOfMadeUpNames(CAP * 10);
        isThrottled("sue", "pw");
        assertThat(auth.signIn("acme", "bob", "pw").user().id()).isEqualTo("acme:bob");
    }

    @Test
    void namesAtTheLimitAreNeverEvictedForRoomOnlyForgottenWithTheirMinute() {
        int locked = CAP + 5;
        for (int n = 0; n < locked; n++) {
            for (int i = 0; i < SignInThrottle.MAX_FAILURES; i++) {
                fails("target-" + n, "guess");
            }
        }
        floodOfMadeUpNames(CAP * 10);
        for (int n = 0; n < locked; n++) {
            isThrottled("target-" + n, "guess");
        }
        assertThat(auth.throttledNames()).isLessThanOrEqualTo(locked + CAP);
        clock.advance(SignInThrottle.WINDOW.plusMillis(1));
        assertThat(auth.throttledNames()).isZero();
    }

    @Test
    void theWindowSlides() {
        for (int i = 0; i < SignInThrottle.MAX_FAILURES - 1; i++) {
            fails("sue", "wrong");
        }
        clock.advance(Duration.ofSeconds(30));
        fails("sue", "wrong");
        isThrottled("sue", "pw");
        clock.advance(Duration.ofSeconds(31)); // the first four have left the minute, the fifth has not
        fails("sue", "wrong");
        for (int i = 0; i < SignInThrottle.MAX_FAILURES - 2; i++) {
            fails("sue", "wrong");
        }
        isThrottled("sue", "pw");
    }

    @Test
    void anUnknownNameAndAWrongPasswordAreRefusedAlikeAndASuccessClearsTheCount() {
        fails("nobody", "pw");
        fails("sue", "wrong");
        for (int i = 0; i < SignInThrottle.MAX_FAILURES - 2; i++) {
            fails("sue", "wrong");
        }
        assertThat(auth.signIn("acme", "sue", "pw").user().id()).isEqualTo("acme:sue");
        assertThat(auth.throttledNames()).isEqualTo(1);
        for (int i = 0; i < SignInThrottle.MAX_FAILURES; i++) {
            fails("sue", "wrong");
        }
        isThrottled("sue", "pw");
    }

    private void failsFrom(String address, String username) {
        assertThatThrownBy(() -> auth.signIn("acme", username, "guess", address)).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).kind()).isEqualTo(DomainException.Kind.UNAUTHORIZED);
    }

    private void isThrottledFrom(String address, String username, String password) {
        assertThatThrownBy(() -> auth.signIn("acme", username, password, address))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("too many failed sign-ins from this address")
                .extracting(e -> ((DomainException) e).kind()).isEqualTo(DomainException.Kind.RATE_LIMITED);
    }

    @Test
    void manyNamesTriedFromOneAddressAreRefusedThereAndNowhereElseForAMinute() {
        for (int i = 0; i < SignInThrottle.MAX_ADDRESS_FAILURES; i++) {
            failsFrom("10.0.0.1", "name-" + i);
        }
        isThrottledFrom("10.0.0.1", "sue", "pw");
        isThrottledFrom("10.0.0.1", "name-new", "guess");
        assertThat(auth.signIn("acme", "sue", "pw", "10.0.0.2").user().id()).isEqualTo("acme:sue");
        assertThat(auth.signIn("acme", "bob", "pw").user().id()).as("no address: by name only").isEqualTo("acme:bob");
        clock.advance(SignInThrottle.WINDOW.plusMillis(1));
        assertThat(auth.signIn("acme", "sue", "pw", "10.0.0.1").user().id()).isEqualTo("acme:sue");
    }

    @Test
    void successesFromAnAddressNeitherCountNorWipeItsFailures() {
        for (int i = 0; i < SignInThrottle.MAX_ADDRESS_FAILURES - 1; i++) {
            failsFrom("10.0.0.1", "name-" + i);
        }
        for (int i = 0; i < SignInThrottle.MAX_ADDRESS_FAILURES * 2; i++) {
            assertThat(auth.signIn("acme", i % 2 == 0 ? "sue" : "bob", "pw", "10.0.0.1").user()).isNotNull();
        }
        failsFrom("10.0.0.1", "one-more");
        isThrottledFrom("10.0.0.1", "bob", "pw");
    }
}
