package org.reliefdesk.logic.queue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What is new for one user since they were last told: tickets that joined their tasks, and tasks
 * that turned due soon. The first look only takes note (nobody wants 150 notices at sign-in).
 * Outside working hours nothing is announced and nothing is marked as told, so the first look in
 * the morning sums up the night.
 */
public final class WorkWatch {

    /** What to announce: new tasks and tasks newly due soon (ticket numbers, a few for the text). */
    public record Alerts(List<String> newTasks, List<String> turnedDueSoon) {
        public boolean isEmpty() {
            return newTasks.isEmpty() && turnedDueSoon.isEmpty();
        }
    }

    /** One ticket as the watch sees it. */
    public record Seen(UUID id, String ticketNo, boolean dueSoon) {}

    private Set<UUID> toldTasks;
    private final Set<UUID> toldDueSoon = new HashSet<>();

    /**
     * Compares the user's current tasks with what they were told. {@code workingTime}: whether
     * notices may be shown now.
     */
    public Alerts look(List<Seen> tasks, boolean workingTime) {
        if (toldTasks == null) {
            toldTasks = new HashSet<>();
            remember(tasks);
            return new Alerts(List.of(), List.of());
        }
        if (!workingTime) {
            return new Alerts(List.of(), List.of());
        }
        List<String> arrived = tasks.stream()
                .filter(t -> !toldTasks.contains(t.id()))
                .map(Seen::ticketNo)
                .toList();
        List<String> dueSoon = tasks.stream()
                .filter(t -> t.dueSoon() && !toldDueSoon.contains(t.id()) && toldTasks.contains(t.id()))
                .map(Seen::ticketNo)
                .toList();
        remember(tasks);
        return new Alerts(arrived, dueSoon);
    }

    private void remember(List<Seen> tasks) {
        toldTasks.clear();
        toldDueSoon.clear();
        for (Seen t : tasks) {
            toldTasks.add(t.id());
            if (t.dueSoon()) {
                toldDueSoon.add(t.id());
            }
        }
    }
}
