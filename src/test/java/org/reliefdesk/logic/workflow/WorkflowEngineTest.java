package org.reliefdesk.logic.workflow;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reliefdesk.model.InvalidFieldException;
import org.reliefdesk.model.Role;
import org.reliefdesk.model.TicketEvent;
import org.reliefdesk.model.TicketStatus;
import org.reliefdesk.model.User;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every item's usual path to 办结, and every refusal the seed's rules call for. */
class WorkflowEngineTest {

    private static final Map<String, Object> ANOTHER_ROUND = Map.of("employed", false, "wantsAnotherRound", true);

    private static final Map<String, Object> TRAIN_AGAIN = Map.of("wantsAnotherRound", true);

    static Stream<Arguments> happyPaths() {
        return Stream.of(
                Arguments.of(
                        "temporary_assistance",
                        "approved",
                        List.of("accept", "verify", "decide", "feedback", "follow_up")),
                Arguments.of(
                        "extreme_poverty_support",
                        "approved",
                        List.of("accept", "verify", "decide", "feedback", "follow_up")),
                Arguments.of(
                        "minimum_living_allowance",
                        "approved",
                        List.of("accept", "verify", "decide", "feedback", "follow_up")),
                Arguments.of(
                        "job_search",
                        "employed",
                        List.of("accept", "recommend_jobs", "round_follow_up", "feedback", "follow_up")),
                Arguments.of(
                        "training",
                        "trained",
                        List.of("accept", "arrange_training", "round_follow_up", "feedback", "follow_up")),
                Arguments.of(
                        "house_renovation",
                        "renovated",
                        List.of(
                                "confirm_status",
                                "appraise",
                                "democratic_review",
                                "approve",
                                "complete_works",
                                "inspect",
                                "feedback",
                                "follow_up")),
                Arguments.of("drinking_water", "solved", List.of("accept", "verify", "solve", "feedback", "follow_up")),
                Arguments.of(
                        "dropout_control",
                        "returned_to_school",
                        List.of("accept", "returned_to_school", "feedback", "follow_up")),
                Arguments.of(
                        "medical_facility_lookup",
                        "handled",
                        List.of("accept_review", "handle", "feedback", "follow_up")),
                Arguments.of(
                        "chronic_disease_management",
                        "handled",
                        List.of("accept_review", "handle", "feedback", "follow_up")),
                Arguments.of(
                        "serious_illness_treatment",
                        "handled",
                        List.of("accept_review", "handle", "feedback", "follow_up")),
                Arguments.of(
                        "doctor_appointment", "handled", List.of("accept_review", "handle", "feedback", "follow_up")),
                Arguments.of(
                        "insurance_enrollment", "handled", List.of("accept_review", "handle", "feedback", "follow_up")),
                Arguments.of(
                        "out_of_area_reimbursement",
                        "handled",
                        List.of("accept_review", "handle", "feedback", "follow_up")),
                Arguments.of(
                        "serious_illness_assistance",
                        "handled",
                        List.of("accept_review", "handle", "feedback", "follow_up")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("happyPaths")
    void everyItemReachesConclusionOnItsUsualPath(String item, String outcome, List<String> path) {
        Harness h = new Harness(item);
        assertEquals(path, h.walkMainPath());
        assertEquals(TicketStatus.CONCLUDED, h.ticket.status());
        assertEquals("concluded", h.ticket.currentStep());
        assertEquals(outcome, h.ticket.outcome());
        // 办结 is the feedback to the applicant: the follow-up visit after it does not move the conclusion
        TicketEvent fedBack = h.history.stream()
                .filter(e -> "follow_up".equals(e.toStep()))
                .reduce((a, b) -> b)
                .orElseThrow();
        assertEquals("feedback", fedBack.action());
        assertEquals(fedBack.at(), h.ticket.concludedAt());
        assertTrue(h.ticket.concludedAt().isBefore(h.now));
        assertEquals(path.size() + 2, h.history.size()); // submit and dispatch, then one event per action
        for (int i = 0; i < h.history.size(); i++) {
            assertEquals(i + 1, h.history.get(i).seq());
        }
    }

    private static InvalidFieldException refused(Runnable r) {
        return assertThrows(InvalidFieldException.class, r::run);
    }

    private static List<Map<String, Object>> jobs(int n) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(Map.of("employer", "单位" + i, "position", "普工", "place", "禄劝县城"));
        }
        return rows;
    }

    @Test
    void aTicketIsConcludedWhenItsResultIsFedBackAndTheVisitFollows() {
        Harness h = new Harness("drinking_water");
        for (String step : List.of("accept", "verify", "solve")) {
            h.act(step);
        }
        assertEquals(TicketStatus.IN_PROGRESS, h.ticket.status());
        AppliedAction fed = h.act("feedback");
        assertEquals(TicketStatus.CONCLUDED, fed.ticket().status());
        assertEquals("follow_up", fed.ticket().currentStep());
        assertEquals(h.now, fed.ticket().concludedAt());
        // the visit is still the clerk's task on a concluded ticket
        assertTrue(h.engine().mayActInStep(h.ticket, Harness.clerk("WATER")));
        assertEquals(
                List.of("follow_up"),
                h.engine().allowedActions(h.ticket, h.history, Harness.clerk("WATER")).stream()
                        .map(a -> a.code())
                        .toList());
        Instant concluded = h.ticket.concludedAt();
        h.act("follow_up");
        assertEquals("concluded", h.ticket.currentStep());
        assertEquals(concluded, h.ticket.concludedAt(), "the visit does not move 办结");
        assertFalse(h.engine().mayActInStep(h.ticket, Harness.clerk("WATER")));
        // a refusal concludes at once
        Harness refused = new Harness("drinking_water");
        refused.act("reject");
        assertEquals(TicketStatus.CONCLUDED, refused.ticket.status());
        assertEquals(refused.now, refused.ticket.concludedAt());
    }

    @Test
    void aTicketNotYetDispatchedTakesNoAction() {
        Harness h = new Harness("drinking_water");
        // as the platform's file has it before dispatch: submitted only
        h.history.remove(1);
        h.ticket = h.ticket.withDispatchedAt(null);
        InvalidFieldException e = refused(() -> h.act("accept"));
        assertEquals("action", e.field());
        assertEquals("rule.workflow.notDispatched", e.rule());
        assertTrue(
                h.engine()
                        .allowedActions(h.ticket, h.history, Harness.clerk("WATER"))
                        .isEmpty(),
                "the workbench offers nothing");
        assertFalse(h.engine().mayActInStep(h.ticket, Harness.clerk("WATER")), "and it is nobody's task yet");
    }

    @Test
    void jobSearchHasAtMostThreeRoundsOfFifteen() {
        Harness h = new Harness("job_search");
        h.act("accept");
        InvalidFieldException sixteen = refused(() -> h.act("recommend_jobs", Map.of("jobs", jobs(16))));
        assertEquals("jobs", sixteen.field());
        assertEquals("rule.job.perRound", sixteen.rule());
        for (int round = 1; round <= 3; round++) {
            h.act("recommend_jobs", Map.of("jobs", jobs(15)));
            // A follow-up visit after every round: no next round before it.
            assertEquals(
                    "rule.workflow.notInStep",
                    refused(() -> h.act("recommend_jobs", Map.of("jobs", jobs(1))))
                            .rule());
            h.act("round_follow_up", ANOTHER_ROUND);
        }
        assertEquals("recommendation", h.ticket.currentStep());
        InvalidFieldException fourth = refused(() -> h.act("recommend_jobs", Map.of("jobs", jobs(1))));
        assertEquals("action", fourth.field());
        assertEquals("rule.job.rounds", fourth.rule());
        assertFalse(h.engine().allowedActions(h.ticket, h.history, Harness.clerk("HRSS")).stream()
                .anyMatch(a -> a.code().equals("recommend_jobs")));
        h.act("close");
        assertEquals("ended", h.ticket.outcome());
    }

    @Test
    void jobSearchHasAtMostFortyFiveJobsInAll() {
        Harness h = new Harness("job_search");
        h.act("accept");
        h.act("recommend_jobs", Map.of("jobs", jobs(15)));
        h.act("round_follow_up", ANOTHER_ROUND);
        h.act("recommend_jobs", Map.of("jobs", jobs(15)));
        h.act("round_follow_up", ANOTHER_ROUND);
        // A round imported from elsewhere may already have gone past 15; the total still holds at 45.
        h.history.set(h.history.size() - 2, withJobs(h.history.get(h.history.size() - 2), 25));
        InvalidFieldException total = refused(() -> h.act("recommend_jobs", Map.of("jobs", jobs(10))));
        assertEquals("rule.job.total", total.rule());
        h.act("recommend_jobs", Map.of("jobs", jobs(5))); // 15 + 25 + 5 = 45 is allowed
    }

    private static TicketEvent withJobs(TicketEvent e, int n) {
        Map<String, Object> form = new HashMap<>(e.formData());
        form.put("jobs", jobs(n));
        return new TicketEvent(
                e.id(),
                e.ticketId(),
                e.seq(),
                e.actor(),
                e.at(),
                e.action(),
                e.fromStep(),
                e.toStep(),
                e.note(),
                form,
                e.outcome());
    }

    @Test
    void publicWelfareJobsAreOnlyForZeroEmploymentFamilies() {
        Harness ordinary = new Harness("job_search", Map.of("zeroEmploymentFamily", false));
        ordinary.act("accept");
        assertEquals(
                "rule.job.publicWelfareOnlyZeroEmployment",
                refused(() -> ordinary.act("place_public_welfare_job")).rule());
        Harness zero = new Harness("job_search", Map.of("zeroEmploymentFamily", true));
        zero.act("accept");
        zero.act("place_public_welfare_job");
        assertEquals("public_welfare_job", zero.ticket.outcome());
    }

    @Test
    void trainingHasTwoRoundsAndAThirdOnlyForZeroEmploymentFamilies() {
        Harness h = new Harness("training", Map.of("zeroEmploymentFamily", false));
        h.act("accept");
        h.act("arrange_training", Map.of("mode", "organized"));
        assertEquals(
                "rule.workflow.notInStep",
                refused(() -> h.act("arrange_training")).rule()); // follow-up first
        h.act("round_follow_up", TRAIN_AGAIN);
        h.act("arrange_training", Map.of("mode", "recommended"));
        h.act("round_follow_up", TRAIN_AGAIN);
        InvalidFieldException third = refused(() -> h.act("arrange_training"));
        assertEquals("rule.training.rounds", third.rule());
        assertEquals(List.of(2), third.args());

        Harness zero = new Harness("training", Map.of("zeroEmploymentFamily", true));
        zero.act("accept");
        for (int round = 1; round <= 3; round++) {
            zero.act("arrange_training");
            zero.act("round_follow_up", TRAIN_AGAIN);
        }
        assertEquals(
                "rule.training.rounds",
                refused(() -> zero.act("arrange_training")).rule());
    }

    @Test
    void dropoutControlTakesItsFourStepsInOrder() {
        Harness h = new Harness("dropout_control");
        h.act("accept");
        assertEquals("persuasion", h.ticket.currentStep());
        assertEquals(
                "rule.dropout.fourSteps", refused(() -> h.act("impose_penalty")).rule());
        assertEquals(
                "rule.dropout.fourSteps",
                refused(() -> h.act("apply_enforcement")).rule());
        h.act("order_to_correct");
        assertEquals(
                "rule.dropout.fourSteps",
                refused(() -> h.act("order_to_correct")).rule());
        assertEquals(
                "rule.dropout.fourSteps",
                refused(() -> h.act("apply_enforcement")).rule());
        h.act("impose_penalty");
        h.act("apply_enforcement");
        assertEquals("enforcement_or_lawsuit", h.ticket.currentStep());
        h.act("exempt_physical");
        assertEquals("exempt_physical", h.ticket.outcome());
        h.act("feedback");
        h.act("follow_up");
        assertEquals(TicketStatus.CONCLUDED, h.ticket.status());
    }

    @Test
    void dropoutCaseRecordsWhoFoundIt() {
        Harness h = new Harness("dropout_control", Map.of("source", "somebody"));
        // The application itself is checked by the same validator the engine uses.
        InvalidFieldException e = refused(() -> new FormValidator(Harness.CATALOG)
                .validate(
                        Harness.CATALOG.applicationFormOf("dropout_control"),
                        h.history.get(0).formData(),
                        Map.of(),
                        LocalDate.of(2024, 6, 3)));
        assertEquals("source", e.field());
        assertEquals("rule.form.choice", e.rule());
    }

    @Test
    void waterIsAcceptedOrRejectedWithAReason() {
        Harness h = new Harness("drinking_water");
        InvalidFieldException noReason = refused(() -> h.act("reject", new HashMap<>(Map.of("reason", ""))));
        assertEquals("reason", noReason.field());
        assertEquals("rule.required", noReason.rule());
        h.act("reject", Map.of("reason", "该村已纳入城镇供水管网改造，不属于本次受理范围"));
        assertEquals(TicketStatus.CONCLUDED, h.ticket.status());
        assertEquals("rejected", h.ticket.outcome());
        assertEquals("rule.workflow.concluded", refused(() -> h.act("accept")).rule());
    }

    @Test
    void waterEngineeringMeasureIsTrackedUntilSolved() {
        Harness h = new Harness("drinking_water");
        h.act("accept");
        h.act("verify");
        h.act("engineering_measure");
        assertEquals("engineering", h.ticket.currentStep());
        assertTrue(h.history.get(h.history.size() - 1).formData().containsKey("feedbackText"));
        h.act("solve");
        assertEquals("solved", h.ticket.outcome());
        Harness notReal = new Harness("drinking_water");
        notReal.act("accept");
        notReal.act("verify", Map.of("confirmed", false));
        assertEquals("feedback", notReal.ticket.currentStep());
        assertEquals("not_confirmed", notReal.ticket.outcome());
    }

    @Test
    void housingGradesAAndBAreNotIncluded() {
        for (String grade : List.of("A", "B")) {
            Harness h = new Harness("house_renovation");
            h.act("confirm_status");
            h.act("appraise", Map.of("grade", grade));
            assertEquals("feedback", h.ticket.currentStep(), grade);
            assertEquals("not_included", h.ticket.outcome());
        }
        Harness c = new Harness("house_renovation");
        c.act("confirm_status");
        c.act("appraise", Map.of("grade", "C"));
        assertEquals("democratic_review", c.ticket.currentStep());
    }

    @Test
    void unwillingHouseholdsMustHaveLeftTheOldHouse() {
        Harness h = new Harness("house_renovation");
        h.act("confirm_status");
        Map<String, Object> unwilling =
                new HashMap<>(Map.of("grade", "D", "willing", false, "safeHousing", "relatives"));
        unwilling.put("oldHouseNoLongerLivedIn", null);
        InvalidFieldException missing = refused(() -> h.act("appraise", unwilling));
        assertEquals("oldHouseNoLongerLivedIn", missing.field());
        assertEquals("rule.required", missing.rule());
        unwilling.put("oldHouseNoLongerLivedIn", false);
        assertEquals(
                "rule.housing.oldHouseVacated",
                refused(() -> h.act("appraise", unwilling)).rule());
        unwilling.put("oldHouseNoLongerLivedIn", true);
        h.act("appraise", unwilling);
        assertEquals("not_included", h.ticket.outcome());
    }

    @Test
    void housingStatusIsConfirmedByCivilAffairsNotHousing() {
        Harness h = new Harness("house_renovation");
        InvalidFieldException e =
                refused(() -> h.actAs(Harness.clerk("HOUSING"), "confirm_status", h.form("confirm_status", Map.of())));
        assertEquals("rule.workflow.department", e.rule());
        h.actAs(Harness.clerk("CIVIL"), "confirm_status", h.form("confirm_status", Map.of()));
        assertEquals("appraisal", h.ticket.currentStep());
    }

    @Test
    void civilAffairsNeedsTheSignedAuthorizationAndTemporaryAssistanceTheEmergency() {
        FormValidator v = new FormValidator(Harness.CATALOG);
        LocalDate today = LocalDate.of(2024, 6, 3);
        Map<String, Object> app = new HashMap<>(
                new Harness("minimum_living_allowance").history.get(0).formData());
        app.put("authorizationSigned", false);
        InvalidFieldException unsigned = refused(
                () -> v.validate(Harness.CATALOG.applicationFormOf("minimum_living_allowance"), app, Map.of(), today));
        assertEquals("authorizationSigned", unsigned.field());
        assertEquals("rule.form.authorizationRequired", unsigned.rule());
        Map<String, Object> temp =
                new HashMap<>(new Harness("temporary_assistance").history.get(0).formData());
        temp.remove("emergency");
        assertEquals(
                "emergency",
                refused(() -> v.validate(
                                Harness.CATALOG.applicationFormOf("temporary_assistance"), temp, Map.of(), today))
                        .field());
        Map<String, Object> badMember = new HashMap<>(app);
        badMember.put("authorizationSigned", true);
        badMember.put(
                "familyMembers", List.of(Map.of("name", "李四", "relation", "self", "idNumber", "530128198001010010")));
        InvalidFieldException id = refused(() ->
                v.validate(Harness.CATALOG.applicationFormOf("minimum_living_allowance"), badMember, Map.of(), today));
        assertEquals("familyMembers[0].idNumber", id.field());
    }

    @Test
    void supplementaryMaterialPausesAndReturnsToTheStepItCameFrom() {
        Harness h = new Harness("out_of_area_reimbursement");
        h.act("request_material");
        assertEquals("awaiting_material", h.ticket.currentStep());
        h.act("supply_material");
        assertEquals("review", h.ticket.currentStep());
        h.act("accept_review");
        h.act("request_material");
        h.act("supply_material");
        assertEquals("handling", h.ticket.currentStep());
    }

    @Test
    void diseasesComeFromTheReferenceLists() {
        FormValidator v = new FormValidator(Harness.CATALOG);
        LocalDate today = LocalDate.of(2024, 6, 3);
        Map<String, Object> chronic = new HashMap<>(
                new Harness("chronic_disease_management").history.get(0).formData());
        chronic.put("disease", "gout");
        assertEquals(
                "rule.form.choice",
                refused(() -> v.validate(
                                Harness.CATALOG.applicationFormOf("chronic_disease_management"),
                                chronic,
                                Map.of(),
                                today))
                        .rule());
        assertEquals(
                4,
                Harness.CATALOG.list("chronic_diseases").orElseThrow().entries().size());
        Map<String, Object> major = new HashMap<>(
                new Harness("serious_illness_assistance").history.get(0).formData());
        major.put("insured", false);
        assertEquals(
                "rule.medins.insuredOnly",
                refused(() -> v.validate(
                                Harness.CATALOG.applicationFormOf("serious_illness_assistance"),
                                major,
                                Map.of(),
                                today))
                        .rule());
        major.put("insured", true);
        major.put("disease", "other");
        major.remove("diseaseName");
        assertEquals(
                "diseaseName",
                refused(() -> v.validate(
                                Harness.CATALOG.applicationFormOf("serious_illness_assistance"),
                                major,
                                Map.of(),
                                today))
                        .field());
    }

    @Test
    void rolesDepartmentsAndTownshipsAreEnforced() {
        Harness h = new Harness("drinking_water");
        Map<String, Object> accept = h.form("accept", Map.of());
        User townshipStaff = Harness.townshipStaff(Harness.TOWNSHIP.code());
        assertEquals(
                "rule.workflow.role",
                refused(() -> h.actAs(townshipStaff, "accept", accept)).rule());
        User leader = new User("leader", "leader", Role.LEADER, "530128", null, null);
        assertEquals(
                "rule.workflow.role",
                refused(() -> h.actAs(leader, "accept", accept)).rule());
        assertTrue(h.engine().allowedActions(h.ticket, h.history, leader).isEmpty());
        User otherCounty = new User("x", "x", Role.CLERK, "530129", "WATER", null);
        assertEquals(
                "rule.workflow.county",
                refused(() -> h.actAs(otherCounty, "accept", accept)).rule());

        Harness housing = new Harness("house_renovation");
        User waterClerk = Harness.clerk("WATER");
        assertTrue(housing.engine()
                .allowedActions(housing.ticket, housing.history, waterClerk)
                .isEmpty());

        h.act("accept");
        User otherTownship = Harness.townshipStaff("530128002");
        assertEquals(
                "rule.workflow.township",
                refused(() -> h.actAs(otherTownship, "verify", h.form("verify", Map.of())))
                        .rule());
        assertEquals(
                List.of("verify"),
                h.engine().allowedActions(h.ticket, h.history, townshipStaff).stream()
                        .map(a -> a.code())
                        .toList());
    }

    @Test
    void formsRefuseUnknownFieldsAndBadValues() {
        Harness h = new Harness("drinking_water");
        h.act("accept");
        InvalidFieldException unknown = refused(() -> h.act("verify", Map.of("colour", "blue")));
        assertEquals("colour", unknown.field());
        assertEquals("rule.form.unknownField", unknown.rule());
        assertEquals(
                "rule.form.dateTime",
                refused(() -> h.act("verify", Map.of("onSiteAt", "yesterday"))).rule());
        // Time on site is something that happened: a day in the future is refused.
        InvalidFieldException future = refused(() -> h.act("verify", Map.of("onSiteAt", "2030-01-01T09:30")));
        assertEquals("onSiteAt", future.field());
        assertEquals("rule.form.notAfterToday", future.rule());
        assertEquals(
                "rule.form.choice",
                refused(() -> h.act("verify", Map.of("problem", "flood"))).rule());
        assertEquals("rule.workflow.unknownAction", refused(() -> h.act2("fly")).rule());
        assertEquals("verification", h.ticket.currentStep()); // nothing changed
    }

    @Test
    void aDissatisfiedApplicantsWaterTicketIsReopenedIntoSolvingWithinThirtyDays() {
        Harness h = new Harness("drinking_water");
        h.walkMainPath(); // the happy follow-up says "satisfied"
        assertEquals(
                "rule.workflow.reopenDissatisfied",
                refused(() -> h.act("reopen")).rule());

        Harness unhappy = new Harness("drinking_water");
        for (String step : List.of("accept", "verify", "solve", "feedback")) {
            unhappy.act(step);
        }
        unhappy.act("follow_up", Map.of("satisfaction", "dissatisfied"));
        assertEquals(TicketStatus.CONCLUDED, unhappy.ticket.status());
        assertEquals(
                "rule.workflow.concluded",
                refused(() -> unhappy.act("feedback")).rule());
        assertEquals(
                "rule.workflow.role",
                refused(() -> unhappy.actAs(
                                Harness.townshipStaff(unhappy.ticket.township().code()),
                                "reopen",
                                unhappy.form("reopen", Map.of())))
                        .rule());

        AppliedAction reopened = unhappy.act("reopen", Map.of("reason", "水量仍然不足"));
        assertEquals("solving", reopened.ticket().currentStep());
        assertEquals(TicketStatus.IN_PROGRESS, reopened.ticket().status());
        assertEquals(null, reopened.ticket().concludedAt());
        assertEquals(null, reopened.ticket().outcome());
        assertEquals("concluded", reopened.event().fromStep());
        // and it can be concluded again on the usual path
        for (String step : List.of("solve", "feedback", "follow_up")) {
            unhappy.act(step);
        }
        assertEquals("solved", unhappy.ticket.outcome());
    }

    @Test
    void reopeningEndsThirtyDaysAfterTheVisitAndIsNotInTheCatalogForJobRounds() {
        Harness h = new Harness("chronic_disease_management");
        for (String step : List.of("accept_review", "handle", "feedback")) {
            h.act(step);
        }
        // the visit is made 40 days after the feedback (late): the applicant keeps the 30 days after it
        h.now = h.now.plus(Duration.ofDays(40));
        h.act("follow_up", Map.of("satisfaction", "dissatisfied"));
        Instant concluded = h.now;
        assertTrue(h.ticket.concludedAt().isBefore(concluded.minus(Duration.ofDays(39))));
        // day 30 after the visit (China date) still may; day 31 may not
        h.now = concluded.plus(Duration.ofDays(30));
        assertTrue(h.engine().allowedActions(h.ticket, h.history, Harness.clerk("HEALTH")).stream()
                .anyMatch(a -> a.code().equals("reopen")));
        h.now = concluded.plus(Duration.ofDays(31)).minus(Duration.ofHours(20));
        InvalidFieldException late = refused(() -> h.act("reopen"));
        assertEquals("rule.workflow.reopenWindow", late.rule());
        assertEquals(List.of(30), late.args());
        assertEquals(TicketStatus.CONCLUDED, h.ticket.status());

        Harness job = new Harness("job_search");
        assertTrue(Harness.CATALOG.workflowOf("job_search").action("reopen").isEmpty());
        assertTrue(Harness.CATALOG.workflowOf("training").action("reopen").isEmpty());
        assertTrue(
                Harness.CATALOG.workflowOf("dropout_control").action("reopen").isEmpty());
        assertEquals(
                "rule.workflow.unknownAction", refused(() -> job.act2("reopen")).rule());
    }
}
