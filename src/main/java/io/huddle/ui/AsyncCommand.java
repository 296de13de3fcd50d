package io.huddle.ui;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;

/**
 * A command a person can trust: while it is in flight it is {@link #running()} and cannot be executed
 * again; its result is applied on the UI thread only when the gateway answers; a failure or a timeout
 * is kept in {@link #error()} as a sentence, and the state is left as the gateway has it.
 *
 * <p>It keeps no clock of its own: the action's future must complete by the action's deadline (the stream
 * client's commands, the journaled console commands and the HTTP client each keep one), so what the person
 * is told is the outcome the action reached, and what was recorded, never a second guess.
 *
 * @param <T> the gateway's answer
 */
public final class AsyncCommand<T> {
    /** How long a person's command may take from the click to its answer; the action keeps it. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String label;
    private final UiThread ui;
    private final Supplier<CompletableFuture<T>> action;
    private final Consumer<T> onSuccess;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    private final BooleanBinding executable;
    private java.util.function.Function<Throwable, String> explain = AsyncCommand::describe;
    private Runnable afterEach = () -> { };

    public AsyncCommand(String label, UiThread ui, ObservableBooleanValue allowed,
                        Supplier<CompletableFuture<T>> action, Consumer<T> onSuccess) {
        this.label = label;
        this.ui = ui;
        this.action = action;
        this.onSuccess = onSuccess;
        this.executable = Bindings.createBooleanBinding(() -> allowed.get() && !running.get(), allowed, running);
    }

    /** Runs the command unless it is already running or not allowed; call on the UI thread. */
    public void execute() {
        if (!executable.get()) {
            return;
        }
        running.set(true);
        error.set(null);
        CompletableFuture<T> future;
        try {
            future = action.get();
        } catch (RuntimeException e) {
            running.set(false);
            error.set(label + " failed: " + explain.apply(e));
            return;
        }
        future.whenComplete((value, failure) -> ui.postNow(() -> finish(value, failure)));
    }

    private void finish(T value, Throwable failure) {
        running.set(false);
        if (failure == null) {
            onSuccess.accept(value);
        } else {
            error.set(label + " failed: " + explain.apply(failure));
        }
        afterEach.run();
    }

    /** Runs {@code then} on the UI thread after each answer or failure has been applied. */
    public AsyncCommand<T> afterEach(Runnable then) {
        this.afterEach = then;
        return this;
    }

    public static String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof TimeoutException) {
            return "the gateway did not answer within " + TIMEOUT.toSeconds() + " seconds; nothing was changed "
                    + "on your screen, check the interaction before trying again";
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /** Replaces how failures are put into words. */
    public AsyncCommand<T> explainingFailuresWith(java.util.function.Function<Throwable, String> how) {
        this.explain = how;
        return this;
    }

    public ReadOnlyBooleanProperty running() {
        return running.getReadOnlyProperty();
    }

    public BooleanBinding executable() {
        return executable;
    }

    public ReadOnlyStringProperty error() {
        return error.getReadOnlyProperty();
    }

    public void clearError() {
        error.set(null);
    }

    public String label() {
        return label;
    }
}
