package org.reliefdesk.store;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/**
 * Row of {@code ticket_form}: every form of one ticket's history ({@link TicketForms}), kept apart
 * from the event rows so lists of events stay small.
 */
@Entity
@Table(name = "ticket_form")
class TicketFormEntity {

    @Id
    @Column(name = "ticket_id")
    UUID ticketId;

    @Lob
    @Column(name = "forms", nullable = false)
    String forms;
}
