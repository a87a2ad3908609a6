package org.reliefdesk.store;

import java.util.Comparator;
import java.util.List;

import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.users.UserRules;
import org.reliefdesk.model.InvalidFieldException;
import org.reliefdesk.model.User;

/** Users known on this machine. */
public final class UserStore {

    private final LocalStore store;

    UserStore(LocalStore store) {
        this.store = store;
    }

    public List<User> list() {
        // Ordered as the roles are declared (clerk, township, leader, admin), then by name.
        return store.read(s -> s.createSelectionQuery("from UserEntity", UserEntity.class).getResultList().stream()
                .map(UserEntity::toModel)
                .sorted(Comparator.comparing(User::role).thenComparing(User::username))
                .toList());
    }

    /**
     * Adds one user; a sign-in name already taken is refused and nothing is written.
     *
     * @throws InvalidFieldException naming the field and the rule
     */
    public void add(User user, Catalog catalog) {
        UserRules.check(user, catalog);
        store.inTransaction(s -> {
            if (s.find(UserEntity.class, user.username()) != null) {
                throw new InvalidFieldException("username", "rule.duplicate", user.username());
            }
            s.persist(UserEntity.from(user));
            return null;
        });
    }

    /** Adds users that are not there yet; existing ones are left as they are. */
    public int addMissing(List<User> users) {
        return store.inTransaction(s -> {
            int added = 0;
            for (User u : users) {
                if (s.find(UserEntity.class, u.username()) == null) {
                    s.persist(UserEntity.from(u));
                    added++;
                }
            }
            return added;
        });
    }
}
