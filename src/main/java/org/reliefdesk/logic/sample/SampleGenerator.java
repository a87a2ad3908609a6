package org.reliefdesk.logic.sample;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.model.Applicant;
import org.reliefdesk.model.IntakeChannel;
import org.reliefdesk.model.Place;
import org.reliefdesk.model.ResidentIdNumber;
import org.reliefdesk.model.ServiceItem;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketEvent;
import org.reliefdesk.model.TicketHistory;
import org.reliefdesk.model.TicketStatus;

/**
 * Makes the demo county's tickets. The same seed and "as of" date always give the same
 * file; all times are placed relative to "as of" (18:00 China time that day), so a demo
 * generated today always has new, in-progress, nearly-due and long-open work.
 *
 * <p>Each ticket walks the generic lifecycle (submit → dispatch → accept → verify → handle
 * → feedback → follow-up) with random gaps, and stops where the next event would lie after
 * "as of". About one ticket in eight is "stuck" at some step, which makes the long-open work.
 */
public final class SampleGenerator {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final int DEFAULT_COUNT = 2400;
    public static final long DEFAULT_SEED = 20211123L;
    /** Tickets are submitted over this many days before "as of". */
    private static final int SPAN_DAYS = 120;

    private static final String[] SURNAMES = {"李", "王", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴",
        "徐", "孙", "马", "朱", "胡", "郭", "何", "罗", "高", "林", "普", "字", "者", "鲁", "起", "毕"};
    private static final String[] GIVEN = {"建", "国", "华", "明", "秀", "英", "兰", "芳", "文", "荣", "德",
        "成", "春", "梅", "光", "永", "金", "玉", "海", "云", "丽", "红", "志", "林", "平", "福", "贵", "忠"};
    private static final String[] RELATIONS = {"儿子", "女儿", "邻居", "村民小组长", "亲属"};
    private static final String[] CADRE_SOURCES = {"干部常态化排查", "部门筛查预警"};
    private static final String[] WATER_PROBLEMS = {"停水", "水量不足", "用水不方便", "水质浑浊", "有异味"};
    private static final String[] SATISFACTION = {"满意", "满意", "满意", "基本满意", "不满意"};

    /** Relative frequency of each item, by catalog number; every item gets some tickets. */
    private static final int[] WEIGHTS = {9, 4, 12, 10, 6, 9, 12, 4, 3, 7, 5, 6, 5, 4, 4};

    private final Catalog catalog;

    public SampleGenerator(Catalog catalog) {
        this.catalog = catalog;
    }

