package io.huddle.ui;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/** The sign-in form; remembers everything but the password (the caller saves the fields). */
public final class SignInWindow {
    private final Stage stage;

    public SignInWindow(Stage stage, SignInViewModel vm, String title) {
        this.stage = stage;
        Label heading = new Label(title);
        heading.getStyleClass().add("detail-title");
        TextField server = field("server", "http://gateway.example:8787", vm.server().get());
        server.textProperty().bindBidirectional(vm.server());
        TextField tenant = field("tenant", "acme", vm.tenant().get());
        tenant.textProperty().bindBidirectional(vm.tenant());
        TextField user = field("username", "supervisor1", vm.username().get());
        user.textProperty().bindBidirectional(vm.username());
        PasswordField password = new PasswordField();
        password.setId("password");
        password.setAccessibleText("Password");
        password.textProperty().bindBidirectional(vm.password());
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, label("Server", server), server);
        grid.addRow(1, label("Tenant", tenant), tenant);
        grid.addRow(2, label("User", user), user);
        grid.addRow(3, label("Password", password), password);
        Button signIn = new Button("Sign in");
        signIn.setId("sign-in");
        signIn.setDefaultButton(true);
        signIn.getStyleClass().add("accent");
        signIn.disableProperty().bind(vm.signIn().executable().not());
        signIn.textProperty().bind(Bindings.when(vm.signIn().running()).then("Signing in…").otherwise("Sign in"));
        signIn.setOnAction(e -> vm.signIn().execute());
        Label error = new Label();
        error.setId("sign-in-error");
        error.getStyleClass().add("error-text");
        error.setMaxWidth(380);
        error.textProperty().bind(vm.signIn().error());
        VBox root = new VBox(12, heading, grid, signIn, error);
        root.setPadding(new Insets(20));
        Scene scene = new Scene(root, 440, 320);
        Theme.style(scene);
        stage.setScene(scene);
        stage.setTitle(title);
        (vm.server().get().isBlank() ? server : password).requestFocus();
    }

    private static TextField field(String id, String prompt, String value) {
        TextField f = new TextField(value);
        f.setId(id);
        f.setPromptText(prompt);
        f.setAccessibleText(id);
        f.setPrefColumnCount(24);
        return f;
    }

    private static Label label(String text, javafx.scene.Node field) {
        Label l = new Label(text);
        l.setLabelFor(field);
        return l;
    }

    public Stage stage() {
        return stage;
    }
}
