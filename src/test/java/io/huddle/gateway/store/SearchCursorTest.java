package io.huddle.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huddle.domain.DomainException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SearchCursorTest {

    @Test
    void roundTripsTheKeyOfTheLastItem() {
        Instant at = Instant.parse("2025-03-01T09:00:00.123Z");
        String cursor = SearchCursor.encode(at, "x-42");

        assertThat(SearchCursor.decode(cursor)).isEqualTo(new SearchCursor(at.toEpochMilli(), "x-42"));
    }

    @Test
    void idsWithColonsUnicodeAndTimesBeforeTheEpochSurvive() {
        Instant before = Instant.ofEpochMilli(-86_400_000L);
        String cursor = SearchCursor.encode(before, "urn:x:ü✓");

        assertThat(SearchCursor.decode(cursor)).isEqualTo(new SearchCursor(-86_400_000L, "urn:x:ü✓"));
    }

    @Test
    void isUrlSafeAndUnpadded() {
        for (int n = 0; n < 200; n++) {
            String cursor = SearchCursor.encode(Instant.ofEpochMilli(1_700_000_000_000L + n * 7919L), "id?&/" + n);
            assertThat(cursor).matches("[A-Za-z0-9_-]+");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "====", "a+b/", "12345", ":x", "12:", "x1:x", "+1:x", "1.5:x", " 1:x",
            "99999999999999999999:x", "9223372036854775808:x"})
    void rejectsWhatItDidNotMake(String key) {
        String cursor = key.equals("a+b/") || key.equals("====") || key.equals("a") ? key
                : Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> SearchCursor.decode(cursor))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.BAD_REQUEST))
                .hasMessage("cursor is not valid");
    }

    @Test
    void rejectsBytesThatAreNotUtf8() {
        String cursor = Base64.getUrlEncoder().encodeToString(new byte[] {'1', ':', (byte) 0xC3, (byte) 0x28});
        assertThatThrownBy(() -> SearchCursor.decode(cursor)).isInstanceOf(DomainException.class);
    }
}
