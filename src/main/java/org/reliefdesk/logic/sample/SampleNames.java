package org.reliefdesk.logic.sample;

import java.util.Random;

/** Fictional names for the demo county. */
final class SampleNames {

    private static final String[] SURNAMES = {
        "李", "王", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "罗", "高", "林", "普", "字",
        "者", "鲁", "起", "毕"
    };
    private static final String[] GIVEN = {
        "建", "国", "华", "明", "秀", "英", "兰", "芳", "文", "荣", "德", "成", "春", "梅", "光", "永", "金", "玉", "海", "云", "丽", "红",
        "志", "林", "平", "福", "贵", "忠"
    };

    private SampleNames() {}

    static String person(Random rnd) {
        String given = GIVEN[rnd.nextInt(GIVEN.length)];
        if (rnd.nextBoolean()) {
            given += GIVEN[rnd.nextInt(GIVEN.length)];
        }
        return SURNAMES[rnd.nextInt(SURNAMES.length)] + given;
    }

    static String pick(Random rnd, String... choices) {
        return choices[rnd.nextInt(choices.length)];
    }
}
