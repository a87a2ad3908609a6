package org.reliefdesk.central;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.logic.catalog.FormDef;
import org.reliefdesk.logic.interchange.TicketLineCodec;
import org.reliefdesk.logic.queue.TicketScope;
import org.reliefdesk.logic.sample.FormFaker;
import org.reliefdesk.logic.sample.SampleGenerator;
import org.reliefdesk.logic.workflow.TicketFacts;
import org.reliefdesk.logic.workflow.WorkflowEngine;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketEvent;
import org.reliefdesk.store.LocalStore;
import org.reliefdesk.store.TicketActions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The commands as an administrator and two county PCs use them, each in its own JVM: {@code central
 * user add}, {@code central import}, {@code central} serving on loopback, and {@code sync} from two
 * data directories — the second PC sees the first PC's accepted action after its sync.
 */
class CentralCommandTest {

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();

    @Test
    void centralAndTwoSyncRunsFromTwoDataDirectories() throws Exception {
        Path centralDir = dir.resolve("central");
        for (var u : List.of(SyncWorld.WATER_A, SyncWorld.WATER_A2)) {
            Run add = run(List.of(
                    "central",
                    "user",
                    "add",
                    "--data-dir",
                    centralDir.toString(),
                    "--name",
                    u.username(),
                    "--display-name",
                    u.displayName(),
                    "--role",
                    "clerk",
                    "--county",
                    u.countyCode(),
                    "--department",
                    u.departmentCode()));
            assertEquals(0, add.exit(), add.output());
            assertTrue(add.output().contains("已添加用户 " + u.username()), add.output());
        }
        Run refused = run(List.of(
                "central",
                "user",
                "add",
                "--data-dir",
                centralDir.toString(),
                "--name",
                "x",
                "--role",
                "clerk",
                "--county",
                "530128"));
        assertEquals(1, refused.exit(), "one letter is no sign-in name; a clerk needs a department");
        // disabled and enabled again on the server; an unknown name is said to be unknown
        String second = SyncWorld.WATER_A2.username();
        Run disabled =
                run(List.of("central", "user", "disable", "--data-dir", centralDir.toString(), "--name", second));
        assertEquals(0, disabled.exit(), disabled.output());
        Run enabled = run(List.of("central", "user", "enable", "--data-dir", centralDir.toString(), "--name", second));
        assertEquals(0, enabled.exit(), enabled.output());
        assertTrue(enabled.output().contains("已重新启用"), enabled.output());
        Run unknown =
                run(List.of("central", "user", "enable", "--data-dir", centralDir.toString(), "--name", "nobody"));
        assertEquals(1, unknown.exit(), unknown.output());
        Path file = dir.resolve("county.jsonl");
        TicketLineCodec codec = new TicketLineCodec(SyncWorld.CATALOG);
        Files.write(
                file,
                new SampleGenerator(SyncWorld.CATALOG)
                        .generate(3, Instant.now().minusSeconds(3600), 300).stream()
                                .map(codec::write)
                                .toList());
        Run intake = run(List.of("central", "import", "--data-dir", centralDir.toString(), "--file", file.toString()));
        assertEquals(0, intake.exit(), intake.output());
        assertTrue(intake.output().contains("已接收新工单 300 件"), intake.output());

        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process central = start(
                List.of(
                        "central",
                        "--data-dir",
                        centralDir.toString(),
                        "--host",
                        "127.0.0.1",
                        "--port",
                        Integer.toString(port),
                        "--access-log",
                        dir.resolve("access-yyyy_mm_dd.log").toString()),
                dir.resolve("central.log"));
        String url = "http://127.0.0.1:" + port;
        waitForLine(dir.resolve("central.log"), "中央库已启动", central);

        Path a = dir.resolve("pc-a");
        Path b = dir.resolve("pc-b");
        Run firstA = sync(url, SyncWorld.WATER_A.username(), a);
        assertEquals(0, firstA.exit(), firstA.output());
        Run firstB = sync(url, SyncWorld.WATER_A2.username(), b);
        assertEquals(0, firstB.exit(), firstB.output());

        // On PC A, the water clerk takes an action (as in the workbench), then syncs.
        Ticket acted;
        TicketEvent event;
        try (LocalStore store = LocalStore.open(a)) {
            Ticket target = actionable(store);
            acted = act(store, target);
            List<TicketEvent> events = store.tickets().events(target.id());
            event = events.get(events.size() - 1);
        }
        Run pushA = sync(url, SyncWorld.WATER_A.username(), a);
        assertEquals(0, pushA.exit(), pushA.output());
        assertTrue(pushA.output().contains("推送 1，已应用 1，被拒绝 0，冲突 0"), pushA.output());

        Run pullB = sync(url, SyncWorld.WATER_A2.username(), b);
        assertEquals(0, pullB.exit(), pullB.output());
        try (LocalStore store = LocalStore.open(b)) {
            List<TicketEvent> seen = store.tickets().events(acted.id());
            assertEquals(event.id(), seen.get(seen.size() - 1).id(), "PC B holds PC A's accepted action");
            assertEquals(
                    acted.currentStep(),
                    store.tickets().find(acted.id()).orElseThrow().currentStep());
        }

        Run wrong = run(
                List.of("sync", "--central", url, "--user", SyncWorld.WATER_A.username(), "--data-dir", a.toString()),
                "not-the-password");
        assertEquals(2, wrong.exit());
        assertTrue(wrong.output().contains("用户名或密码不正确"), wrong.output());
        assertAccessLogged(dir);
        central.destroy();
        Run offline = sync(url, SyncWorld.WATER_A.username(), a);
        assertEquals(2, offline.exit());
        assertTrue(offline.output().contains("暂时连不上中央库"), offline.output());
    }

