package org.reliefdesk.logic.sample;

import java.util.List;

import org.reliefdesk.model.Role;
import org.reliefdesk.model.User;

/** The demo sign-in choices on the embedded default: one user per role in the demo county. */
public final class DemoUsers {

    public static final User WATER_CLERK =
            new User("water.clerk", "李水清", Role.CLERK, DemoCounty.COUNTY.code(), "WATER", null);
    public static final User CIVIL_CLERK =
            new User("civil.clerk", "王民安", Role.CLERK, DemoCounty.COUNTY.code(), "CIVIL", null);
    public static final User JOB_CLERK =
            new User("hrss.clerk", "刘就业", Role.CLERK, DemoCounty.COUNTY.code(), "HRSS", null);
    public static final User TOWNSHIP_STAFF = new User(
            "township.pingshan",
            "张屏山",
            Role.TOWNSHIP,
            DemoCounty.COUNTY.code(),
            null,
            DemoCounty.firstTownship().code());
    /**
     * The password of every demo user on the embedded demo central store (loopback only, sample
     * data only). A real central store's users get their own passwords from {@code central user add}.
     */
    public static final String DEMO_PASSWORD = "reliefdesk-demo";

    public static final User LEADER = new User("leader", "赵县长", Role.LEADER, DemoCounty.COUNTY.code(), null, null);
    public static final User ADMIN = new User("admin", "系统管理员", Role.ADMIN, DemoCounty.COUNTY.code(), null, null);

    private DemoUsers() {}

    public static List<User> all() {
        return List.of(WATER_CLERK, CIVIL_CLERK, JOB_CLERK, TOWNSHIP_STAFF, LEADER, ADMIN);
    }
}
