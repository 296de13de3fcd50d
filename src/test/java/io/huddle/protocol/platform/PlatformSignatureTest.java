package io.huddle.protocol.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PlatformSignatureTest {
    private static final String SECRET = "whsec_test_secret";
    private static final byte[] BODY = "{\"events\":[]}".getBytes(StandardCharsets.UTF_8);
    private static final Instant T = Instant.ofEpochSecond(1_765_000_000L);

    @Test
    void headerMatchesAnIndependentlyComputedHmac() {
        // printf '%s' '1765000000.{"events":[]}' | openssl dgst -sha256 -hmac 'whsec_test_secret'
        assertThat(PlatformSignature.header(SECRET, T, BODY))
                .isEqualTo("t=1765000000,v1=a0e255ea0a30ed98a3b1da9cb09d08fdeee14b3c3241c2436b72eaf89053365f");
    }

    @Test
    void aSignedBodyVerifiesWithinTheWindowOnEitherSide() {
        String header = PlatformSignature.header(SECRET, T, BODY);
        assertThat(PlatformSignature.problem(header, SECRET, BODY, T)).isNull();
        assertThat(PlatformSignature.problem(header, SECRET, BODY, T.plusSeconds(300))).isNull();
        assertThat(PlatformSignature.problem(header, SECRET, BODY, T.minusSeconds(300))).isNull();
    }

    @Test
    void aTimeOutsideTheWindowIsRefused() {
        String header = PlatformSignature.header(SECRET, T, BODY);
        assertThat(PlatformSignature.problem(header, SECRET, BODY, T.plusSeconds(301))).contains("300 s");
        assertThat(PlatformSignature.problem(header, SECRET, BODY, T.minusSeconds(301))).contains("300 s");
    }

    @Test
    void anotherBodySecretOrTimeDoesNotVerify() {
        String header = PlatformSignature.header(SECRET, T, BODY);
        byte[] other = "{\"events\":[1]}".getBytes(StandardCharsets.UTF_8);
        assertThat(PlatformSignature.problem(header, SECRET, other, T)).contains("does not match");
        assertThat(PlatformSignature.problem(header, "whsec_other", BODY, T)).contains("does not match");
        String movedTime = header.replace("t=1765000000", "t=1765000001");
        assertThat(PlatformSignature.problem(movedTime, SECRET, BODY, T)).contains("does not match");
    }

    @Test
    void oneMatchingV1AmongSeveralIsEnoughSoASecretCanBeRotated() {
        String good = PlatformSignature.header(SECRET, T, BODY);
        String v1 = good.substring(good.indexOf("v1="));
        assertThat(PlatformSignature.problem("t=1765000000,v1=00ff," + v1, SECRET, BODY, T)).isNull();
    }

    @Test
    void malformedHeadersSayWhatIsWrong() {
        assertThat(PlatformSignature.problem(null, SECRET, BODY, T)).contains("missing");
        assertThat(PlatformSignature.problem("  ", SECRET, BODY, T)).contains("missing");
        assertThat(PlatformSignature.problem("v1=abc", SECRET, BODY, T)).contains("t=<unix seconds>");
        assertThat(PlatformSignature.problem("t=1765000000", SECRET, BODY, T)).contains("t=<unix seconds>");
        assertThat(PlatformSignature.problem("t=soon,v1=ab", SECRET, BODY, T)).contains("not a number");
        assertThat(PlatformSignature.problem("t=99999999999999999999,v1=ab", SECRET, BODY, T))
                .contains("not a number");
        assertThat(PlatformSignature.problem("t=1,v1=" + "a".repeat(2000), SECRET, BODY, T)).contains("too long");
    }
}
