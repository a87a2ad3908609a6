package org.reliefdesk.gui.tickets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.reliefdesk.gui.common.UiTasks;
import org.reliefdesk.logic.catalog.PlaceDirectory;
import org.reliefdesk.model.Place;
import org.reliefdesk.store.LocalStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a new ticket can be: the user's county and its townships from the place directory (with
 * those of the loaded tickets), a township's villages from the directory and the stored tickets
 * (read off the FX thread).
 */
final class ScopePlaces implements PlaceChoices {

    private static final Logger LOG = LoggerFactory.getLogger(ScopePlaces.class);

    private final PlaceDirectory directory;
    private final String county;
    private final Map<String, Place> townships = new LinkedHashMap<>();
    private final LocalStore store;
    private final UiTasks tasks;

    ScopePlaces(PlaceDirectory directory, String county, ScopeSnapshot loaded, LocalStore store, UiTasks tasks) {
        this.directory = directory;
        this.county = county;
        this.store = store;
        this.tasks = tasks;
        directory.townships(county).forEach(t -> townships.put(t.code(), t));
        loaded.tickets().forEach(t -> townships.putIfAbsent(t.township().code(), t.township()));
    }

    @Override
    public Place county() {
        return directory.countyOrCode(county);
    }

    @Override
    public List<Place> townships() {
        return List.copyOf(townships.values());
    }

    @Override
    public void villages(String townshipCode, Consumer<List<Place>> then) {
        tasks.run(
                UiTasks.Lane.STORE,
                p -> directory
                        .withKnown(
                                county,
                                List.of(),
                                Map.of(townshipCode, store.tickets().villagesOf(townshipCode)))
                        .villages(townshipCode),
                then,
                e -> LOG.warn("Reading the villages of {} failed", townshipCode, e));
    }
}
