package org.reliefdesk.gui.tickets;

import java.util.List;
import java.util.function.Consumer;

import org.reliefdesk.model.Place;

/** Where a new ticket can be: the user's county, its townships, and (read off the FX thread) a township's villages. */
public interface PlaceChoices {

    Place county();

    List<Place> townships();

    /** Hands the villages of a township to {@code then}, on the FX thread. */
    void villages(String townshipCode, Consumer<List<Place>> then);
}
