package org.reliefdesk.gui.signin;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.reliefdesk.gui.common.UiTasks;
import org.reliefdesk.gui.session.Workspace;
import org.reliefdesk.logic.FailureWords;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.model.User;
import org.reliefdesk.store.SyncFacts;
import org.reliefdesk.sync.CentralClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signing in with a password at the county's central store, off the FX thread. Accepted: the
 * person is known on this PC from then on and the password's hash is remembered. Unreachable (or
 * someone other than a central store answers at its address): a
 * person who signed in here before works offline if the password matches the one last accepted
 * (the sync signs in once the network is back); anyone else is told why, in their language.
 * An online sign-in hands its token on: the workbench's first sync uses it instead of signing in
 * again (each sign-in costs the central store a password derivation).
 */
public final class SignInViewModel {
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private static final Logger LOG = LoggerFactory.getLogger(SignInViewModel.class);

    private final Workspace workspace;

    public SignInViewModel(Workspace workspace) {
        this.workspace = workspace;
    }

    /**
     * Who signed in, with the password the sync signs in with again when its token expires, and
     * the token of this sign-in (null when accepted offline).
     */
    public record SignedIn(User user, char[] password, CentralClient.Session session) {}

    /** Answers on the FX thread: {@code signedIn} with who signed in, or {@code refused} with why. */
    public void signIn(String username, char[] password, Consumer<SignedIn> signedIn, Consumer<String> refused) {
        Texts texts = workspace.config.texts();
        workspace.tasks.run(
                UiTasks.Lane.SYNC,
                p -> answer(username, password, texts),
                answer -> {
                    if (answer.user() != null) {
                        signedIn.accept(new SignedIn(answer.user(), password, answer.session()));
                    } else {
                        refused.accept(texts.atHead(answer.refusal()));
                    }
                },
                error -> {
                    refused.accept(texts.msg("signin.failed", FailureWords.of(texts, LOG, "Signing in failed", error)));
                });
    }

    /** Who signed in (with the central store's token, when online), or why not. */
    private record Answer(User user, CentralClient.Session session, String refusal) {}

    private Answer answer(String username, char[] password, Texts texts) {
        try (CentralClient client = new CentralClient(workspace.centralUrl(), TIMEOUT)) {
            var session = client.signIn(
                    username, password, workspace.store.syncFacts().clientId());
            workspace.store.users().addMissing(List.of(session.user()));
            workspace.store.syncFacts().rememberPassword(username, session.offlineHash());
            return new Answer(session.user(), session, null);
        } catch (CentralClient.Refused e) {
            if (!CentralClient.NOT_CENTRAL.equals(e.code())) {
                return new Answer(null, null, FailureWords.of(texts, LOG, "Sign-in refused", e));
            }
            // someone else answers at the address (set wrong, or a login page of the network): no
            // central store refused anyone, so it is as if none were reached, said in its own words
            return offline(username, password, texts, FailureWords.of(texts, LOG, "Sign-in not answered", e));
        } catch (IOException e) {
            LOG.info("Central store not reached at sign-in: {}", e.toString());
            return offline(username, password, texts, texts.msg("signIn.offlineUnknown", workspace.centralUrl()));
        }
    }

    /** Someone who signed in here before, with the password last accepted; else why not. */
    private Answer offline(String username, char[] password, Texts texts, String whyNotKnown) {
        Optional<User> known = workspace.store.users().list().stream()
                .filter(u -> u.username().equals(username))
                .findFirst();
        SyncFacts.OfflineCheck check = workspace.store.syncFacts().checkOffline(username, password);
        if (known.isPresent() && check == SyncFacts.OfflineCheck.MATCHES) {
            return new Answer(known.get(), null, null);
        }
        return new Answer(
                null, null, check == SyncFacts.OfflineCheck.WRONG ? texts.msg("sync.auth.wrongPassword") : whyNotKnown);
    }
}
