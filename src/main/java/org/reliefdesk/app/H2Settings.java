package org.reliefdesk.app;

/**
 * The settings H2 reads from system properties, once, when its first class loads: set here, first
 * thing in {@link Main}, so every program (the workbench, a command, the central store) runs H2
 * the same way. (The benchmarks that run a store in their own JVM call it too.)
 *
 * <p>{@code h2.objectCacheMaxPerElementSize=100}: H2 keeps a table of recent values, so that equal
 * values read into its page cache share one object; to look a value up it hashes it, and by
 * default it does so for every text of up to 4,096 characters, a ticket's whole interchange line
 * included, which no other row shares. Serving a county's first pull, the central store spent a
 * fifth of its time hashing such lines. Short values (codes, names, steps), which rows do share,
 * are still looked up; switching the table off altogether ({@code h2.objectCache=false}) grew the
 * central store's memory under {@code LoadBench} by 120–250 MB.
 */
public final class H2Settings {

    public static final String LONGEST_SHARED = "h2.objectCacheMaxPerElementSize";

    /** Characters: the longest text H2 looks up to share. */
    static final String LONGEST_SHARED_VALUE = "100";

    private H2Settings() {}

    /** Sets what was not set on the command line (which wins); harmless once H2 has loaded. */
    public static void apply() {
        if (System.getProperty(LONGEST_SHARED) == null) {
            System.setProperty(LONGEST_SHARED, LONGEST_SHARED_VALUE);
        }
    }
}
