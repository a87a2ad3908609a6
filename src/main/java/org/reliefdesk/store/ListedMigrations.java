package org.reliefdesk.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * The local store's SQL migrations, named in {@value #LIST} rather than found by Flyway's
 * class-path scan: the scan reads every one of the program jar's 53,000 entries at each start,
 * a quarter of a second of a command's start on an office PC. {@code ListedMigrationsTest}
 * keeps the list and the folder in step.
 */
final class ListedMigrations implements ResourceProvider {

    static final String FOLDER = "db/local";
    static final String LIST = FOLDER + "/migrations.list";

    private final List<Script> scripts;

    ListedMigrations() {
        this.scripts = names().stream().map(Script::new).toList();
    }

    /** The file names the list holds, in its order. */
    static List<String> names() {
        try (InputStream in = resource(LIST);
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines().map(String::strip).filter(n -> !n.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("the list of migrations " + LIST + " is not readable", e);
        }
    }

    @Override
    public LoadableResource getResource(String name) {
        return scripts.stream()
                .filter(s ->
                        s.getRelativePath().equals(name) || s.getAbsolutePath().equals(name))
                .findFirst()
                .orElse(null);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        return scripts.stream()
                .filter(s -> s.getFilename().startsWith(prefix)
                        && Arrays.stream(suffixes).anyMatch(s.getFilename()::endsWith))
                .map(s -> (LoadableResource) s)
                .toList();
    }

    private static InputStream resource(String path) throws IOException {
        InputStream in = ListedMigrations.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IOException(path + " is not in the program");
        }
        return in;
    }

    /** One SQL file of the folder, read when Flyway runs it. */
    private static final class Script extends LoadableResource {

        private final String name;

        Script(String name) {
            this.name = name;
        }

        @Override
        public Reader read() {
            try {
                return new InputStreamReader(resource(getAbsolutePath()), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String getAbsolutePath() {
            return FOLDER + "/" + name;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return getAbsolutePath();
        }

        @Override
        public String getFilename() {
            return name;
        }

        @Override
        public String getRelativePath() {
            return name;
        }
    }
}
