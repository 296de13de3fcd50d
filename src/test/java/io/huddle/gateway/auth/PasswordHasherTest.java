package io.huddle.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {
    static final char[] PW = "s3cret".toCharArray();
    static final String SALT = b64(new byte[16]);
    static final String KEY = b64(new byte[32]);

    PasswordHasher hasher = new PasswordHasher(1_000);

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A genuine PBKDF2-HMAC-SHA256 hash of {@link #PW} in the stored form, with any work factor. */
    private static String genuine(int iterations) throws Exception {
        byte[] salt = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(PW, salt, iterations, 256)).getEncoded();
        return "pbkdf2-sha256$" + iterations + "$" + b64(salt) + "$" + b64(key);
    }

    @Test
    void aHashMadeAtAnotherWorkFactorIsToldApart() {
        assertThat(hasher.madeWithOtherWork(hasher.hash("pw".toCharArray()))).isFalse();
        assertThat(hasher.madeWithOtherWork(new PasswordHasher(1_001).hash("pw".toCharArray()))).isTrue();
        assertThat(hasher.madeWithOtherWork("not a hash")).as("malformed: nothing to store again").isFalse();
    }

    @Test
    void aHashVerifiesItsPasswordAndNoOther() {
        String stored = hasher.hash(PW);
        assertThat(stored).startsWith("pbkdf2-sha256$1000$");
        assertThat(hasher.verify(PW, stored)).isTrue();
        assertThat(hasher.verify("S3cret".toCharArray(), stored)).isFalse();
        assertThat(hasher.defect(stored)).isEmpty();
    }

    @Test
    void aStoredHashWithAnotherWorkFactorInBoundsStillVerifies() throws Exception {
        assertThat(hasher.verify(PW, genuine(2_000))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "pbkdf2-sha256", "pbkdf2-sha256$1000$", "bcrypt$1000$SALT$KEY",
        "pbkdf2-sha256$1000$SALT$KEY$extra", "pbkdf2-sha256$abc$SALT$KEY", "pbkdf2-sha256$$SALT$KEY",
        "pbkdf2-sha256$+1000$SALT$KEY", "pbkdf2-sha256$-5$SALT$KEY", "pbkdf2-sha256$0$SALT$KEY",
        "pbkdf2-sha256$99999999999$SALT$KEY", "pbkdf2-sha256$1000$!!not base64!!$KEY",
        "pbkdf2-sha256$1000$SALT$%%%", "pbkdf2-sha256$1000$$KEY", "pbkdf2-sha256$1000$AAAA$KEY",
        "pbkdf2-sha256$1000$SALT$", "pbkdf2-sha256$1000$SALT$AAAA"})
    void aMalformedStoredHashIsAFailedCheckNeverAnException(String form) {
        String stored = form.replace("SALT", SALT).replace("KEY", KEY);
        assertThat(hasher.verify(PW, stored)).isFalse();
        assertThat(hasher.defect(stored)).isPresent();
    }

    @Test
    void aMissingHashIsAFailedCheck() {
        assertThat(hasher.verify(PW, null)).isFalse();
        assertThat(hasher.defect(null)).contains("is missing");
    }

    @Test
    void aGenuineHashBelowTheMinimumWorkFactorNoLongerVerifies() throws Exception {
        String weak = genuine(PasswordHasher.MIN_ITERATIONS - 1);
        assertThat(hasher.verify(PW, weak)).isFalse();
        assertThat(hasher.defect(weak)).contains("has an iteration count outside 1000..10000000");
    }

    @Test
    void aWorkFactorAboveTheMaximumIsRefusedWithoutBeingComputed() {
        String huge = "pbkdf2-sha256$999999999$" + SALT + "$" + KEY;
        // computed, 999,999,999 iterations would hold the signing-in thread for many minutes
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(5), () -> hasher.verify(PW, huge))).isFalse();
        assertThat(hasher.defect(huge)).isPresent();
        assertThat(hasher.defect("pbkdf2-sha256$" + (PasswordHasher.MAX_ITERATIONS + 1) + "$" + SALT + "$" + KEY))
                .isPresent();
        assertThat(hasher.defect("pbkdf2-sha256$" + PasswordHasher.MAX_ITERATIONS + "$" + SALT + "$" + KEY))
                .isEmpty();
    }

    @Test
    void theDefectQuotesNoPartOfTheStoredForm() {
        String salt = b64("NaCl-NaCl-NaCl!!".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        for (String stored : new String[] {"pbkdf2-sha256$77$" + salt + "$" + KEY, "pbkdf2-sha256$1000$" + salt + "$xy",
            "pbkdf2-sha256$1000$" + salt + "$" + KEY + "AAAA", "pbkdf2-sha256$12a$" + salt + "$" + KEY}) {
            assertThat(hasher.defect(stored)).get().asString().doesNotContain(salt).doesNotContain(KEY)
                    .doesNotContain("77").doesNotContain("12a").doesNotContain("xy");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 999, 10_000_001, Integer.MAX_VALUE})
    void theWorkFactorOfNewHashesIsBoundedToo(int iterations) {
        assertThatThrownBy(() -> new PasswordHasher(iterations)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 1000 and 10000000");
    }
}
