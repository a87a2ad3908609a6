package org.reliefdesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The headless commands as a user runs them, on real files. */
class CliTest {

    @TempDir
    Path dir;

    @Test
    void generateThenImportTwice() throws IOException {
        Path file = dir.resolve("s.jsonl");
        Path data = dir.resolve("d");
        CliRun gen = CliRun.of("generate-sample", "--as-of", "2021-11-23", "--out", file.toString());
        assertEquals(0, gen.code(), gen.err());
        assertEquals(2400, Files.readAllLines(file).size());

        CliRun first = CliRun.of("import", "--file", file.toString(), "--data-dir", data.toString(), "--lang", "en");
        assertEquals(0, first.code(), first.err());
        assertEquals(
                "imported 2400, skipped (already present) 0, rejected 0",
                first.out().strip());
        CliRun second = CliRun.of("import", "--file", file.toString(), "--data-dir", data.toString(), "--lang", "en");
        assertEquals(
                "imported 0, skipped (already present) 2400, rejected 0",
                second.out().strip());
    }

    @Test
    void theCentralStoreListensOnThisMachineOnlyUnlessTold() {
        CentralCommand central = new CentralCommand();
        new picocli.CommandLine(central).parseArgs();
        assertEquals("127.0.0.1", central.host);
        new picocli.CommandLine(central).parseArgs("--host", "0.0.0.0");
        assertEquals("0.0.0.0", central.host);
    }

    @Test
    void aDamagedDatabaseIsNamedInPlainChineseAndLeftAsItIs() throws IOException {
        Path data = dir.resolve("d");
        Files.createDirectories(data.resolve("db"));
        Path file = data.resolve("db/reliefdesk.mv.db");
        Files.write(file, new byte[0]);
        Path lines = dir.resolve("s.jsonl");
        CliRun.of("generate-sample", "--as-of", "2021-11-23", "--out", lines.toString(), "--count", "3");
        CliRun run = CliRun.of("import", "--file", lines.toString(), "--data-dir", data.toString());
        assertEquals(2, run.code());
        assertTrue(
                run.err().contains("已损坏或为空")
                        && run.err().contains(file.toAbsolutePath().toString()),
                run.err());
        assertTrue(run.err().contains("从最近的备份恢复"), run.err());
        assertEquals(0, Files.size(file), "not made a new database");
    }

    @Test
    void aBadCheckDigitIsRejectedWithLineNumberAndField() throws IOException {
        CliRun r = importFiveEdited(lines -> {
            String id = lines.get(3)
                    .replaceAll(".*\"applicant\":\\{\"name\":\"[^\"]*\",\"idNumber\":\"(\\w{18})\".*", "$1");
            String bad = id.substring(0, 17) + (id.charAt(17) == '3' ? '4' : '3');
            lines.set(3, lines.get(3).replace("\"idNumber\":\"" + id, "\"idNumber\":\"" + bad));
        });
        assertEquals(1, r.code());
        assertTrue(r.err().contains("第 4 行：字段“身份证号”（applicant.idNumber）：校验码"), r.err());
        assertEquals("导入 4 件，跳过（已存在）0 件，拒绝 1 行", r.out().strip());
    }

    /** Two tickets run together on one line (a paste gone wrong): refused whole, not read as the first. */
    @Test
    void aLineWithTextAfterItsTicketIsRejectedNamingTheRule() throws IOException {
        CliRun r = importFiveEdited(lines -> lines.set(1, lines.get(1) + lines.remove(2)));
        assertEquals(1, r.code());
        assertTrue(r.err().contains("第 2 行：字段“整行”（line）：须是一个 JSON 对象，其后不能再有别的文字"), r.err());
        assertEquals("导入 3 件，跳过（已存在）0 件，拒绝 1 行", r.out().strip());
    }

    /** Five generated tickets, their lines edited as a person editing the file would, imported in Chinese. */
    private CliRun importFiveEdited(Consumer<List<String>> edit) throws IOException {
        Path file = dir.resolve("s.jsonl");
        CliRun.of("generate-sample", "--as-of", "2021-11-23", "--out", file.toString(), "--count", "5");
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        edit.accept(lines);
        Files.write(file, lines, StandardCharsets.UTF_8);
        return CliRun.of(
                "import",
                "--file",
                file.toString(),
                "--data-dir",
                dir.resolve("d").toString());
    }

