package org.reliefdesk.gui.admin;

import java.io.IOException;
import java.util.List;

import org.reliefdesk.gui.sync.SyncViewModel;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.users.ListedUser;
import org.reliefdesk.model.User;
import org.reliefdesk.store.LocalStore;
import org.reliefdesk.sync.CentralClient;

/**
 * What the administrator's page changes, and where. A PC that syncs signs everyone in at the
 * central store, so its users live there (added with a first password, disabled there), and a
 * holiday year imported here is shared there for every PC; a PC without a central store keeps
 * its users itself and its calendar to itself. Called off the FX thread.
 */
public interface Administration {

    List<ListedUser> list() throws IOException;

    /** @throws org.reliefdesk.model.InvalidFieldException naming the field and rule the record or password broke */
    void add(User user, char[] password) throws IOException;

    void disable(String username) throws IOException;

    void enable(String username) throws IOException;

    /** Gives one imported year's file to every PC (at their next sync); nothing without a central store. */
    void shareYear(String content) throws IOException;

    /** Whether users live on the central store (then a first password is set, and users can be disabled). */
    boolean central();

    /** The central store's address the users live on (as in use now), or null when they live on this PC. */
    default String centralUrl() {
        return null;
    }

    /** The users of this PC alone (no central store): no passwords, nobody to disable. */
    static Administration local(LocalStore store, Catalog catalog) {
        return new Administration() {
            @Override
            public List<ListedUser> list() {
                return store.users().list().stream()
                        .map(u -> new ListedUser(u, false))
                        .toList();
            }

            @Override
            public void add(User user, char[] password) {
                store.users().add(user, catalog);
            }

            @Override
            public void disable(String username) {
                throw new UnsupportedOperationException("users of a PC without a central store are not disabled");
            }

            @Override
            public void enable(String username) {
                throw new UnsupportedOperationException("users of a PC without a central store are not disabled");
            }

            @Override
            public void shareYear(String content) {
                // No other PC to share with.
            }

            @Override
            public boolean central() {
                return false;
            }
        };
    }

    /**
     * The county's users on its central store, called as the signed-in administrator. An added user
     * is also known on this PC at once, so the sign-in list offers them.
     */
    static Administration central(SyncViewModel sync, LocalStore store) {
        return new Administration() {
            @Override
            public List<ListedUser> list() throws IOException {
                return sync.asUser((client, session) -> client.users(session.token()));
            }

            @Override
            public void add(User user, char[] password) throws IOException {
                try {
                    sync.asUser((client, session) -> {
                        client.addUser(session.token(), user, password);
                        return null;
                    });
                } catch (CentralClient.Refused e) {
                    throw e.invalidField().orElseThrow(() -> e);
                }
                store.users().addMissing(List.of(user));
            }

            @Override
            public void disable(String username) throws IOException {
                sync.asUser((client, session) -> {
                    client.disableUser(session.token(), username);
                    return null;
                });
            }

            @Override
            public void enable(String username) throws IOException {
                sync.asUser((client, session) -> {
                    client.enableUser(session.token(), username);
                    return null;
                });
            }

            @Override
            public void shareYear(String content) throws IOException {
                try {
                    sync.asUser((client, session) -> {
                        client.putCalendar(session.token(), content);
                        return null;
                    });
                } catch (CentralClient.Refused e) {
                    throw e.invalidField().orElseThrow(() -> e);
                }
            }

            @Override
            public boolean central() {
                return true;
            }

            @Override
            public String centralUrl() {
                return sync.centralUrl();
            }
        };
    }
}
