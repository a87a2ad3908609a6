package org.reliefdesk.logic.sample;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.reliefdesk.model.Place;
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

    /** Given names for the colleagues' accounts, in a fixed order (the demo is the same on every PC). */
    private static final List<String> COLLEAGUE_NAMES = List.of(
            "周住安", "杨育才", "李康宁", "孙保民", "马云川", "何桂芬", "罗建华", "普文忠", "陈秀英", "赵德明", "张丽萍", "王志强", "李春燕", "毕国富", "起永红",
            "杨树林", "鲁正兴", "朱海波", "吴兰英", "范家祥");

    private DemoUsers() {}

    public static List<User> all() {
        return List.of(WATER_CLERK, CIVIL_CLERK, JOB_CLERK, TOWNSHIP_STAFF, LEADER, ADMIN);
    }

    /**
     * The other people the sample county's histories name — the clerks of the departments without a
     * sign-in choice and the staff of every other township — as accounts of the embedded demo
     * store, so a history says who acted (周住安) rather than an account (housing.clerk). They are
     * not offered at sign-in.
     */
    public static List<User> colleagues(List<String> departmentCodes) {
        List<User> out = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        all().forEach(u -> taken.add(u.username()));
        for (String department : departmentCodes) {
            String username = department.toLowerCase(Locale.ROOT) + ".clerk";
            if (taken.add(username)) {
                out.add(new User(
                        username, nameFor(out.size()), Role.CLERK, DemoCounty.COUNTY.code(), department, null));
            }
        }
        for (Place township : DemoCounty.townships()) {
            String username = "township." + township.code();
            if (!township.code().equals(TOWNSHIP_STAFF.townshipCode()) && taken.add(username)) {
                out.add(new User(
                        username, nameFor(out.size()), Role.TOWNSHIP, DemoCounty.COUNTY.code(), null, township.code()));
            }
        }
        return out;
    }

    private static String nameFor(int i) {
        return COLLEAGUE_NAMES.get(i % COLLEAGUE_NAMES.size());
    }
}
