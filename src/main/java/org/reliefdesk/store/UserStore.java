package org.reliefdesk.store;

import java.util.List;

import org.reliefdesk.model.User;

/** Users known on this machine. */
public final class UserStore {

    private final LocalStore store;

    UserStore(LocalStore store) {
        this.store = store;
    }

    public List<User> list() {
        return store.read(s -> s.createSelectionQuery("from UserEntity order by role, username", UserEntity.class)
                .getResultList().stream().map(UserEntity::toModel).toList());
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
