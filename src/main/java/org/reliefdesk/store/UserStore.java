package org.reliefdesk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.users.UserRules;
import org.reliefdesk.model.InvalidFieldException;
import org.reliefdesk.model.Role;
import org.reliefdesk.model.User;

/** Users known on this machine. */
public final class UserStore {

    private final LocalStore store;

    UserStore(LocalStore store) {
        this.store = store;
    }

    public List<User> list() {
        // Ordered as the roles are declared (clerk, township, leader, admin), then by name.
        // Plain JDBC: the sign-in list and an import read it before anything needs Hibernate's mapping.
        return store.readJdbc(c -> {
            List<User> users = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT username, display_name, role, county_code,"
                            + " department_code, township_code FROM app_user");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    users.add(new User(
                            rs.getString(1),
                            rs.getString(2),
                            Role.valueOf(rs.getString(3)),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6)));
                }
            }
            users.sort(Comparator.comparing(User::role).thenComparing(User::username));
            return users;
        });
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

    /** Adds users that are not there yet; existing ones are left as they are (plain JDBC: a sync's sign-in). */
    public int addMissing(List<User> users) {
        return store.inJdbcTransaction(c -> {
            int added = 0;
            for (User u : users) {
                added += Sql.update(
                        c,
                        "INSERT INTO app_user (username, display_name, role, county_code, department_code,"
                                + " township_code) SELECT ?, ?, ?, ?, ?, ? WHERE NOT EXISTS"
                                + " (SELECT 1 FROM app_user WHERE username = ?)",
                        u.username(),
                        u.displayName(),
                        u.role().name(),
                        u.countyCode(),
                        u.departmentCode(),
                        u.townshipCode(),
                        u.username());
            }
            return added;
        });
    }
}