    @Test
    void calendarPrintsWorkingDaysAndDeadlines() {
        CliRun days = CliRun.of("calendar", "working-days", "--year", "2024", "--data-dir", dir.toString());
        assertEquals(0, days.code(), days.err());
        List<String> lines = days.out().lines().toList();
        assertEquals(251, lines.size());
        assertEquals("2024-01-02", lines.get(0));
        assertTrue(lines.contains("2024-09-29"));
        assertTrue(lines.stream().allMatch(l -> l.matches("\\d{4}-\\d{2}-\\d{2}")));
        assertEquals(
                "2024-09-30 24:00",
                CliRun.of(
                                "calendar",
                                "add",
                                "--from",
                                "2024-09-27T16:00",
                                "--working-days",
                                "2",
                                "--data-dir",
                                dir.toString())
                        .out()
                        .strip());
        assertEquals(
                "2024-10-09 24:00",
                CliRun.of(
                                "calendar",
                                "add",
                                "--from",
                                "2024-09-30T10:00",
                                "--working-days",
                                "2",
                                "--data-dir",
                                dir.toString())
                        .out()
                        .strip());
        assertEquals(
                1,
                CliRun.of("calendar", "working-days", "--year", "2031", "--data-dir", dir.toString())
                        .code());
    }

    /**
     * The options the workbench takes may come before the command word, as a person who starts the
     * workbench with {@code --lang en} writes them: the command runs (not the window) and obeys them.
     */
    @Test
    void optionsBeforeTheCommandWordAreTheCommands() {
        CliRun refused =
                CliRun.of("--lang", "en", "--data-dir", dir.toString(), "calendar", "working-days", "--year", "2031");
        assertEquals(1, refused.code());
        assertTrue(refused.err().contains("2031"), refused.err());
        assertFalse(
                refused.err().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                refused.err());
        CliRun days =
                CliRun.of("--lang=zh", "calendar", "working-days", "--year", "2024", "--data-dir", dir.toString());
        assertEquals(251, days.out().lines().count(), days.err());
        assertArrayEquals(
                new String[] {"central", "renew-id", "--lang", "en", "--", "x"},
                ReliefDeskCli.commandLine(new String[] {"--lang", "en", "central", "renew-id", "--", "x"})
                        .orElseThrow());
        assertArrayEquals(
                new String[] {"--help"},
                ReliefDeskCli.commandLine(new String[] {"--lang", "en", "--help"})
                        .orElseThrow());
        assertTrue(ReliefDeskCli.commandLine(new String[] {"--lang", "en", "--central", "http://127.0.0.1:8787"})
                .isEmpty());
        assertTrue(ReliefDeskCli.commandLine(new String[] {"--data-dir", "central"})
                .isEmpty());
        assertTrue(ReliefDeskCli.commandLine(new String[] {}).isEmpty());
    }

