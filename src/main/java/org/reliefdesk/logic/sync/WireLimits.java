package org.reliefdesk.logic.sync;

/**
 * The sizes the sync protocol keeps to, in one place for both ends (docs/sync-protocol.md): the
 * central store never sends more, and a PC reads no more than this from whoever answers it.
 */
public final class WireLimits {

    /** The largest attachment the central store takes, and a PC downloads (a phone photo is a few MB). */
    public static final long ATTACHMENT_BYTES = 50L * 1024 * 1024;

    /** The most ticket text (UTF-8 bytes) one pull page carries; a single larger ticket still goes alone. */
    public static final int PAGE_TICKET_BYTES = 8 * 1024 * 1024;

    /**
     * The most a PC reads of one pull page. A page the central store makes is at most
     * {@link #PAGE_TICKET_BYTES} of ticket text (a line is at most 1,000,000 characters), escaped
     * once more inside the page, with its ids and attachment names: well under this.
     */
    public static final long PAGE_READ_BYTES = 64L * 1024 * 1024;

    /** The most a PC reads of any other answer (a sign-in, the people, the calendar, an error). */
    public static final long ANSWER_READ_BYTES = 4L * 1024 * 1024;

    /**
     * The longest store id a page may name (the central store makes UUIDs, 36 characters): a PC
     * keeps it beside its cursor.
     */
    public static final int STORE_ID_CHARS = 64;

    /** The most of a store's earlier ids (from before a restore) one page names, newest first. */
    public static final int EARLIER_STORE_IDS = 16;

    private WireLimits() {}
}
