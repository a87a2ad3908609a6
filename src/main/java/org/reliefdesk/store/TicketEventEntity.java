package org.reliefdesk.store;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Row of the append-only table {@code ticket_event}; its form data is in {@link TicketFormEntity}. */
@Entity
@Table(name = "ticket_event")
class TicketEventEntity {

    @Id
    UUID id;

    @Column(name = "ticket_id", nullable = false)
    UUID ticketId;

    @Column(name = "seq", nullable = false)
    int seq;

    @Column(name = "actor", length = 200, nullable = false)
    String actor;

    @Column(name = "at", nullable = false)
    Instant at;

    @Column(name = "action", length = 64, nullable = false)
    String action;

    @Column(name = "from_step", length = 64)
    String fromStep;

    @Column(name = "to_step", length = 64)
    String toStep;

    @Column(name = "note", length = 4000)
    String note;

    @Column(name = "outcome", length = 64)
    String outcome;

    @Column(name = "received_at")
    Instant receivedAt;
}