    /**
     * A year's file with a fault is refused naming its entry and rule in the chosen language (not
     * the loader's codes, not English in a Chinese message), and the data directory keeps no year.
     */
    @Test
    void aBadHolidayFileIsRefusedInTheReadersLanguageAndNotKept() throws IOException {
        Path file = dir.resolve("2031.json");
        String good = """
                {"formatVersion":1,"year":2031,"notice":{"title":"国务院办公厅关于2031年部分节假日安排的通知",\
                "issued":"2030-11-01"},"offDays":[{"from":"2031-10-01","to":"2031-10-07"}],\
                "makeUpWorkingDays":["2031-09-28"]}""";
        Files.writeString(file, good.replace("2031-09-28", "2031-09-30"));
        Path data = dir.resolve("d");
        CliRun zh = CliRun.of("calendar", "import", "--file", file.toString(), "--data-dir", data.toString());
        assertEquals(1, zh.code(), zh.err());
        assertEquals(
                "未添加 " + file + "：放假安排文件：第 1 个调休上班日（makeUpWorkingDays[0]）2031-09-30 不是星期六或星期日，" + "而调休上班日总在周末",
                zh.err().strip());
        CliRun en = CliRun.of(
                "calendar", "import", "--file", file.toString(), "--data-dir", data.toString(), "--lang", "en");
        assertEquals(1, en.code(), en.err());
        assertEquals(
                file + " not added: Holiday-year file: make-up working day no. 1 (makeUpWorkingDays[0]), 2031-09-30,"
                        + " is not a Saturday or Sunday; a make-up working day always is",
                en.err().strip());
        assertFalse(Files.exists(data.resolve("calendar").resolve("2031.json")), "nothing kept");
        assertEquals(
                1,
                CliRun.of("calendar", "working-days", "--year", "2031", "--data-dir", data.toString())
                        .code());

        // a faulty file put into the folder by hand is named, and the other years are listed
        Path byHand = data.resolve("calendar").resolve("2030.json");
        Files.createDirectories(byHand.getParent());
        Files.writeString(byHand, "{}");
        CliRun years = CliRun.of("calendar", "years", "--data-dir", data.toString());
        assertEquals(0, years.code(), years.err());
        assertEquals(
                "未使用 " + byHand + "，该年按程序自带的安排（没有则按周一至周五）计算。放假安排文件：格式版本（formatVersion）须为 1",
                years.err().strip());
        assertEquals(6, years.out().lines().count(), years.out());
        Files.delete(byHand);

        Files.writeString(file, good);
        CliRun added = CliRun.of("calendar", "import", "--file", file.toString(), "--data-dir", data.toString());
        assertEquals(0, added.code(), added.err());
        assertEquals(
                "已添加 2031 年：国务院办公厅关于2031年部分节假日安排的通知，放假 7 天，调休上班 1 天",
                added.out().strip());
        assertEquals(
                0,
                CliRun.of("calendar", "working-days", "--year", "2031", "--data-dir", data.toString())
                        .code());
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"generate-sample", "import", "calendar"}) {
            CliRun r = CliRun.of(command, "--help");
            assertEquals(0, r.code());
            assertTrue(r.out().contains("Usage: reliefdesk " + command), r.out());
        }
        assertTrue(CliRun.of("--help").out().contains("generate-sample"));
    }

    @Test
    void anUnusableDataDirectoryIsNamedInTheReadersLanguageWithoutAStackTrace() throws IOException {
        Path file = dir.resolve("s.jsonl");
        CliRun.of("generate-sample", "--as-of", "2021-11-23", "--out", file.toString(), "--count", "3");
        Path notADirectory = dir.resolve("plain-file");
        Files.writeString(notADirectory, "x");
        CliRun zh = CliRun.of("import", "--file", file.toString(), "--data-dir", notADirectory.toString());
        assertEquals(2, zh.code());
        assertTrue(zh.err().startsWith("数据目录 " + notADirectory.toAbsolutePath() + " 无法使用"), zh.err());
        assertFalse(zh.err().contains("\tat "), zh.err());
        CliRun en =
                CliRun.of("import", "--file", file.toString(), "--data-dir", notADirectory.toString(), "--lang", "en");
        assertEquals(2, en.code());
        assertTrue(
                en.err().startsWith("The data directory " + notADirectory.toAbsolutePath() + " cannot be used"),
                en.err());
        assertEquals("x", Files.readString(notADirectory), "the file in the way is left as it was");
    }

    /**
     * The workbench open on the same data directory (or a command still running) holds the
     * database file's lock: the command says so in the reader's language, and the file is not
     * touched. The lock is taken here as another program takes it, on the file itself.
     */
    @Test
    void aDatabaseAnotherProgramHasOpenIsNamedAsInUseAndLeftAsItIs() throws IOException {
        Path lines = dir.resolve("s.jsonl");
        CliRun.of("generate-sample", "--as-of", "2021-11-23", "--out", lines.toString(), "--count", "3");
        Path data = dir.resolve("d");
        assertEquals(
                0,
                CliRun.of("import", "--file", lines.toString(), "--data-dir", data.toString())
                        .code());
        Path file = data.resolve("db/reliefdesk.mv.db").toAbsolutePath();
        byte[] before = Files.readAllBytes(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock held = channel.lock()) {
            CliRun zh = CliRun.of("import", "--file", lines.toString(), "--data-dir", data.toString());
            assertEquals(2, zh.code(), zh.err());
            assertTrue(zh.err().startsWith("本机数据库 " + file + " 正被另一个程序使用"), zh.err());
            assertFalse(zh.err().contains("\tat ") || zh.err().contains("locked"), zh.err());
            CliRun en = CliRun.of("import", "--file", lines.toString(), "--data-dir", data.toString(), "--lang", "en");
            assertEquals(2, en.code(), en.err());
            assertTrue(en.err().startsWith("This PC's database " + file + " is in use by another program"), en.err());
        }
        assertArrayEquals(before, Files.readAllBytes(file), "the database is not changed");
    }

    /**
     * A failure nobody foresaw is logged with its stack trace under an id; the person is told the
     * id in their language, never a library's English.
     */
    @Test
    void anUnforeseenFailureIsToldByItsIdInTheReadersLanguage() {
        CommandLine failing = new CommandLine(new Failing());
        for (String lang : new String[] {"zh", "en"}) {
            StringWriter err = new StringWriter();
            failing.setErr(new PrintWriter(err, true));
            failing.setExecutionExceptionHandler(new CommandFailures());
            int code = failing.execute("--lang", lang);
            assertEquals(2, code);
            String said = err.toString();
            assertTrue(
                    said.startsWith(
                            lang.equals("zh")
                                    ? "命令没有完成：程序出错（错误编号 E-"
                                    : "The command did not finish: a program error (error E-"),
                    said);
            assertTrue(said.matches("(?s).*E-[0-9A-F]{8}.*"), said);
            assertFalse(said.contains("secret SQL") || said.contains("IllegalStateException"), said);
        }
    }

    /** A command that fails as no command should. */
    @CommandLine.Command(name = "failing")
    static final class Failing implements Runnable {

        @CommandLine.Mixin
        CommonOptions options = new CommonOptions();

        @Override
        public void run() {
            throw new IllegalStateException("secret SQL: SELECT * FROM central_user");
        }
    }

    @Test
    void aMissingFileSaysSo() {
        CliRun r = CliRun.of(
                "import", "--file", dir.resolve("nope.jsonl").toString(), "--data-dir", dir.toString(), "--lang", "en");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Cannot read the file"), r.err());
    }

    /**
     * A file saved as GBK (a Chinese Windows editor's default) is said to be one, with what to do
     * (was "Input length = 1"), and nothing in the store is half-written: the UTF-8 import after it
     * takes every line.
     */
    @Test
    void aFileInAnotherEncodingIsSaidToBeOneAndTheStoreIsUntouched() throws IOException {
        Path utf8 = dir.resolve("s.jsonl");
        assertEquals(
                0,
                CliRun.of("generate-sample", "--as-of", "2021-11-23", "--count", "30", "--out", utf8.toString())
                        .code());
        Path gbk = dir.resolve("gbk.jsonl");
        Files.write(gbk, Files.readString(utf8).getBytes(Charset.forName("GBK")));
        Path data = dir.resolve("d");
        CliRun r = CliRun.of("import", "--file", gbk.toString(), "--data-dir", data.toString());
        assertEquals(2, r.code());
        assertEquals(
                gbk + " 不是 UTF-8 编码的文本（可能是按 GBK 保存的）。请把它另存为 UTF-8 编码后再导入；已经导入的工单再次导入时会跳过。",
                r.err().strip());
        CliRun again = CliRun.of("import", "--file", utf8.toString(), "--data-dir", data.toString(), "--lang", "en");
        assertEquals(
                "imported 30, skipped (already present) 0, rejected 0",
                again.out().strip(),
                again.err());
    }

    /** A report written where a folder is: said with the file's trouble, not the system's English; the folder kept. */
    @Test
    void aReportWrittenOverAFolderIsSaidInWords() throws IOException {
        Path data = importedSample(30);
        Path folder = Files.createDirectories(dir.resolve("超期.xlsx").resolve("旧"));
        Path out = folder.getParent();
        for (String lang : new String[] {"zh", "en"}) {
            CliRun r = CliRun.of(
                    "report",
                    "overdue",
                    "--as-of",
                    "2021-11-23",
                    "--format",
                    "xlsx",
                    "--out",
                    out.toString(),
                    "--data-dir",
                    data.toString(),
                    "--lang",
                    lang);
            assertEquals(2, r.code(), r.err());
            assertEquals(
                    lang.equals("zh")
                            ? "无法写入 " + out + "：这是一个文件夹，不能作为文件保存。请换一个文件名。"
                            : "cannot write " + out
                                    + ": that is a folder; it cannot be saved as a file. Choose another name.",
                    r.err().strip());
        }
        assertTrue(Files.isDirectory(folder));
    }

    /** A backup folder that is a file: said as such in zh and en (was a program error with an id), the file kept. */
    @Test
    void aBackupIntoAFileIsSaidInWords() throws IOException {
        Path data = importedSample(5);
        Path file = Files.writeString(dir.resolve("备份"), "not a folder");
        for (String lang : new String[] {"zh", "en"}) {
            CliRun r = CliRun.of(
                    "backup", "create", "--folder", file.toString(), "--data-dir", data.toString(), "--lang", lang);
            assertEquals(2, r.code(), r.err());
            assertEquals(
                    lang.equals("zh")
                            ? "命令没有完成：" + file + " 是一个文件，不是文件夹。请换一个文件夹。"
                            : "The command did not finish: " + file
                                    + " is a file, not a folder. Choose another folder.",
                    r.err().strip());
        }
        assertEquals("not a folder", Files.readString(file));
    }

    /** A data directory holding {@code count} sample tickets, imported as a person would. */
    private Path importedSample(int count) {
        Path sample = dir.resolve("s.jsonl");
        Path data = dir.resolve("d");
        assertEquals(
                0,
                CliRun.of("generate-sample", "--as-of", "2021-11-23", "--count", "" + count, "--out", sample.toString())
                        .code());
        assertEquals(
                0,
                CliRun.of("import", "--file", sample.toString(), "--data-dir", data.toString())
                        .code());
        return data;
    }
}
