package io.huddle.ui;

import io.huddle.client.Browser;
import io.huddle.client.BrowserSignIn;
import io.huddle.client.GatewayClient;
import io.huddle.client.GatewayException;
import io.huddle.client.GatewayUnreachableException;
import io.huddle.client.SignInOptions;
import io.huddle.client.SignedIn;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The sign-in form: server, tenant, user and password, and what went wrong in words a person can act on
 * (unreachable, bad password, not the right role), and single sign-on ({@link #sso()}) when the tenant has it.
 * Signing in runs off the UI thread; the role check holds for both ways.
 */
public final class SignInViewModel {
    private final StringProperty server = new SimpleStringProperty("");
    private final StringProperty tenant = new SimpleStringProperty("");
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final String requiredRole;
    private final String roleName;
    private final AsyncCommand<SignedIn> signIn;
    private final SingleSignOnViewModel sso;
    private final StringBinding error;

    /** A form whose single sign-on asks the gateway for the options and opens the system browser. */
    public SignInViewModel(String requiredRole, String roleName, UiThread ui, Executor io,
                           Consumer<SignedIn> onSignedIn) {
        this(requiredRole, roleName, ui, io, SignInOptions::fetch, new SystemBrowser(), BrowserSignIn.DEFAULT_WAIT,
                onSignedIn);
    }

    /**
     * @param requiredRole the wire role the app needs ({@code awa_manager} or {@code awa_agent})
     * @param roleName     how to name it to a person ("a supervisor")
     * @param io           where the network calls run
     * @param options      asks the gateway how a tenant signs in
     * @param browser      opens the identity provider's page
     * @param ssoWait      how long a single sign-on waits for the browser
     * @param onSignedIn   called on the UI thread with the session
     */
    public SignInViewModel(String requiredRole, String roleName, UiThread ui, Executor io,
                           SingleSignOnViewModel.OptionsSource options, Browser browser, Duration ssoWait,
                           Consumer<SignedIn> onSignedIn) {
        this.requiredRole = requiredRole;
        this.roleName = roleName;
        BooleanBinding complete = Bindings.createBooleanBinding(() -> !server.get().isBlank()
                && !tenant.get().isBlank() && !username.get().isBlank() && !password.get().isEmpty(),
                server, tenant, username, password);
        this.signIn = new AsyncCommand<>("Sign-in", ui, complete, () -> {
            URI base = parse(server.get());
            String t = tenant.get().strip();
            String u = username.get().strip();
            char[] p = password.get().toCharArray();
            return CompletableFuture.supplyAsync(() -> check(GatewayClient.signIn(base, t, u, p)), io);
        }, session -> {
            password.set("");
            onSignedIn.accept(session);
        }).explainingFailuresWith(SignInViewModel::explain);
        this.sso = new SingleSignOnViewModel(server, tenant, ui, io, options, browser, ssoWait, this::check,
                onSignedIn);
        this.error = Bindings.createStringBinding(() -> sso.signIn().error().get() != null
                ? sso.signIn().error().get() : signIn.error().get(), sso.signIn().error(), signIn.error());
    }

    private SignedIn check(SignedIn session) {
        if (!session.user().hasRole(requiredRole)) {
            throw new IllegalStateException(session.user().username() + " is not " + roleName
                    + " (role " + requiredRole + " is needed)");
        }
        return session;
    }

    static URI parse(String text) {
        String s = text.strip();
        if (!s.contains("://")) {
            s = "http://" + s;
        }
        try {
            URI u = URI.create(s);
            if (u.getHost() == null) {
                throw new IllegalArgumentException("no host");
            }
            return u;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a server address such as http://gateway:8787");
        }
    }

    /** The sentence shown for a failed sign-in. */
    public static String explain(Throwable failure) {
        Throwable t = failure.getCause() != null && failure instanceof java.util.concurrent.CompletionException
                ? failure.getCause() : failure;
        if (t instanceof GatewayUnreachableException) {
            return t.getMessage() + ". Check the server address and that the gateway is running.";
        }
        if (t instanceof GatewayException g && g.status() == 401) {
            return "Wrong tenant, user name or password.";
        }
        if (t instanceof GatewayException g && g.status() == 429) {
            return "Too many failed sign-ins for this user: wait a minute and try again.";
        }
        return AsyncCommand.describe(t);
    }

    public StringProperty server() {
        return server;
    }

    public StringProperty tenant() {
        return tenant;
    }

    public StringProperty username() {
        return username;
    }

    public StringProperty password() {
        return password;
    }

    public AsyncCommand<SignedIn> signIn() {
        return signIn;
    }

    /** Signs in with the password; the last single sign-on's failure is no longer shown. */
    public void signInWithPassword() {
        sso.signIn().clearError();
        signIn.execute();
    }

    /** Signs in with the tenant's identity provider; the last password failure is no longer shown. */
    public void signInWithProvider() {
        signIn.clearError();
        sso.signIn().execute();
    }

    /** What went wrong with the last sign-in, either way, or null. */
    public StringBinding error() {
        return error;
    }

    /** Signing in with the tenant's identity provider. */
    public SingleSignOnViewModel sso() {
        return sso;
    }
}
