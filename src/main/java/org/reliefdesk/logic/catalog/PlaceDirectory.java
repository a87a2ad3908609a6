package org.reliefdesk.logic.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.reliefdesk.model.Place;

/**
 * The places staff choose from and names are shown by: counties, their townships, their villages.
 * Reference data ships with the catalog ({@code places.json}, the demo county 禄劝 among it);
 * places met in stored tickets are added to it ({@link #withKnown}), so a village named by the
 * platform but not in the reference list can still be chosen.
 */
public final class PlaceDirectory {

    static final String BUILT_IN = "/org/reliefdesk/catalog/places.json";

    private final Map<String, Place> counties = new LinkedHashMap<>();
    private final Map<String, Map<String, Place>> townships = new LinkedHashMap<>();
    private final Map<String, Map<String, Place>> villages = new LinkedHashMap<>();
    private final Map<String, String> names = new LinkedHashMap<>();

    private PlaceDirectory() {}

    /** The reference places shipped with the catalog. */
    public static PlaceDirectory loadBuiltIn() {
        try (InputStream in = PlaceDirectory.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new CatalogException(BUILT_IN + " is missing from the program");
            }
            return read(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PlaceDirectory read(JsonNode root) {
        PlaceDirectory d = new PlaceDirectory();
        for (JsonNode c : root.path("counties")) {
            Place county = place(c);
            d.addCounty(county);
            for (JsonNode t : c.path("townships")) {
                Place township = place(t);
                d.addTownship(county.code(), township);
                for (JsonNode v : t.path("villages")) {
                    d.addVillage(township.code(), place(v));
                }
            }
        }
        return d;
    }

    private static Place place(JsonNode n) {
        String code = n.path("code").asText("");
        String name = n.path("name").asText("");
        if (code.isBlank() || name.isBlank()) {
            throw new CatalogException("places.json: every place needs a code and a name: " + n);
        }
        return new Place(code, name);
    }

    /** A copy with the townships and villages of stored tickets added (the reference wins on names). */
    public PlaceDirectory withKnown(
            String countyCode, Collection<Place> knownTownships, Map<String, List<Place>> knownVillages) {
        PlaceDirectory d = copy();
        knownTownships.forEach(t -> d.addTownship(countyCode, t));
        knownVillages.forEach((township, vs) -> vs.forEach(v -> d.addVillage(township, v)));
        return d;
    }

    private PlaceDirectory copy() {
        PlaceDirectory d = new PlaceDirectory();
        counties.values().forEach(d::addCounty);
        townships.forEach((c, ts) -> ts.values().forEach(t -> d.addTownship(c, t)));
        villages.forEach((t, vs) -> vs.values().forEach(v -> d.addVillage(t, v)));
        return d;
    }

    private void addCounty(Place county) {
        counties.putIfAbsent(county.code(), county);
        names.putIfAbsent(county.code(), county.name());
    }

    private void addTownship(String countyCode, Place township) {
        townships.computeIfAbsent(countyCode, k -> new LinkedHashMap<>()).putIfAbsent(township.code(), township);
        names.putIfAbsent(township.code(), township.name());
    }

    private void addVillage(String townshipCode, Place village) {
        villages.computeIfAbsent(townshipCode, k -> new LinkedHashMap<>()).putIfAbsent(village.code(), village);
        names.putIfAbsent(village.code(), village.name());
    }

    public Optional<Place> county(String code) {
        return Optional.ofNullable(counties.get(code));
    }

    /** The county of that code, or one named by its code when the directory does not know it. */
    public Place countyOrCode(String code) {
        return county(code).orElse(new Place(code, code));
    }

    public List<Place> townships(String countyCode) {
        return List.copyOf(townships.getOrDefault(countyCode, Map.of()).values());
    }

    public List<Place> villages(String townshipCode) {
        List<Place> list =
                new ArrayList<>(villages.getOrDefault(townshipCode, Map.of()).values());
        list.sort((a, b) -> a.code().compareTo(b.code()));
        return List.copyOf(list);
    }

    /** The name of a county, township or village; the code itself when none is known. */
    public String name(String code) {
        return code == null ? "" : names.getOrDefault(code, code);
    }
}
