package org.reliefdesk.store;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.reliefdesk.model.Applicant;
import org.reliefdesk.model.IntakeChannel;
import org.reliefdesk.model.Place;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketStatus;

/** Row of table {@code ticket}; converts to and from the model's {@link Ticket}. */
@Entity
@Table(name = "ticket")
class TicketEntity {

    @Id
    UUID id;

    @Column(name = "ticket_no", length = 32, nullable = false)
    String ticketNo;

    @Column(name = "item_code", length = 64, nullable = false)
    String itemCode;

    @Column(name = "county_code", length = 6, nullable = false)
    String countyCode;

    @Column(name = "county_name", length = 100, nullable = false)
    String countyName;

    @Column(name = "township_code", length = 9, nullable = false)
    String townshipCode;

    @Column(name = "township_name", length = 100, nullable = false)
    String townshipName;

    @Column(name = "village_code", length = 12, nullable = false)
    String villageCode;

    @Column(name = "village_name", length = 100, nullable = false)
    String villageName;

    @Column(name = "applicant_name", length = 100, nullable = false)
    String applicantName;

    @Column(name = "applicant_id_number", length = 18, nullable = false)
    String applicantIdNumber;

    @Column(name = "applicant_phone", length = 20, nullable = false)
    String applicantPhone;

    @Column(name = "channel", length = 20, nullable = false)
    String channel;

    @Column(name = "raised_by", length = 200)
    String raisedBy;

    @Column(name = "submitted_at", nullable = false)
    Instant submittedAt;

    @Column(name = "dispatched_at")
    Instant dispatchedAt;

    @Column(name = "current_step", length = 64, nullable = false)
    String currentStep;

    @Column(name = "status", length = 20, nullable = false)
    String status;

    @Column(name = "concluded_at")
    Instant concludedAt;

    @Column(name = "outcome", length = 64)
    String outcome;

    /** The step movements of its history ({@link StepMoves}); the store sets it wherever it writes the history. */
    @Column(name = "moves", length = StepMoves.LONGEST)
    String moves;

    @Version
    @Column(name = "version", nullable = false)
    long version;

    static TicketEntity from(Ticket t) {
        TicketEntity e = new TicketEntity();
        e.id = t.id();
        e.copyFrom(t);
        e.version = t.version();
        return e;
    }

    /** Copies every field but id and version, which the store manages. */
    void copyFrom(Ticket t) {
        ticketNo = t.ticketNo();
        itemCode = t.itemCode();
        countyCode = t.county().code();
        countyName = t.county().name();
        townshipCode = t.township().code();
        townshipName = t.township().name();
        villageCode = t.village().code();
        villageName = t.village().name();
        applicantName = t.applicant().name();
        applicantIdNumber = t.applicant().idNumber();
        applicantPhone = t.applicant().phone();
        channel = t.channel().name();
        raisedBy = t.raisedBy();
        submittedAt = t.submittedAt();
        dispatchedAt = t.dispatchedAt();
        currentStep = t.currentStep();
        status = t.status().name();
        concludedAt = t.concludedAt();
        outcome = t.outcome();
    }

    Ticket toModel() {
        return new Ticket(
                id,
                ticketNo,
                itemCode,
                new Place(countyCode, countyName),
                new Place(townshipCode, townshipName),
                new Place(villageCode, villageName),
                new Applicant(applicantName, applicantIdNumber, applicantPhone),
                IntakeChannel.valueOf(channel),
                raisedBy,
                submittedAt,
                dispatchedAt,
                currentStep,
                TicketStatus.valueOf(status),
                concludedAt,
                outcome,
                version);
    }
}
