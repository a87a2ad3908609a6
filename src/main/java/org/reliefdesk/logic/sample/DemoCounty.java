package org.reliefdesk.logic.sample;

import java.util.List;
import java.util.stream.IntStream;

import org.reliefdesk.model.Place;

/**
 * The demo county: 禄劝彝族苗族自治县 (Luquan, Kunming, Yunnan; GB/T 2260 code 530128) and
 * its 16 townships by their real names. Township and village numbers below the county code
 * follow the shape of the statistical division codes (9 and 12 digits) but are illustrative,
 * and the village names are made up. The people in the sample are fictional.
 */
public final class DemoCounty {

    public static final Place COUNTY = new Place("530128", "禄劝彝族苗族自治县");

    public static final List<String> TOWNSHIP_NAMES = List.of(
            "屏山街道", "崇德街道", "转龙镇", "茂山镇", "团街镇", "中屏镇", "撒营盘镇", "皎平渡镇", "乌东德镇", "翠华镇", "九龙镇", "汤郎乡", "马鹿塘乡", "雪山乡",
            "则黑乡", "云龙乡");

    /** Fictional village names; each township gets a handful of them. */
    static final List<String> VILLAGE_NAMES = List.of(
            "大村", "新街村", "小河村", "松林村", "马军村", "石板村", "河口村", "箐门村", "龙潭村", "凤山村", "白云村", "大平地村", "麦地村", "核桃村", "青山村",
            "三家村", "沙坝村", "羊街村", "下村", "上村");

    private DemoCounty() {}

    public static List<Place> townships() {
        return IntStream.range(0, TOWNSHIP_NAMES.size())
                .mapToObj(i -> new Place(COUNTY.code() + String.format("%03d", i + 1), TOWNSHIP_NAMES.get(i)))
                .toList();
    }

    /** Name of the demo county or one of its townships; other codes are returned as they are. */
    public static String placeName(String code) {
        if (COUNTY.code().equals(code)) {
            return COUNTY.name();
        }
        return townships().stream()
                .filter(p -> p.code().equals(code))
                .map(Place::name)
                .findFirst()
                .orElse(code);
    }

    /** The first township, 屏山街道: home of the demo township user. */
    public static Place firstTownship() {
        return townships().get(0);
    }
}
