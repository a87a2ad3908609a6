package org.reliefdesk.model;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ResidentIdNumberTest {

    private static final LocalDate TODAY = LocalDate.of(2021, 11, 23);

    @Test
    void acceptsTheStandardsExampleWithXCheckDigit() {
        // The example number printed in GB 11643-1999.
        assertEquals("11010519491231002X", ResidentIdNumber.validate("id", "11010519491231002x", TODAY));
        assertEquals('X', ResidentIdNumber.checkChar("11010519491231002"));
    }

    @Test
    void acceptsANumericCheckDigit() {
        String first17 = "53012819870917192";
        char check = ResidentIdNumber.checkChar(first17);
        assertEquals(first17 + check, ResidentIdNumber.validate("id", first17 + check, TODAY));
    }

    @Test
    void refusesAWrongCheckDigitNamingFieldAndRule() {
        InvalidFieldException e = assertThrows(
                InvalidFieldException.class,
                () -> ResidentIdNumber.validate("applicant.idNumber", "110105194912310021", TODAY));
        assertEquals("applicant.idNumber", e.field());
        assertEquals("rule.idNumber.checkDigit", e.rule());
    }

    @Test
    void refusesImpossibleAndFutureBirthDates() {
        String feb30 = "53012819870230001";
        String future = "53012820300101001";
        String ancient = "53012818000101001";
        for (String first17 : new String[] {feb30, future, ancient}) {
            String id = first17 + ResidentIdNumber.checkChar(first17);
            InvalidFieldException e =
                    assertThrows(InvalidFieldException.class, () -> ResidentIdNumber.validate("id", id, TODAY), id);
            assertEquals("rule.idNumber.birthDate", e.rule(), id);
        }
    }

    @Test
    void refusesWrongLengthAndCharacters() {
        assertEquals(
                "rule.idNumber.length",
                assertThrows(InvalidFieldException.class, () -> ResidentIdNumber.validate("id", "5301281987", TODAY))
                        .rule());
        assertEquals(
                "rule.idNumber.characters",
                assertThrows(
                                InvalidFieldException.class,
                                () -> ResidentIdNumber.validate("id", "53012819870917A92X", TODAY))
                        .rule());
        assertEquals(
                "rule.idNumber.characters",
                assertThrows(
                                InvalidFieldException.class,
                                () -> ResidentIdNumber.validate("id", "53012819870917192Y", TODAY))
                        .rule());
        assertEquals(
                "rule.required",
                assertThrows(InvalidFieldException.class, () -> ResidentIdNumber.validate("id", " ", TODAY))
                        .rule());
    }

    @Test
    void masksAllButFirstSixAndLastTwo() {
        assertEquals("530102**********1X", ResidentIdNumber.mask("53010219900101001X"));
    }

    @Test
    void phoneNumbersAreMobileOrLandline() {
        assertEquals("13812345678", PhoneNumber.validate("phone", "13812345678"));
        assertEquals("0871-68123456", PhoneNumber.validate("phone", "0871-68123456"));
        assertEquals(
                "rule.phone.format",
                assertThrows(InvalidFieldException.class, () -> PhoneNumber.validate("phone", "12345"))
                        .rule());
    }
}
