package io.huddle.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffAndSequenceTest {
    final Backoff backoff = StreamOptions.defaults().backoff();

    @Test
    void delaysDoubleFromHalfASecondUpToThirtySeconds() {
        assertThat(backoff.delay(1, 0.5)).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.delay(2, 0.5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delay(3, 0.5)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delay(7, 0.5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.delay(1000, 0.5)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void jitterIsTwentyPercentEitherWay() {
        assertThat(backoff.delay(1, 0.0)).isEqualTo(Duration.ofMillis(400));
        assertThat(backoff.delay(1, 0.999_999)).isEqualTo(Duration.ofMillis(600));
        assertThat(backoff.delay(100, 0.0)).isEqualTo(Duration.ofSeconds(24));
        assertThat(backoff.delay(100, 0.999_999)).isEqualTo(Duration.ofSeconds(36));
    }

    @Test
    void eventsApplyOnceInOrderAndAGapIsNoticed() {
        StreamSequence s = new StreamSequence();
        assertThat(s.resumeId()).isNull();
        assertThat(s.welcome("st-1", false)).isFalse();
        assertThat(s.offer(1)).isEqualTo(StreamSequence.Verdict.EARLY);
        s.snapshot(4, "7.2");
        assertThat(s.position()).isEqualTo("7.2");
        assertThat(s.offer(4)).isEqualTo(StreamSequence.Verdict.DUPLICATE);
        assertThat(s.offer(5)).isEqualTo(StreamSequence.Verdict.APPLY);
        assertThat(s.lastSeq()).as("not applied until the listener took it").isEqualTo(4);
        s.applied(5, "8.1");
        assertThat(s.position()).as("the last applied event's place in the floor log").isEqualTo("8.1");
        assertThat(s.offer(5)).isEqualTo(StreamSequence.Verdict.DUPLICATE);
        assertThat(s.offer(7)).isEqualTo(StreamSequence.Verdict.GAP);
        assertThat(s.lastSeq()).isEqualTo(5);
        assertThat(s.resumeId()).isEqualTo("st-1");
    }

    @Test
    void onlyTheStreamAskedForCountsAsResumed() {
        StreamSequence s = new StreamSequence();
        s.welcome("st-1", false);
        s.snapshot(0, null);
        s.offer(1);
        s.applied(1, null);
        assertThat(s.position()).as("a gateway without a floor log gives none").isNull();
        assertThat(s.welcome("st-1", true)).isTrue();
        assertThat(s.offer(2)).isEqualTo(StreamSequence.Verdict.APPLY);
        assertThat(s.welcome("st-9", true)).isFalse();
        s.forget();
        assertThat(s.resumeId()).isNull();
        assertThat(s.position()).isNull();
        assertThat(s.welcome("st-2", false)).isFalse();
        assertThat(s.offer(1)).isEqualTo(StreamSequence.Verdict.EARLY);
    }
}
