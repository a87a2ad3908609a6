package org.reliefdesk.model;

/** The resident the ticket is about. The ID number is validated on the way in. */
public record Applicant(String name, String idNumber, String phone) {

    /** The ID number as shown in lists: first 6 and last 2 characters, e.g. 530102**********1X. */
    public String maskedIdNumber() {
        return ResidentIdNumber.mask(idNumber);
    }
}
