package io.huddle.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The wire's timestamps, written and read by hand, agree with the JDK's formatter on every instant. */
class IsoMillisTest {
    private static final DateTimeFormatter JDK =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final long FIRST = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
    private static final long LAST = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Long> seconds = Arbitraries.oneOf(Arbitraries.longs().between(FIRST, LAST),
                Arbitraries.longs().between(-86_400L * 400, 86_400L * 400), // around 1970, before and after
                Arbitraries.of(FIRST, LAST, 0L, -1L, 951_782_400L /* 2000-02-29 */));
        return seconds.flatMap(s -> Arbitraries.integers().between(0, 999_999_999)
                .map(n -> Instant.ofEpochSecond(s, n)));
    }

    @Property(tries = 3_000)
    void writesWhatTheJdkWrites(@ForAll("instants") Instant t) {
        assertThat(Json.format(t)).isEqualTo(JDK.format(t));
    }

    @Property(tries = 3_000)
    void readsBackWhatItWroteToTheMillisecond(@ForAll("instants") Instant t) {
        assertThat(IsoMillis.parse(Json.format(t))).isEqualTo(t.truncatedTo(ChronoUnit.MILLIS));
    }

    @Provide
    Arbitrary<String> wireShaped() {
        // the wire's shape with any two digits in each place (a 31st of February, a 25th hour, a leap second)
        Arbitrary<String> two = Arbitraries.strings().withCharRange('0', '9').ofLength(2);
        return net.jqwik.api.Combinators.combine(Arbitraries.strings().withCharRange('0', '9').ofLength(4), two,
                two, two, two, two, Arbitraries.strings().withCharRange('0', '9').ofLength(3))
                .as((y, mo, d, h, mi, s, ms) -> y + "-" + mo + "-" + d + "T" + h + ":" + mi + ":" + s + "." + ms
                        + "Z");
    }

    @Property(tries = 3_000)
    void agreesWithInstantParseOnEveryWireShapedText(@ForAll("wireShaped") String text) {
        Instant expected;
        try {
            expected = Instant.parse(text);
        } catch (DateTimeParseException e) {
            assertThatThrownBy(() -> IsoMillis.parse(text)).isInstanceOf(DateTimeParseException.class);
            return;
        }
        assertThat(IsoMillis.parse(text)).isEqualTo(expected);
    }

    @Example
    void otherIsoFormsAreStillRead() {
        assertThat(IsoMillis.parse("2026-11-24T13:02:11Z")).isEqualTo(Instant.parse("2026-11-24T13:02:11Z"));
        assertThat(IsoMillis.parse("2026-11-24T13:02:11.123456Z"))
                .isEqualTo(Instant.parse("2026-11-24T13:02:11.123456Z"));
        assertThat(IsoMillis.parse("2016-12-31T23:59:60.000Z")).isEqualTo(Instant.parse("2016-12-31T23:59:60Z"));
        assertThatThrownBy(() -> IsoMillis.parse("2026-11-24T13:02:11.12xZ"))
                .isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> IsoMillis.parse("2026-02-30T13:02:11.123Z"))
                .isInstanceOf(DateTimeParseException.class);
    }
}
