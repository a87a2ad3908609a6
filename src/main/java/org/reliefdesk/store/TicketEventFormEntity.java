package org.reliefdesk.store;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/**
 * Row of {@code ticket_event_form}: one event's form data as JSON text, kept apart from the
 * event row so lists of events stay small.
 */
@Entity
@Table(name = "ticket_event_form")
class TicketEventFormEntity {

    @Id
    @Column(name = "event_id")
    UUID eventId;

    @Lob
    @Column(name = "form_data", nullable = false)
    String formData;
}
