package io.huddle.ui;

import io.huddle.client.GatewayClient;
import io.huddle.client.GatewayException;
import io.huddle.client.GatewayUnreachableException;
import io.huddle.client.SignedIn;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The sign-in form: server, tenant, user and password, and what went wrong in words a person can act on
 * (unreachable, bad password, not the right role). Signing in runs off the UI thread.
 */
public final class SignInViewModel {
    private final StringProperty server = new SimpleStringProperty("");
    private final StringProperty tenant = new SimpleStringProperty("");
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final String requiredRole;
    private final String roleName;
    private final AsyncCommand<SignedIn> signIn;

    /**
     * @param requiredRole the wire role the app needs ({@code awa_manager} or {@code awa_agent})
     * @param roleName     how to name it to a person ("a supervisor")
     * @param io           where the network call runs
     * @param onSignedIn   called on the UI thread with the session
     */
    public SignInViewModel(String requiredRole, String roleName, UiThread ui, Executor io,
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
}