    /**
     * What an administrator starting the central store can mend is said as such, in the reader's
     * language: a port another program holds, a database that does not answer (its own answer
     * quoted, the password in the URL never). Before, both were told in Jetty's or the driver's
     * English; a program error's id alone would not say what to mend.
     */
    /**
     * {@code sync} at an address where a web server answers, not a central store: said as "not
     * synced" with the address and the status, never "unreachable" (it answered) nor "the central
     * store refused" (it is not one), never the page's markup; exit code 2.
     */
    @Test
    void aSyncAtAnAddressWhereNoCentralStoreAnswersSaysSo() throws Exception {
        for (int status : new int[] {501, 200}) {
            HttpServer web = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            web.createContext("/", x -> {
                x.getRequestBody().readAllBytes();
                byte[] page = "<html><body><h1>It works!</h1></body></html>".getBytes(StandardCharsets.UTF_8);
                x.sendResponseHeaders(status, page.length);
                x.getResponseBody().write(page);
                x.close();
            });
            web.start();
            try {
                String url = "http://127.0.0.1:" + web.getAddress().getPort();
                Run r = sync(url, SyncWorld.WATER_A.username(), dir.resolve("pc-" + status));
                assertEquals(2, r.exit(), r.output());
                // the person's line (the log, on this test's console, keeps the answer for whoever looks)
                String said = r.output()
                        .lines()
                        .filter(l -> l.startsWith("同步未完成："))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(r.output()));
                assertEquals(
                        "同步未完成：" + url + " 的回答不是救助工作台中央库的（HTTP " + status + "）。请检查中央库地址是否正确；"
                                + "若中间经过代理或网关，请县信息中心检查它的设置。",
                        said);
                assertFalse(r.output().contains("连不上"), r.output());
            } finally {
                web.stop(0);
            }
        }
    }

    /**
     * {@code central check}: a store whose tickets a PC can all store says so (exit 0); one whose
     * kept line is damaged names that ticket by its row, with the rule a PC sets it aside by, in
     * the administrator's language (exit 1), so the number a PC could not read can be found.
     */
    @Test
    void checkNamesTheTicketsAPcWouldSetAsideByTheirRows() throws Exception {
        Path centralDir = dir.resolve("check");
        String url = "jdbc:h2:file:"
                + centralDir.resolve("central").resolve("central").toAbsolutePath();
        String damagedNo;
        try (CentralStore store = CentralStore.open(url, SyncWorld.CATALOG, Clock.systemUTC())) {
            List<String> lines = Files.readAllLines(Path.of("sample-data", "luquan-2021-11-23.jsonl"))
                    .subList(0, 12);
            CentralTickets.Intake in = store.tickets()
                    .intake(
                            new BufferedReader(new StringReader(String.join("\n", lines))),
                            null,
                            LocalDate.of(2021, 11, 23),
                            Instant.now());
            assertEquals(12, in.added(), in.toString());
        }
        Run clean = run(List.of("central", "check", "--data-dir", centralDir.toString()));
        assertEquals(0, clean.exit(), clean.output());
        assertTrue(clean.output().contains("已检查 12 件工单，其中 0 件电脑无法保存。"), clean.output());

        try (CentralStore store = CentralStore.open(url, SyncWorld.CATALOG, Clock.systemUTC())) {
            damagedNo = store.database().inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE central_ticket SET body = ? WHERE ticket_no = (SELECT MIN(ticket_no) FROM central_ticket)")) {
                    ps.setBytes(1, "{\"id\": \"x:".getBytes(StandardCharsets.UTF_8));
                    assertEquals(1, ps.executeUpdate());
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT MIN(ticket_no) FROM central_ticket");
                        ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            });
        }
        Run found = run(List.of("central", "check", "--data-dir", centralDir.toString()));
        assertEquals(1, found.exit(), found.output());
        assertTrue(found.output().contains("工单 " + damagedNo + "（标识 "), found.output());
        assertTrue(found.output().contains("同步时会被搁置：整行：不是有效的 JSON"), found.output());
        assertTrue(found.output().contains("已检查 12 件工单，其中 1 件电脑无法保存。"), found.output());
        Run en = run(List.of("central", "check", "--lang", "en", "--data-dir", centralDir.toString()));
        assertTrue(
                en.output().contains("Ticket " + damagedNo + " (id ")
                        && en.output().contains("Checked 12 tickets; 1 cannot be stored on a PC."),
                en.output());
    }

    /** {@code central renew-id} after a restore: says the id it replaced and the new one, which the store keeps. */
    @Test
    void renewIdGivesTheStoreANewIdAndSaysBoth() throws Exception {
        Path centralDir = dir.resolve("renew");
        Pattern said = Pattern.compile("中央库编号已由 ([0-9a-f-]{36}) 换为 ([0-9a-f-]{36})。");
        String last = null;
        for (int i = 0; i < 2; i++) {
            Run r = run(List.of("central", "renew-id", "--data-dir", centralDir.toString()));
            assertEquals(0, r.exit(), r.output());
            var m = said.matcher(r.output());
            assertTrue(m.find(), r.output());
            if (last != null) {
                assertEquals(last, m.group(1), "the id replaced is the one given before");
            }
            assertFalse(m.group(1).equals(m.group(2)));
            last = m.group(2);
        }
        String url = "jdbc:h2:file:"
                + centralDir.resolve("central").resolve("central").toAbsolutePath();
        try (CentralStore store = CentralStore.open(url, SyncWorld.CATALOG, Clock.systemUTC())) {
            assertEquals(last, store.storeId());
            assertEquals(2, store.earlierStoreIds().size(), "the ids replaced are kept as this store's own");
        }
        // a copy set up for another use keeps none: its PCs take it for another store
        Run copy = run(List.of("central", "renew-id", "--copy", "--data-dir", centralDir.toString()));
        assertEquals(0, copy.exit(), copy.output());
        assertTrue(copy.output().contains("不会把在原中央库做过的"), copy.output());
        assertFalse(copy.output().contains("重新发送"), "a copy is sent nothing again: " + copy.output());
        try (CentralStore store = CentralStore.open(url, SyncWorld.CATALOG, Clock.systemUTC())) {
            assertEquals(List.of(), store.earlierStoreIds());
        }
    }

    @Test
    void aTakenPortAndADatabaseThatDoesNotAnswerAreSaidAsSuch() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            Run r = run(List.of(
                    "central",
                    "--port",
                    String.valueOf(port),
                    "--data-dir",
                    dir.resolve("c1").toString()));
            assertEquals(2, r.exit(), r.output());
            assertTrue(r.output().contains("中央库没有启动：127.0.0.1:" + port + " 已被其他程序占用"), r.output());
        }
        int closed;
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closed + "/x?user=a&password=secret-pw";
        Run r = run(List.of(
                "central",
                "--lang",
                "en",
                "--port",
                "0",
                "--db",
                url,
                "--data-dir",
                dir.resolve("c2").toString()));
        assertEquals(2, r.exit(), r.output());
        assertTrue(
                r.output()
                        .contains("The central store's database jdbc:postgresql://127.0.0.1:" + closed
                                + "/x?user=a&password=*** cannot be reached or opened. The database answered: "),
                r.output());
        assertFalse(r.output().contains("secret-pw"), r.output());
    }

    /** Also when an assertion failed midway: a central store left running outlives the build. */
    @AfterEach
    void stopStarted() {
        started.forEach(Process::destroyForcibly);
    }

    /**
     * One line per request with the milliseconds the server took, and nothing that signs anyone
     * in: no token, no password, no key.
     */
    private static void assertAccessLogged(Path dir) throws IOException, InterruptedException {
        String wrongPassword = "\"POST /api/v1/sign-in HTTP/1.1\" 401 ";
        AccessLogFiles.await(dir, ls -> ls.stream().anyMatch(l -> l.contains(wrongPassword)));
        // a file a day, named for the day in China its lines were written (a run across midnight there writes two)
        SortedMap<Path, List<String>> logs = AccessLogFiles.read(dir);
        assertFalse(logs.isEmpty(), "an access log");
        List<String> lines = new ArrayList<>();
        logs.forEach((log, written) -> {
            String day =
                    log.getFileName().toString().replaceAll("^access-(\\d{4})_(\\d\\d)_(\\d\\d)\\.log$", "$1-$2-$3");
            for (String l : written) {
                assertTrue(l.startsWith("127.0.0.1 [" + day + "T"), log + " holds its own day's lines: " + l);
                lines.add(l);
            }
        });
        Pattern line = Pattern.compile("^127\\.0\\.0\\.1 \\[\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+08:00]"
                + " \"(GET|POST|PUT) /api/v1/\\S* HTTP/1\\.1\" \\d{3} \\d+ \\d+$");
        for (String l : lines) {
            assertTrue(line.matcher(l).matches(), l);
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"POST /api/v1/ops HTTP/1.1\" 200 ")), "the push");
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"GET /api/v1/changes?")), "the pulls");
        assertTrue(lines.stream().anyMatch(l -> l.contains(wrongPassword)), "the wrong password");
        String all = String.join("\n", lines);
        assertFalse(
                all.contains("Bearer") || all.contains(SyncWorld.PASSWORD) || all.contains("not-the-password"),
                "nothing that signs in");
    }

    private static Ticket actionable(LocalStore store) {
        var engine = new WorkflowEngine(SyncWorld.CATALOG, Clock.systemUTC());
        return store.tickets().list(TicketScope.of(SyncWorld.WATER_A, SyncWorld.CATALOG)).stream()
                .filter(t -> engine.mayActInStep(t, SyncWorld.WATER_A))
                .filter(t -> engine.allowedActions(t, store.tickets().events(t.id()), SyncWorld.WATER_A).stream()
                        .anyMatch(x -> !x.reopens()))
                .findFirst()
                .orElseThrow();
    }

    private static Ticket act(LocalStore store, Ticket t) {
        var engine = new WorkflowEngine(SyncWorld.CATALOG, Clock.systemUTC());
        var history = store.tickets().events(t.id());
        var a = engine.allowedActions(t, history, SyncWorld.WATER_A).stream()
                .filter(x -> !x.reopens())
                .findFirst()
                .orElseThrow();
        var form = SyncWorld.CATALOG.form(a.form()).orElse(new FormDef("none", List.of()));
        var values = FormFaker.happy(SyncWorld.CATALOG).fill(form, TicketFacts.of(history), Instant.now());
        return new TicketActions(store, engine).act(t.id(), t.version(), SyncWorld.WATER_A, a.code(), values, null);
    }

    private record Run(int exit, String output) {}

    private Run sync(String url, String user, Path dataDir) throws Exception {
        return run(List.of("sync", "--central", url, "--user", user, "--data-dir", dataDir.toString()));
    }

    private Run run(List<String> args) throws Exception {
        return run(args, SyncWorld.PASSWORD);
    }

    private Run run(List<String> args, String password) throws Exception {
        Path log = dir.resolve("run-" + System.nanoTime() + ".log");
        ProcessBuilder pb =
                new ProcessBuilder(command(args)).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("RELIEFDESK_PASSWORD", password);
        Process p = pb.start();
        boolean done = p.waitFor(120, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        return new Run(done ? p.exitValue() : -1, Files.readString(log));
    }

    private Process start(List<String> args, Path log) throws IOException {
        ProcessBuilder pb =
                new ProcessBuilder(command(args)).redirectErrorStream(true).redirectOutput(log.toFile());
        Process p = pb.start();
        started.add(p);
        return p;
    }

    private static List<String> command(List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "org.reliefdesk.app.Main"));
        cmd.addAll(args);
        return cmd;
    }

    private static void waitForLine(Path log, String text, Process p) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return;
            }
            if (!p.isAlive()) {
                throw new AssertionError("central stopped: " + Files.readString(log));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("central did not start: " + Files.readString(log));
    }
}
