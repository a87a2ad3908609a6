package org.reliefdesk.logic.sample;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.FieldDef;
import org.reliefdesk.logic.catalog.FormDef;
import org.reliefdesk.logic.catalog.Label;
import org.reliefdesk.model.ChinaTime;
import org.reliefdesk.model.ResidentIdNumber;

/**
 * Fills a catalog form with plausible values for the demo county, from the field
 * definitions alone — so it serves every item. Yes/no answers lean towards the usual path;
 * in {@link #happy} mode they follow it exactly (used by tests that walk each item's path).
 */
public final class FormFaker {

    /** How likely "yes" is for fields that steer a workflow; others are "yes" 80% of the time. */
    /**
     * What a clerk might write in a long text, by the field's label: the text alone (the history
     * shows it after the label already; "情况描述：情况描述：…" read as a defect).
     */
    private static final Map<String, String> LONG_TEXTS = Map.of(
            "情况描述", "家中遇到困难，请求帮助解决。",
            "核查情况", "经入户核查，反映情况属实。",
            "施工情况", "已按方案施工，进度正常。",
            "问题原因", "设施老化，维护不到位。",
            "解决措施", "已安排维修，恢复正常。",
            "工程措施", "纳入年度工程计划实施。",
            "告知申请人的内容", "已告知申请人办理进度和预计完成时间。",
            "反馈内容", "已将办理结果告知申请人。",
            "回访情况", "申请人对办理结果表示认可。");

    private static final Map<String, Double> YES = Map.of(
            "wantsAnotherRound",
            0.35,
            "employed",
            0.45,
            "zeroEmploymentFamily",
            0.3,
            "needsMedicine",
            0.6,
            "confirmed",
            0.9,
            "approved",
            0.85,
            "willing",
            0.85,
            "lowIncomeConfirmed",
            0.95,
            "passed",
            0.92);
    /** The usual path when walked exactly. */
    private static final Map<String, Object> HAPPY =
            Map.of("wantsAnotherRound", false, "grade", "D", "disease", "other", "zeroEmploymentFamily", false);

    private final Catalog catalog;
    private final Random rnd;
    private final boolean happy;

    private FormFaker(Catalog catalog, Random rnd, boolean happy) {
        this.catalog = catalog;
        this.rnd = rnd;
        this.happy = happy;
    }

    public static FormFaker random(Catalog catalog, Random rnd) {
        return new FormFaker(catalog, rnd, false);
    }

    public static FormFaker happy(Catalog catalog) {
        return new FormFaker(catalog, new Random(1), true);
    }

    /** Values for {@code form} at moment {@code at}; {@code facts} settle "required when" fields. */
    public Map<String, Object> fill(FormDef form, Map<String, Object> facts, Instant at) {
        return fill(form.fields(), facts, at);
    }

    private Map<String, Object> fill(List<FieldDef> fields, Map<String, Object> facts, Instant at) {
        Map<String, Object> context = new HashMap<>(facts);
        Map<String, Object> out = new LinkedHashMap<>();
        for (FieldDef f : fields) {
            boolean needed = f.required()
                    || (f.requiredWhen() != null && f.requiredWhen().test(context));
            if (!needed && (f.requiredWhen() != null || rnd.nextInt(3) == 0)) {
                continue;
            }
            Object v = f.mustEqual() != null
                            && (f.mustEqualWhen() == null || f.mustEqualWhen().test(context))
                    ? f.mustEqual()
                    : value(f, context, at);
            out.put(f.code(), v);
            context.put(f.code(), v);
        }
        return out;
    }

    private Object value(FieldDef f, Map<String, Object> context, Instant at) {
        LocalDateTime local = LocalDateTime.ofInstant(at, ChinaTime.ZONE);
        if (happy && HAPPY.containsKey(f.code())) {
            return HAPPY.get(f.code());
        }
        return switch (f.type()) {
            case TEXT -> text(f);
            case LONG_TEXT -> LONG_TEXTS.getOrDefault(f.zh().replaceAll("（.*）", ""), "已按规定办理。");
            case INTEGER -> (long) (1 + rnd.nextInt(10));
            case DECIMAL -> {
                int max = f.max() == null ? 5000 : Math.min(f.max().intValue(), 5000);
                yield BigDecimal.valueOf(100L * (1 + rnd.nextInt(Math.max(1, max / 100))));
            }
            case DATE -> local.toLocalDate().toString();
            case DATE_TIME -> local.withSecond(0).withNano(0).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            case BOOLEAN -> happy || rnd.nextDouble() < YES.getOrDefault(f.code(), 0.8);
            case CHOICE -> options(f).get(rnd.nextInt(options(f).size())).code();
            case MULTI_CHOICE -> {
                List<String> chosen = new ArrayList<>();
                for (Label o : options(f)) {
                    if (chosen.isEmpty() || rnd.nextBoolean()) {
                        chosen.add(o.code());
                    }
                }
                yield chosen;
            }
            case ROWS -> {
                int max = f.maxRows() == null ? 4 : f.maxRows();
                int min = f.minRows() == null ? 1 : f.minRows();
                int n = "jobs".equals(f.code())
                        ? Math.max(min, max - rnd.nextInt(max / 2 + 1))
                        : min + rnd.nextInt(Math.max(1, Math.min(max, 4) - min + 1));
                List<Map<String, Object>> rows = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    rows.add(fill(f.fields(), context, at));
                }
                yield rows;
            }
            case ATTACHMENT -> List.of(String.format("%064x", rnd.nextLong() & Long.MAX_VALUE) + ".jpg");
            case ID_NUMBER -> {
                int age = "studentIdNumber".equals(f.code()) ? 8 + rnd.nextInt(7) : 5 + rnd.nextInt(70);
                String first17 = DemoCounty.COUNTY.code()
                        + local.toLocalDate()
                                .minusYears(age)
                                .minusDays(rnd.nextInt(365))
                                .format(DateTimeFormatter.BASIC_ISO_DATE)
                        + String.format("%03d", rnd.nextInt(1000));
                yield first17 + ResidentIdNumber.checkChar(first17);
            }
            case PHONE -> "13" + String.format("%09d", rnd.nextInt(1_000_000_000));
        };
    }

    private List<Label> options(FieldDef f) {
        return f.options() != null
                ? f.options()
                : catalog.list(f.list()).orElseThrow().entries();
    }

    private String text(FieldDef f) {
        return switch (f.code()) {
            case "name", "verifier", "guardian", "studentName", "familyDoctor" -> SampleNames.person(rnd);
            case "employer" -> SampleNames.pick(rnd, "禄劝县农业发展有限公司", "昆明市某物流公司", "禄劝县建筑工程公司", "屏山街道扶贫车间");
            case "position" -> SampleNames.pick(rnd, "普工", "保洁员", "护林员", "仓库管理员", "厨师助理", "道路养护员");
            case "place" -> SampleNames.pick(rnd, "禄劝县城", "昆明市", "屏山街道", "村委会");
            case "hospital", "designatedHospital" -> SampleNames.pick(rnd, "禄劝县第一人民医院", "禄劝县中医医院");
            case "school" -> SampleNames.pick(rnd, "禄劝县第一中学", "屏山中心学校", "转龙中学");
            case "station" -> "乡镇水务站";
            default -> f.zh().replaceAll("（.*）", "") + "（示例）";
        };
    }
}
