package io.huddle.ui;

import io.huddle.client.Browser;
import io.huddle.client.BrowserSignIn;
import io.huddle.client.BrowserSignInException;
import io.huddle.client.GatewayException;
import io.huddle.client.GatewayUnreachableException;
import io.huddle.client.SignInOptions;
import io.huddle.client.SignedIn;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sign-in form's single sign-on: which ways the tenant signs in (asked once per server and tenant, off the
 * UI thread), the "Sign in with …" command, what to tell the person while they are in the browser, and cancel.
 * When the tenant has turned passwords off, the password form hides behind "Sign in with a password" (for
 * administrators, who keep theirs).
 */
public final class SingleSignOnViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(SingleSignOnViewModel.class);

    /** Asks the gateway how a tenant signs in (blocking). */
    @FunctionalInterface
    public interface OptionsSource {
        SignInOptions fetch(URI base, String tenant);
    }

    private final StringProperty server;
    private final StringProperty tenant;
    private final UiThread ui;
    private final Executor io;
    private final OptionsSource source;
    private final Browser browser;
    private final Duration wait;
    private final ReadOnlyObjectWrapper<SignInOptions> options = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper passwordChosen = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper waiting = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper manualAddress = new ReadOnlyStringWrapper();
    private final AsyncCommand<SignedIn> signIn;
    private final BooleanBinding available;
    private final BooleanBinding passwordShown;
    private final StringBinding buttonText;
    private String asked;
    private BrowserSignIn attempt;

    SingleSignOnViewModel(StringProperty server, StringProperty tenant, UiThread ui, Executor io, OptionsSource source,
                          Browser browser, Duration wait, UnaryOperator<SignedIn> check,
                          Consumer<SignedIn> onSignedIn) {
        this.server = server;
        this.tenant = tenant;
        this.ui = ui;
        this.io = io;
        this.source = source;
        this.browser = browser;
        this.wait = wait;
        this.available = Bindings.createBooleanBinding(() -> options.get() != null && options.get().singleSignOn(),
                options);
        this.passwordShown = Bindings.createBooleanBinding(() -> options.get() == null || options.get().localSignIn()
                || passwordChosen.get(), options, passwordChosen);
        this.buttonText = Bindings.createStringBinding(() -> "Sign in with " + providerName(), options);
        this.signIn = new AsyncCommand<>("Sign-in", ui, available, () -> start(check), session -> {
            if (session != null) { // null: the person cancelled
                onSignedIn.accept(session);
            }
        }).explainingFailuresWith(failure -> explain(failure, providerName()));
        server.addListener((o, was, now) -> forgetOptions());
        tenant.addListener((o, was, now) -> forgetOptions());
    }

    private CompletableFuture<SignedIn> start(UnaryOperator<SignedIn> check) {
        URI base = SignInViewModel.parse(server.get());
        String t = tenant.get().strip();
        String provider = providerName();
        BrowserSignIn a = new BrowserSignIn(base, t, browser, wait);
        attempt = a;
        waiting.set("Opening " + provider + " in your browser…");
        manualAddress.set(null);
        return CompletableFuture.supplyAsync(() -> a.signIn((page, opened) -> ui.postNow(() -> {
            if (opened) {
                waiting.set("Waiting for " + provider + " in your browser…");
            } else {
                waiting.set("No browser could be opened. Open this address in a browser to sign in with " + provider
                        + ":");
                manualAddress.set(page.toString());
            }
        }), check), io).handle((session, failure) -> {
            ui.postNow(this::stopWaiting);
            if (failure == null) {
                return session;
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof BrowserSignInException b && b.kind() == BrowserSignInException.Kind.CANCELLED) {
                return null;
            }
            throw failure instanceof CompletionException c ? c : new CompletionException(failure);
        });
    }

    private void stopWaiting() {
        waiting.set(null);
        manualAddress.set(null);
        attempt = null;
    }

    /** Stops waiting for the browser; the form is usable again at once. */
    public void cancel() {
        if (attempt != null) {
            attempt.cancel();
        }
    }

    /**
     * Asks the gateway how this tenant signs in, unless it was asked already for the same server and tenant; call
     * on the UI thread when the person has paused or left the tenant field.
     */
    public void lookUpOptions() {
        String s = server.get().strip();
        String t = tenant.get().strip();
        if (s.isEmpty() || t.isEmpty()) {
            return;
        }
        String key = s + "\n" + t;
        if (key.equals(asked)) {
            return;
        }
        asked = key;
        URI base;
        try {
            base = SignInViewModel.parse(s);
        } catch (IllegalArgumentException e) {
            return; // the password sign-in says what is wrong with the address
        }
        CompletableFuture.supplyAsync(() -> source.fetch(base, t), io).whenComplete((answer, failure) -> ui.post(() -> {
            if (!key.equals(asked)) {
                return; // the person has typed on meanwhile
            }
            if (failure != null) {
                LOG.debug("the sign-in options of {} at {} could not be read: {}", t, base, failure.toString());
                asked = null; // ask again next time
                return;
            }
            options.set(answer);
        }));
    }

    private void forgetOptions() {
        asked = null;
        options.set(null);
        passwordChosen.set(false);
    }

    /** Shows the password form although the tenant signs in with its provider (administrators keep passwords). */
    public void choosePassword() {
        passwordChosen.set(true);
    }

    private String providerName() {
        SignInOptions o = options.get();
        return o == null || o.sso() == null || o.sso().displayName() == null ? "your identity provider"
                : o.sso().displayName();
    }

    /** The sentence shown for a failed single sign-on. */
    static String explain(Throwable failure, String provider) {
        Throwable t = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        if (t instanceof GatewayUnreachableException) {
            return t.getMessage() + ". Check the server address and that the gateway is running.";
        }
        if (t instanceof GatewayException g) {
            return switch (g.status()) {
                case 400 -> "the sign-in took too long or was already used; sign in again (" + g.getMessage() + ")";
                case 401 -> provider + "'s answer was not accepted: " + g.getMessage();
                case 502, 504 -> "the gateway could not reach " + provider + ": " + g.getMessage()
                        + ". Try again in a minute; if it persists, tell your administrator.";
                default -> g.getMessage();
            };
        }
        return AsyncCommand.describe(t);
    }

    public ReadOnlyObjectProperty<SignInOptions> options() {
        return options.getReadOnlyProperty();
    }

    /** Whether the tenant signs in with an identity provider (the "Sign in with …" button shows). */
    public BooleanBinding available() {
        return available;
    }

    /** Whether the password rows and button show. */
    public BooleanBinding passwordShown() {
        return passwordShown;
    }

    public ReadOnlyBooleanProperty passwordChosen() {
        return passwordChosen.getReadOnlyProperty();
    }

    public StringBinding buttonText() {
        return buttonText;
    }

    /** "Waiting for … in your browser…" while the person is in the browser, else null. */
    public ReadOnlyStringProperty waiting() {
        return waiting.getReadOnlyProperty();
    }

    /** The provider's address when no browser could be opened (to copy), else null. */
    public ReadOnlyStringProperty manualAddress() {
        return manualAddress.getReadOnlyProperty();
    }

    public AsyncCommand<SignedIn> signIn() {
        return signIn;
    }

}
