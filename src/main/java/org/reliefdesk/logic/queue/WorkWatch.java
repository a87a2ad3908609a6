package org.reliefdesk.logic.queue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.reliefdesk.logic.clock.LadderState;

/**
 * What is new for one user since they were last told: tickets that joined their tasks, and tasks
 * that turned due soon, overdue in their step, or supervised (督办). The first look only takes note
 * (nobody wants 150 notices at sign-in). Outside working hours nothing is announced and nothing is
 * marked as told, so the first look in the morning sums up the night.
 */
public final class WorkWatch {

    /** What to announce: ticket numbers of new tasks and of tasks newly in each of the late states. */
    public record Alerts(
            List<String> newTasks,
            List<String> turnedDueSoon,
            List<String> turnedStepOverdue,
            List<String> turnedSupervised) {

        static final Alerts NONE = new Alerts(List.of(), List.of(), List.of(), List.of());

        public boolean isEmpty() {
            return newTasks.isEmpty()
                    && turnedDueSoon.isEmpty()
                    && turnedStepOverdue.isEmpty()
                    && turnedSupervised.isEmpty();
        }
    }

    /** One ticket as the watch sees it: where it stands on the supervision ladder now. */
    public record Seen(UUID id, String ticketNo, LadderState state) {}

    /** The state each task was in when the user was last told; null before the first look. */
    private Map<UUID, LadderState> told;

    /**
     * Compares the user's current tasks with what they were told. {@code workingTime}: whether
     * notices may be shown now. A task is announced when it enters a late state it was not in when
     * last told; one that leaves it (acted on: the next step) and enters it again is announced again.
     */
    public Alerts look(List<Seen> tasks, boolean workingTime) {
        if (told == null) {
            told = new HashMap<>();
            remember(tasks);
            return Alerts.NONE;
        }
        if (!workingTime) {
            return Alerts.NONE;
        }
        List<String> arrived = tasks.stream()
                .filter(t -> !told.containsKey(t.id()))
                .map(Seen::ticketNo)
                .toList();
        Alerts news = new Alerts(
                arrived,
                entered(tasks, LadderState.DUE_SOON),
                entered(tasks, LadderState.STEP_OVERDUE),
                entered(tasks, LadderState.SUPERVISED));
        remember(tasks);
        return news;
    }

    private List<String> entered(List<Seen> tasks, LadderState state) {
        return tasks.stream()
                .filter(t -> t.state() == state && told.containsKey(t.id()) && told.get(t.id()) != state)
                .map(Seen::ticketNo)
                .toList();
    }

    private void remember(List<Seen> tasks) {
        told.clear();
        for (Seen t : tasks) {
            told.put(t.id(), t.state());
        }
    }
}
