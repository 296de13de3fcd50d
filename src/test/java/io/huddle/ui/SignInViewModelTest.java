package io.huddle.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huddle.client.GatewayException;
import io.huddle.client.GatewayUnreachableException;
import io.huddle.client.SignedIn;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignInViewModelTest {
    final List<SignedIn> signedIn = new ArrayList<>();
    final List<Runnable> io = new ArrayList<>();
    final SignInViewModel vm = new SignInViewModel("awa_manager", "a supervisor", UiThread.direct(), io::add,
            signedIn::add);

    @Test
    void anAddressWithoutSchemeIsHttp() {
        assertThat(SignInViewModel.parse("gateway:8787")).isEqualTo(URI.create("http://gateway:8787"));
        assertThat(SignInViewModel.parse("  localhost ")).isEqualTo(URI.create("http://localhost"));
        assertThat(SignInViewModel.parse("https://gw.example.com/")).isEqualTo(URI.create("https://gw.example.com/"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "http://", "gate way:8787", "://nohost", "http://:8787"})
    void garbageIsARefusalAPersonCanRead(String text) {
        assertThatThrownBy(() -> SignInViewModel.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + text + "' is not a server address such as http://gateway:8787");
    }

    @Test
    void failuresAreExplainedInWordsAPersonCanActOn() {
        GatewayUnreachableException down = new GatewayUnreachableException(URI.create("http://gw:8787"),
                "connection refused", null);
        assertThat(SignInViewModel.explain(down)).isEqualTo("cannot reach the gateway at http://gw:8787: "
                + "connection refused. Check the server address and that the gateway is running.");
        assertThat(SignInViewModel.explain(new CompletionException(down))).isEqualTo(SignInViewModel.explain(down));
        assertThat(SignInViewModel.explain(new GatewayException(401, "unauthorized", "bad credentials")))
                .isEqualTo("Wrong tenant, user name or password.");
        assertThat(SignInViewModel.explain(new CompletionException(
                new GatewayException(429, "too_many_requests", "slow down"))))
                .isEqualTo("Too many failed sign-ins for this user: wait a minute and try again.");
        assertThat(SignInViewModel.explain(new GatewayException(403, "forbidden", "tenant acme is suspended")))
                .isEqualTo("tenant acme is suspended");
        assertThat(SignInViewModel.explain(new CompletionException(
                new IllegalStateException("ana is not a supervisor (role awa_manager is needed)"))))
                .isEqualTo("ana is not a supervisor (role awa_manager is needed)");
    }

    @Test
    void aFailureWithoutAMessageIsStillASentence() {
        assertThat(SignInViewModel.explain(new TimeoutException()))
                .startsWith("the gateway did not answer within 10 seconds");
        assertThat(SignInViewModel.explain(new CompletionException(new NullPointerException())))
                .isEqualTo("NullPointerException");
    }

    @Test
    void signInNeedsEveryFieldAndAGarbageAddressFailsBeforeAnythingIsSent() {
        assertThat(vm.signIn().executable().get()).isFalse();
        vm.server().set("gate way");
        vm.tenant().set("acme");
        vm.username().set("ana");
        assertThat(vm.signIn().executable().get()).isFalse();
        vm.password().set("secret");
        assertThat(vm.signIn().executable().get()).isTrue();
        vm.signIn().execute();
        assertThat(io).isEmpty();
        assertThat(vm.signIn().running().get()).isFalse();
        assertThat(vm.signIn().error().get())
                .isEqualTo("Sign-in failed: 'gate way' is not a server address such as http://gateway:8787");
        assertThat(signedIn).isEmpty();
    }
}
