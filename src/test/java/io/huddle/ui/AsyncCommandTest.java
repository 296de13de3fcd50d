package io.huddle.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;

class AsyncCommandTest {
    final SimpleBooleanProperty allowed = new SimpleBooleanProperty(true);
    final List<CompletableFuture<String>> calls = new ArrayList<>();
    final List<String> results = new ArrayList<>();

    AsyncCommand<String> command(UiThread ui) {
        return new AsyncCommand<>("Save", ui, allowed, () -> {
            CompletableFuture<String> f = new CompletableFuture<>();
            calls.add(f);
            return f;
        }, results::add);
    }

    @Test
    void whileInFlightItIsRunningAndASecondExecuteDoesNothing() {
        AsyncCommand<String> c = command(UiThread.direct());
        c.execute();
        assertThat(c.running().get()).isTrue();
        assertThat(c.executable().get()).isFalse();
        c.execute();
        assertThat(calls).hasSize(1);
        assertThat(results).isEmpty();

        calls.get(0).complete("ok");
        assertThat(results).containsExactly("ok");
        assertThat(c.running().get()).isFalse();
        assertThat(c.executable().get()).isTrue();
        assertThat(c.error().get()).isNull();
    }

    @Test
    void notAllowedMeansNotExecutableAndNothingIsSent() {
        AsyncCommand<String> c = command(UiThread.direct());
        allowed.set(false);
        assertThat(c.executable().get()).isFalse();
        c.execute();
        assertThat(calls).isEmpty();
        assertThat(c.running().get()).isFalse();
    }

    @Test
    void aFailureBecomesASentenceAndTheNextExecuteClearsIt() {
        AsyncCommand<String> c = command(UiThread.direct());
        c.execute();
        calls.get(0).completeExceptionally(new IllegalStateException("the agent has left"));
        assertThat(c.error().get()).isEqualTo("Save failed: the agent has left");
        assertThat(results).isEmpty();
        assertThat(c.running().get()).isFalse();

        c.execute();
        assertThat(c.error().get()).isNull();
        calls.get(1).completeExceptionally(new NullPointerException());
        assertThat(c.error().get()).isEqualTo("Save failed: NullPointerException");
    }

    @Test
    void anActionThatThrowsAtOnceIsAnErrorNotAStuckCommand() {
        AsyncCommand<String> c = new AsyncCommand<>("Save", UiThread.direct(), allowed, () -> {
            throw new IllegalArgumentException("no such interaction");
        }, results::add);
        c.execute();
        assertThat(c.running().get()).isFalse();
        assertThat(c.error().get()).isEqualTo("Save failed: no such interaction");
    }

    @Test
    void theDefaultTimeoutIsTenSeconds() {
        assertThat(AsyncCommand.TIMEOUT).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void theActionsDeadlineIsTheOnlyOneAndWhatItSaysIsWhatThePersonIsTold() {
        LinkedBlockingQueue<Runnable> posted = new LinkedBlockingQueue<>();
        AsyncCommand<String> c = command(posted::add);
        c.execute();
        assertThat(posted).as("nothing but the action's answer finishes the command").isEmpty();
        calls.get(0).completeExceptionally(new java.util.concurrent.CompletionException(
                new java.util.concurrent.TimeoutException()));
        posted.poll().run();
        assertThat(c.running().get()).isFalse();
        assertThat(c.error().get()).startsWith("Save failed: the gateway did not answer within 10 seconds");
        assertThat(results).isEmpty();
    }
}
