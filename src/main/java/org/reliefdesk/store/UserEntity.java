package org.reliefdesk.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.reliefdesk.model.User;

/** Row of table {@code app_user}. */
@Entity
@Table(name = "app_user")
class UserEntity {

    @Id
    @Column(name = "username", length = 64)
    String username;

    @Column(name = "display_name", length = 100, nullable = false)
    String displayName;

    @Column(name = "role", length = 20, nullable = false)
    String role;

    @Column(name = "county_code", length = 6, nullable = false)
    String countyCode;

    @Column(name = "department_code", length = 32)
    String departmentCode;

    @Column(name = "township_code", length = 9)
    String townshipCode;

    static UserEntity from(User u) {
        UserEntity e = new UserEntity();
        e.username = u.username();
        e.displayName = u.displayName();
        e.role = u.role().name();
        e.countyCode = u.countyCode();
        e.departmentCode = u.departmentCode();
        e.townshipCode = u.townshipCode();
        return e;
    }
}
