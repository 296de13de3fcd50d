package io.huddle.ui;

import java.util.List;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The sign-in form; remembers everything but the password (the caller saves the fields). When the tenant signs in
 * with an identity provider, a "Sign in with …" button shows under the form, and the password rows hide when the
 * tenant has turned passwords off (a link brings them back for administrators).
 */
public final class SignInWindow {
    /** The pause in typing after which the form asks how the tenant signs in. */
    private static final Duration LOOKUP_PAUSE = Duration.millis(600);
    private final Stage stage;

    public SignInWindow(Stage stage, SignInViewModel vm, String title) {
        this.stage = stage;
        SingleSignOnViewModel sso = vm.sso();
        Label heading = new Label(title);
        heading.getStyleClass().add("detail-title");
        TextField server = field("server", "http://gateway.example:8787", vm.server().get(),
                "The address of your Huddle gateway, as your administrator gave it to you");
        server.textProperty().bindBidirectional(vm.server());
        TextField tenant = field("tenant", "acme", vm.tenant().get(), "Your organisation's name in Huddle");
        tenant.textProperty().bindBidirectional(vm.tenant());
        TextField user = field("username", "supervisor1", vm.username().get(), "Your user name in Huddle");
        user.textProperty().bindBidirectional(vm.username());
        PasswordField password = new PasswordField();
        password.setId("password");
        password.setAccessibleText("Password");
        password.setTooltip(new Tooltip("Your Huddle password; Enter signs in"));
        password.textProperty().bindBidirectional(vm.password());
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, label("Server", server), server);
        grid.addRow(1, label("Tenant", tenant), tenant);
        Label userLabel = label("User", user);
        Label passwordLabel = label("Password", password);
        grid.addRow(2, userLabel, user);
        grid.addRow(3, passwordLabel, password);
        Button signIn = new Button("Sign in");
        signIn.setId("sign-in");
        signIn.defaultButtonProperty().bind(sso.passwordShown());
        signIn.getStyleClass().add("accent");
        signIn.disableProperty().bind(vm.signIn().executable().not());
        signIn.textProperty().bind(Bindings.when(vm.signIn().running()).then("Signing in…").otherwise("Sign in"));
        signIn.setOnAction(e -> vm.signInWithPassword());
        signIn.setTooltip(new Tooltip("Sign in with this user name and password (Enter)"));
        for (Node n : new Node[] {userLabel, user, passwordLabel, password, signIn}) {
            shownWhen(n, sso.passwordShown());
        }
        Label error = new Label();
        error.setId("sign-in-error");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.setMaxWidth(400);
        error.textProperty().bind(vm.error());
        shownWhen(error, vm.error().isNotEmpty());
        VBox root = new VBox(12, heading, grid, signIn, singleSignOn(vm), error);
        root.setPadding(new Insets(20));
        root.setPrefWidth(460);
        Scene scene = new Scene(root);
        Theme.style(scene);
        stage.setScene(scene);
        stage.setTitle(title);
        lookUpOptionsWhenTyped(sso, server, tenant);
        // the window grows and shrinks with what it shows (rows hidden, waiting, an address, an error)
        for (javafx.beans.Observable shows : List.of(sso.available(), sso.passwordShown(), sso.waiting(),
                sso.manualAddress(), vm.error())) {
            shows.addListener(o -> stage.sizeToScene());
        }
        (vm.server().get().isBlank() ? server : password).requestFocus();
    }

    private static Node singleSignOn(SignInViewModel vm) {
        SingleSignOnViewModel sso = vm.sso();
        Button button = new Button();
        button.setId("sso-sign-in");
        button.setMaxWidth(Double.MAX_VALUE);
        button.textProperty().bind(sso.buttonText());
        button.disableProperty().bind(sso.signIn().executable().not());
        button.defaultButtonProperty().bind(sso.passwordShown().not());
        // the accent marks the way to sign in: the provider's when passwords are off
        sso.passwordShown().addListener((o, was, shown) -> accent(button, !shown));
        accent(button, !sso.passwordShown().get());
        button.setOnAction(e -> vm.signInWithProvider());
        button.setTooltip(new Tooltip("Opens your browser to sign in with your organisation's account"));
        Label waiting = new Label();
        waiting.setId("sso-waiting");
        waiting.setWrapText(true);
        waiting.setMaxWidth(320);
        waiting.textProperty().bind(sso.waiting());
        Button cancel = new Button("Cancel");
        cancel.setId("sso-cancel");
        cancel.setOnAction(e -> sso.cancel());
        cancel.setTooltip(new Tooltip("Stop waiting for the browser's sign-in"));
        HBox waitingRow = new HBox(8, waiting, cancel);
        waitingRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(waiting, Priority.ALWAYS);
        shownWhen(waitingRow, sso.waiting().isNotNull());
        TextField address = new TextField();
        address.setId("sso-address");
        address.setEditable(false);
        address.setAccessibleText("Sign-in address");
        address.setTooltip(new Tooltip("Open this address in a browser to sign in"));
        address.textProperty().bind(sso.manualAddress());
        Button copy = new Button("Copy");
        copy.setId("sso-copy");
        copy.setTooltip(new Tooltip("Copy the sign-in address, to paste it into a browser"));
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(address.getText());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        });
        HBox addressRow = new HBox(8, address, copy);
        HBox.setHgrow(address, Priority.ALWAYS);
        shownWhen(addressRow, sso.manualAddress().isNotNull());
        Hyperlink withPassword = new Hyperlink("Sign in with a password");
        withPassword.setId("password-sign-in");
        withPassword.getStyleClass().add("muted");
        withPassword.setOnAction(e -> sso.choosePassword());
        withPassword.setTooltip(new Tooltip("For administrators: sign in with a Huddle password instead"));
        shownWhen(withPassword, sso.passwordShown().not());
        VBox box = new VBox(8, new Separator(), button, waitingRow, addressRow, withPassword);
        shownWhen(box, sso.available());
        return box;
    }

    /** Asks how the tenant signs in after a pause in typing, when the tenant field is left, and at once. */
    private static void lookUpOptionsWhenTyped(SingleSignOnViewModel sso, TextField server, TextField tenant) {
        PauseTransition pause = new PauseTransition(LOOKUP_PAUSE);
        pause.setOnFinished(e -> sso.lookUpOptions());
        server.textProperty().addListener((o, was, now) -> pause.playFromStart());
        tenant.textProperty().addListener((o, was, now) -> pause.playFromStart());
        tenant.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                pause.stop();
                sso.lookUpOptions();
            }
        });
        sso.lookUpOptions();
    }

    private static void accent(Button button, boolean on) {
        if (on && !button.getStyleClass().contains("accent")) {
            button.getStyleClass().add("accent");
        } else if (!on) {
            button.getStyleClass().remove("accent");
        }
    }

    private static void shownWhen(Node node, javafx.beans.value.ObservableBooleanValue shown) {
        node.visibleProperty().bind(Bindings.createBooleanBinding(shown::get, shown));
        node.managedProperty().bind(node.visibleProperty());
    }

    /** A field named by its label ({@link #label}'s labelFor), the help in its tooltip. */
    private static TextField field(String id, String prompt, String value, String help) {
        TextField f = new TextField(value);
        f.setId(id);
        f.setPromptText(prompt);
        f.setTooltip(new Tooltip(help));
        f.setPrefColumnCount(24);
        return f;
    }

    private static Label label(String text, Node field) {
        Label l = new Label(text);
        l.setLabelFor(field);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    public Stage stage() {
        return stage;
    }
}
