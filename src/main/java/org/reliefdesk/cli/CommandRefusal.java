package org.reliefdesk.cli;

/**
 * A command cannot go on for a reason its reader can act on (a port taken, a database that does
 * not answer). It carries the text's key and arguments; {@link CommandFailures} says it in the
 * reader's language, and the cause goes to the log file.
 */
final class CommandRefusal extends RuntimeException {

    private final String key;
    private final transient Object[] args;

    CommandRefusal(String key, Throwable cause, Object... args) {
        super(key, cause);
        this.key = key;
        this.args = args.clone();
    }

    String key() {
        return key;
    }

    Object[] args() {
        return args.clone();
    }
}
