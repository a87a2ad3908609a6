package org.reliefdesk.central;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.reliefdesk.logic.Sha256;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.sync.WireLimits;

/** The parts of the central store over one database, as the server and the CLI use them. */
public final class CentralStore implements AutoCloseable {

    private final CentralDatabase db;
    private final Catalog catalog;
    private final Clock clock;
    private final CentralUsers users;
    private final CentralTickets tickets;
    private final CentralOps ops;
    private final CentralAttachments attachments;
    private final CentralCalendar calendar;
    private final Texts chinese = new Texts(Texts.CHINESE);

    private volatile Set<String> calendarEditors = Set.of();
    /** Read once when the store opens: every page carries them, and a page is no place for another round trip. */
    private volatile StoreIds storeIds;

    /** The shipped files do not change while the server runs: hashed once. */
    private final Map<String, Object> versions = Map.of(
            "protocol",
            1,
            "catalog",
            digest("/org/reliefdesk/catalog/catalog.json", "/org/reliefdesk/catalog/reference-lists.json"),
            "calendar",
            digest(calendarFiles()));

    public CentralStore(CentralDatabase db, Catalog catalog, Clock clock) {
        this.db = db;
        this.catalog = catalog;
        this.clock = clock;
        this.users = new CentralUsers(db, catalog);
        this.storeIds = db.read(CentralStore::readStoreIds);
        this.tickets = new CentralTickets(db, catalog, users::find, () -> storeIds);
        tickets.indexOlderTickets();
        this.ops = new CentralOps(db, tickets, catalog, clock);
        this.attachments = new CentralAttachments(db);
        this.calendar = new CentralCalendar(db);
    }

    public static CentralStore open(String jdbcUrl, Catalog catalog, Clock clock) {
        return new CentralStore(CentralDatabase.open(jdbcUrl), catalog, clock);
    }

    public static CentralStore open(String jdbcUrl, String dbPassword, Catalog catalog, Clock clock) {
        return new CentralStore(CentralDatabase.open(jdbcUrl, dbPassword), catalog, clock);
    }

    public Catalog catalog() {
        return catalog;
    }

    public Clock clock() {
        return clock;
    }

    public CentralUsers users() {
        return users;
    }

    public CentralTickets tickets() {
        return tickets;
    }

    /** Every kept ticket read as a PC reads a pulled one: the ones PCs set aside (the {@code central check} command). */
    public FitCheck fitCheck() {
        return new FitCheck(db, catalog, users::find, clock);
    }

    public CentralOps ops() {
        return ops;
    }

    public CentralAttachments attachments() {
        return attachments;
    }

    /** Holiday years administrators imported, for every PC. */
    public CentralCalendar calendar() {
        return calendar;
    }

    /**
     * The people who may import a holiday year for the whole province (the central command's
     * {@code --calendar-editors}); a county administrator is not one of them unless named here.
     */
    public Set<String> calendarEditors() {
        return calendarEditors;
    }

    public CentralStore calendarEditors(Collection<String> usernames) {
        this.calendarEditors = Set.copyOf(usernames);
        return this;
    }

    Texts chinese() {
        return chinese;
    }

    /**
     * Versions of the shared reference data (SHA-256 of the shipped catalog and holiday-calendar
     * files), so a client can tell it works with the same catalog and calendar as the central store.
     */
    Map<String, Object> versions() {
        return versions;
    }

    private static String[] calendarFiles() {
        String years = new String(bytes("/org/reliefdesk/calendar/years.txt"), StandardCharsets.UTF_8);
        return years.lines()
                .filter(l -> !l.isBlank())
                .map(l -> "/org/reliefdesk/calendar/" + l.strip() + ".json")
                .toArray(String[]::new);
    }

    private static String digest(String... resources) {
        return Sha256.hex(Arrays.stream(resources).map(CentralStore::bytes).toArray(byte[][]::new));
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = CentralStore.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * This store's id (central schema 11): the same for every server on its database and across
     * restarts, so a PC's cursor is known to be a number of this store.
     */
    public String storeId() {
        return storeIds.current();
    }

    /** The ids this store had before {@link #renewStoreId()}, newest first (as many as a page names). */
    public List<String> earlierStoreIds() {
        return storeIds.earlier();
    }

    /**
     * Gives this store a new id, after its database was restored from a backup: its change numbers
     * went back, and a PC that pulled past them would miss what is numbered again below its cursor.
     * With a new id every PC pulls its scope from the start. The old id is kept as an earlier one:
     * a PC whose cursor came from it knows its own store was restored (not that it was pointed at
     * another) and sends again what it had sent that the restore lost. Servers on the database read
     * the ids when they start: run it before starting them ({@code central renew-id}).
     *
     * @return the new id
     */
    public String renewStoreId() {
        return renewStoreId(false);
    }

    /**
     * {@link #renewStoreId()}; {@code asCopy}: the database is a copy set up for another use (a
     * training store made from a backup), which keeps no earlier id: PCs treat it as another
     * store, and send it none of the work they had sent the store it was copied from.
     */
    public String renewStoreId(boolean asCopy) {
        String fresh = UUID.randomUUID().toString();
        storeIds = db.inTransaction(c -> {
            // read again under the row's lock: another server's renewal, or one since this opened
            String old;
            try (PreparedStatement ps =
                            c.prepareStatement("SELECT store_id FROM central_store_id WHERE one = 1 FOR UPDATE");
                    ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("the central store has no id row (schema 11)");
                }
                old = rs.getString(1);
            }
            if (asCopy) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM central_store_earlier_id")) {
                    ps.executeUpdate();
                }
            } else {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO central_store_earlier_id (store_id, renewed_at) VALUES (?, ?)")) {
                    ps.setString(1, old);
                    ps.setTimestamp(2, Timestamp.from(clock.instant()));
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE central_store_id SET store_id = ? WHERE one = 1")) {
                ps.setString(1, fresh);
                ps.executeUpdate();
            }
            return readStoreIds(c);
        });
        return fresh;
    }

    private static StoreIds readStoreIds(Connection c) throws SQLException {
        String current;
        try (PreparedStatement ps = c.prepareStatement("SELECT store_id FROM central_store_id WHERE one = 1");
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("the central store has no id row (schema 11)");
            }
            current = rs.getString(1);
        }
        List<String> earlier = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT store_id FROM central_store_earlier_id ORDER BY renewed_at DESC, store_id")) {
            ps.setMaxRows(WireLimits.EARLIER_STORE_IDS);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    earlier.add(rs.getString(1));
                }
            }
        }
        return new StoreIds(current, earlier);
    }

    public CentralDatabase database() {
        return db;
    }

    @Override
    public void close() {
        db.close();
    }
}