    public List<TicketHistory> generate(long seed, LocalDate asOfDate, int count) {
        Random rnd = new Random(seed);
        Instant asOf = asOfDate.atTime(18, 0).atZone(ZONE).toInstant();
        List<ServiceItem> items = catalog.items();
        List<Place> townships = DemoCounty.townships();
        List<Draft> drafts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            // Round-robin over items for the first pass so each of the 15 always appears.
            ServiceItem item = i < items.size() ? items.get(i) : pickItem(rnd, items);
            drafts.add(draft(rnd, item, townships, asOf, asOfDate));
        }
        drafts.sort(Comparator.comparing((Draft d) -> d.submittedAt).thenComparing(d -> d.id));
        Map<LocalDate, Integer> perDay = new HashMap<>();
        DateTimeFormatter day = DateTimeFormatter.BASIC_ISO_DATE;
        List<TicketHistory> result = new ArrayList<>(count);
        for (Draft d : drafts) {
            LocalDate date = d.submittedAt.atZone(ZONE).toLocalDate();
            int seq = perDay.merge(date, 1, Integer::sum);
            String ticketNo = DemoCounty.COUNTY.code() + date.format(day) + String.format("%04d", seq);
            result.add(d.build(ticketNo, rnd, asOf));
        }
        return result;
    }

    private static ServiceItem pickItem(Random rnd, List<ServiceItem> items) {
        int total = 0;
        for (ServiceItem item : items) {
            total += weight(item);
        }
        int r = rnd.nextInt(total);
        for (ServiceItem item : items) {
            r -= weight(item);
            if (r < 0) {
                return item;
            }
        }
        return items.get(items.size() - 1);
    }

    private static int weight(ServiceItem item) {
        return item.number() >= 1 && item.number() <= WEIGHTS.length ? WEIGHTS[item.number() - 1] : 5;
    }

    private Draft draft(Random rnd, ServiceItem item, List<Place> townships, Instant asOf, LocalDate asOfDate) {
        Draft d = new Draft();
        d.id = uuid(rnd);
        d.item = item;
        d.township = townships.get(rnd.nextInt(townships.size()));
        int villageIndex = rnd.nextInt(8);
        int nameIndex = (Math.abs(d.township.code().hashCode()) + villageIndex * 3) % DemoCounty.VILLAGE_NAMES.size();
        d.village = new Place(d.township.code() + String.format("%03d", 201 + villageIndex),
                DemoCounty.VILLAGE_NAMES.get(nameIndex) + "村委会");
        d.applicant = person(rnd, item, asOfDate);
        int c = rnd.nextInt(10);
        d.channel = c < 6 ? IntakeChannel.SELF_RAISED : c < 8 ? IntakeChannel.RAISED_BY_PROXY : IntakeChannel.GOVERNMENT_FOUND;
        if ("dropout_control".equals(item.code()) && d.channel == IntakeChannel.SELF_RAISED) {
            d.channel = IntakeChannel.RAISED_BY_PROXY; // a child's case is raised by a parent or a head teacher
        }
        d.raisedBy = switch (d.channel) {
            case SELF_RAISED -> null;
            case RAISED_BY_PROXY -> "dropout_control".equals(item.code()) && rnd.nextBoolean()
                    ? "班主任反映 " + name(rnd) : RELATIONS[rnd.nextInt(RELATIONS.length)] + " " + name(rnd);
            case GOVERNMENT_FOUND -> CADRE_SOURCES[rnd.nextInt(CADRE_SOURCES.length)] + " " + name(rnd);
        };
        // A quarter of the tickets fall in the last 10 days, so the new and nearly-due queues are never empty.
        double daysAgo = rnd.nextInt(4) == 0 ? rnd.nextDouble() * 10 : rnd.nextDouble() * SPAN_DAYS;
        LocalDate date = asOfDate.minusDays((long) daysAgo);
        LocalTime time = LocalTime.of(7 + rnd.nextInt(14), rnd.nextInt(60), rnd.nextInt(60));
        Instant at = date.atTime(time).atZone(ZONE).toInstant();
        d.submittedAt = at.isAfter(asOf) ? asOf.minusSeconds(600 + rnd.nextInt(3600)) : at;
        d.stuck = rnd.nextInt(8) == 0;
        return d;
    }

    private static UUID uuid(Random rnd) {
        long msb = (rnd.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L; // version 4
        long lsb = (rnd.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L; // IETF variant
        return new UUID(msb, lsb);
    }

    private static String name(Random rnd) {
        String given = GIVEN[rnd.nextInt(GIVEN.length)];
        if (rnd.nextBoolean()) {
            given += GIVEN[rnd.nextInt(GIVEN.length)];
        }
        return SURNAMES[rnd.nextInt(SURNAMES.length)] + given;
    }

    private static Applicant person(Random rnd, ServiceItem item, LocalDate asOf) {
        int age = switch (item.code()) {
            case "dropout_control" -> 7 + rnd.nextInt(9);
            case "job_search", "training" -> 18 + rnd.nextInt(38);
            default -> 1 + rnd.nextInt(89);
        };
        LocalDate birth = asOf.minusYears(age).minusDays(rnd.nextInt(365));
        String first17 = DemoCounty.COUNTY.code() + birth.format(DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%03d", rnd.nextInt(1000));
        String id = first17 + ResidentIdNumber.checkChar(first17);
        String phone = "1" + (3 + rnd.nextInt(7)) + String.format("%09d", rnd.nextInt(1_000_000_000));
        return new Applicant(name(rnd), id, phone);
    }

    /** The draft of one ticket before its number and history are known. */
    private static final class Draft {
        UUID id;
        ServiceItem item;
        Place township;
        Place village;
        Applicant applicant;
        IntakeChannel channel;
        String raisedBy;
        Instant submittedAt;
        boolean stuck;

        TicketHistory build(String ticketNo, Random rnd, Instant asOf) {
            List<TicketEvent> events = new ArrayList<>();
            String department = item.departmentCode();
            // Usernames as the demo users have them (water.clerk, township.pingshan), others alike.
            String clerk = department.toLowerCase(java.util.Locale.ROOT) + ".clerk";
            String townshipStaff = township.code().equals(DemoUsers.TOWNSHIP_STAFF.townshipCode())
                    ? DemoUsers.TOWNSHIP_STAFF.username() : "township." + township.code();
            String submitter = channel == IntakeChannel.SELF_RAISED ? applicant.name() : raisedBy;
            Instant t = submittedAt;
            add(events, rnd, submitter, t, "submit", null, "acceptance", submitForm(rnd));
            Instant dispatched = t.plus(Duration.ofMinutes(2 + rnd.nextInt(90)));
            Instant concludedAt = null;
            String step = "acceptance";
            TicketStatus status = TicketStatus.NEW;
            // Each stage: the action, the step it leads to, who acts, and a typical delay in hours.
            Object[][] stages = {
                {"dispatch", "acceptance", TicketEvent.PLATFORM, 0},
                {"accept", "verification", clerk, 20},
                {"verify", "handling", townshipStaff, 40},
                {"handle", "feedback", clerk, 100},
                {"feedback", "follow_up", clerk, 20},
                {"follow_up", "concluded", clerk, 60},
            };
            int stopAt = stuck ? 1 + rnd.nextInt(stages.length - 1) : stages.length;
            for (int s = 0; s < stages.length; s++) {
                String action = (String) stages[s][0];
                Instant when = s == 0 ? dispatched
                        : t.plus(Duration.ofMinutes(30 + rnd.nextInt(60 * ((Integer) stages[s][3] + 1))));
                if (when.isAfter(asOf) || s > stopAt) {
                    break;
                }
                if ("accept".equals(action) && rnd.nextInt(25) == 0) {
                    // Now and then a department refuses the request, with a reason fed back.
                    add(events, rnd, clerk, when, "reject", step, "concluded",
                            ordered("reason", "经核实不属于本部门受理范围，已告知申请人"));
                    step = "concluded";
                    status = TicketStatus.CONCLUDED;
                    concludedAt = when;
                    break;
                }
                String to = (String) stages[s][1];
                add(events, rnd, (String) stages[s][2], when, action, step, to, formFor(action, rnd));
                t = when;
                step = to;
                status = "concluded".equals(to) ? TicketStatus.CONCLUDED
                        : "acceptance".equals(to) ? TicketStatus.NEW : TicketStatus.IN_PROGRESS;
                if (status == TicketStatus.CONCLUDED) {
                    concludedAt = when;
                }
            }
            Instant dispatchedAt = events.size() > 1 ? events.get(1).at() : null;
            Ticket ticket = new Ticket(id, ticketNo, item.code(), DemoCounty.COUNTY, township, village, applicant,
                    channel, raisedBy, submittedAt, dispatchedAt, step, status, concludedAt, 0);
            return new TicketHistory(ticket, events);
        }

        private Map<String, Object> submitForm(Random rnd) {
            if ("drinking_water".equals(item.code())) {
                return ordered("problem", WATER_PROBLEMS[rnd.nextInt(WATER_PROBLEMS.length)]);
            }
            return ordered("description", "申请" + item.nameZh());
        }

        private static Map<String, Object> formFor(String action, Random rnd) {
            return switch (action) {
                case "verify" -> ordered("confirmed", rnd.nextInt(10) > 0, "finding", "现场核实情况属实");
                case "feedback" -> ordered("text", "您的诉求已办理，请留意后续通知。");
                case "follow_up" -> ordered("method", "电话", "satisfaction", SATISFACTION[rnd.nextInt(SATISFACTION.length)]);
                default -> ordered();
            };
        }

        private void add(List<TicketEvent> events, Random rnd, String actor, Instant at, String action,
                         String from, String to, Map<String, Object> form) {
            events.add(new TicketEvent(uuid(rnd), id, events.size() + 1, actor, at, action, from, to, null, form));
        }
    }

    /** Form data in a fixed key order: Map.of iterates in a per-JVM random order, files must not. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** Noon of a date in China time, handy for tests and the GUI's first start. */
    public static Instant noon(LocalDate date) {
        return ZonedDateTime.of(date, LocalTime.NOON, ZONE).toInstant();
    }
}
