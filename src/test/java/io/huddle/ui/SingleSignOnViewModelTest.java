package io.huddle.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.huddle.client.BrowserSignIn;
import io.huddle.client.GatewayException;
import io.huddle.client.SignInOptions;
import io.huddle.client.SignedIn;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The form's single sign-on state, with the network calls held in a list the test runs by hand. */
class SingleSignOnViewModelTest {
    final List<Runnable> io = new ArrayList<>();
    final List<String> asked = new ArrayList<>();
    final List<SignedIn> signedIn = new ArrayList<>();
    SignInOptions answer = new SignInOptions(true, new SignInOptions.Sso("Okta"));
    final SignInViewModel form = new SignInViewModel("awa_manager", "a supervisor", UiThread.direct(), io::add,
            (base, tenant) -> {
                asked.add(base + " " + tenant);
                return answer;
            }, page -> { }, BrowserSignIn.DEFAULT_WAIT, signedIn::add);
    final SingleSignOnViewModel vm = form.sso();

    private void runIo() {
        List<Runnable> now = new ArrayList<>(io);
        io.clear();
        now.forEach(Runnable::run);
    }

    @Test
    void theOptionsAreAskedOncePerServerAndTenantAndShowTheButton() {
        vm.lookUpOptions();
        assertThat(io).as("nothing to ask without server and tenant").isEmpty();
        form.server().set("gw:8787");
        form.tenant().set("acme");
        vm.lookUpOptions();
        vm.lookUpOptions();
        runIo();

        assertThat(asked).containsExactly("http://gw:8787 acme");
        assertThat(vm.available().get()).isTrue();
        assertThat(vm.buttonText().get()).isEqualTo("Sign in with Okta");
        assertThat(vm.passwordShown().get()).isTrue();
        assertThat(vm.signIn().executable().get()).isTrue();
    }

    @Test
    void aTenantWithoutSingleSignOnShowsNoButton() {
        answer = new SignInOptions(true, null);
        form.server().set("gw:8787");
        form.tenant().set("globex");
        vm.lookUpOptions();
        runIo();

        assertThat(vm.available().get()).isFalse();
        assertThat(vm.signIn().executable().get()).isFalse();
        assertThat(vm.passwordShown().get()).isTrue();
    }

    @Test
    void passwordsOffHidesThePasswordFormBehindALink() {
        answer = new SignInOptions(false, new SignInOptions.Sso("Okta"));
        form.server().set("gw:8787");
        form.tenant().set("acme");
        vm.lookUpOptions();
        runIo();
        assertThat(vm.passwordShown().get()).isFalse();

        vm.choosePassword();
        assertThat(vm.passwordShown().get()).isTrue();

        form.tenant().set("globex");
        assertThat(vm.available().get()).as("another tenant: the old answer is forgotten").isFalse();
        assertThat(vm.passwordChosen().get()).isFalse();
    }

    @Test
    void anAnswerForTheTenantTypedBeforeIsDropped() {
        form.server().set("gw:8787");
        form.tenant().set("acm");
        vm.lookUpOptions();
        form.tenant().set("acme");
        runIo();

        assertThat(vm.options().get()).isNull();
        vm.lookUpOptions();
        runIo();
        assertThat(vm.available().get()).isTrue();
    }

    @Test
    void failuresAreSaidInWordsThatNameTheProvider() {
        assertThat(SingleSignOnViewModel.explain(new GatewayException(403, "forbidden",
                "ana is in no group that gives a role in Huddle"), "Okta"))
                .isEqualTo("ana is in no group that gives a role in Huddle");
        assertThat(SingleSignOnViewModel.explain(new GatewayException(504, "unavailable", "no answer in 10 s"),
                "Okta")).startsWith("the gateway could not reach Okta: no answer in 10 s. Try again in a minute");
        assertThat(SingleSignOnViewModel.explain(new GatewayException(401, "unauthorized", "nonce mismatch"), "Okta"))
                .isEqualTo("Okta's answer was not accepted: nonce mismatch");
        assertThat(SingleSignOnViewModel.explain(new GatewayException(400, "invalid", "state expired"), "Okta"))
                .startsWith("the sign-in took too long or was already used");
    }
}
