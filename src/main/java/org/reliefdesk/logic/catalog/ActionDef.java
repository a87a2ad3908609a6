package org.reliefdesk.logic.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.reliefdesk.model.Role;

/**
 * Something a user may do to a ticket in given steps: who ({@code roles}, and the
 * department when it is not the item's own), with which form, and where the ticket goes —
 * {@code to} a step ({@code @previous} returns to the step before a pause), or the first
 * matching of {@code branches}. Limits: {@code maxTimes} per ticket (plus {@code extraTimes}
 * when a condition on the ticket's facts holds), {@code rowLimits} over all its uses, and
 * {@code requires} on the ticket's facts. {@code rule} names the message when one of these
 * refuses it; {@code stepRule} the message when the action is tried in a step it is not for
 * (such as the four dropout steps out of order). {@code to} may also be {@link #TRANSFER} or
 * {@link #ANY_ITEM}: the ticket moves to another item (转派, 重新派单). {@code main} marks the usual path. {@code reopenWithinDays} marks an action that
 * takes a concluded ticket back into handling, allowed for that many calendar days after it was
 * concluded (only such actions may start from a terminal step).
 */
// "feedsBack" was written in catalogs up to formatVersion 2 and never read: still accepted, ignored.
@JsonIgnoreProperties({"feedsBack"})
public record ActionDef(
        String code,
        @JsonProperty("from") List<String> from,
        List<Role> roles,
        String to,
        List<Branch> branches,
        String form,
        String outcome,
        Integer maxTimes,
        ExtraTimes extraTimes,
        List<RowLimit> rowLimits,
        Condition requires,
        String rule,
        String stepRule,
        String department,
        boolean main,
        Integer reopenWithinDays) {

    public static final String PREVIOUS = "@previous";

    /** {@code to}: the first step of the item named in the form's {@code item} field, any other item (重新派单). */
    public static final String ANY_ITEM = "@item";

    /** {@code to}: the first step of the item named in the form's {@code item} field, one the catalog's {@code transfersTo} allows (转派). */
    public static final String TRANSFER = "@transfer";

    /** Whether the action moves the ticket to another item (and so to another department's first step). */
    public boolean changesItem() {
        return ANY_ITEM.equals(to) || TRANSFER.equals(to);
    }

    public boolean reopens() {
        return reopenWithinDays != null;
    }

    /** Where the ticket goes and what outcome it records, given these answers (and the ticket's facts). */
    public record Target(String step, String outcome) {}

    /**
     * The target for these values: {@code to}, or the first branch whose condition holds.
     * Empty when no branch matches. {@code step} may be {@link #PREVIOUS}.
     */
    public Optional<Target> target(Map<String, Object> values) {
        if (branches == null) {
            return Optional.of(new Target(to, outcome));
        }
        return branches.stream()
                .filter(b -> b.when() == null || b.when().test(values))
                .findFirst()
                .map(b -> new Target(b.to(), b.outcome() != null ? b.outcome() : outcome));
    }

    /** Where the ticket goes when a condition on the values holds; the last branch may have none. */
    public record Branch(Condition when, String to, String outcome) {}

    /** More uses allowed when a condition holds (one more training round for a zero-employment family). */
    public record ExtraTimes(Condition when, int extra) {}

    /** At most {@code maxTotal} rows of a repeated field over all uses of the action (45 jobs in all). */
    public record RowLimit(String field, int maxTotal, String rule) {}
}
