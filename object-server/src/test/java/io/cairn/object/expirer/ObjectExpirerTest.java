package io.cairn.object.expirer;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.daemon.PassReport;
import io.cairn.common.path.ExpiringObjects;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The expirer's pass over its in-memory twin, time moved by hand. */
@Timeout(30)
class ObjectExpirerTest {
    private static final String ACCOUNT = ".expiring_objects";
    private static final long T0 = 1_700_000_000L;

    private final MemoryExpirerBackend backend = new MemoryExpirerBackend();
    private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(T0));

    /** An object expiring at {@code at}, queued as the object server queues it (container per 100 s here). */
    private String queue(long at, String container, String object) {
        String target = "AUTH_t/" + container + "/" + object;
        String taskContainer = Long.toString(at / 100 * 100);
        String task = ExpiringObjects.taskObject(at, "AUTH_t", container, object);
        backend.addTask(taskContainer, task, "text/plain");
        backend.putObject(target, at);
        return taskContainer;
    }

    private ObjectExpirer expirer(String settings) {
        return new ObjectExpirer(
                ObjectExpirerConfig.parse("[object-expirer]\ntasks_per_second = 0\n" + settings),
                ACCOUNT,
                backend,
                clock,
                null);
    }

    @Test
    void shouldDeleteDueObjectsAndTheirTasksButNotLaterOnesWhenAPassRuns() throws Exception {
        String c1 = queue(T0 + 100, "c", "a");
        queue(T0 + 150, "c", "b");
        queue(T0 + 160, "c", "b2");
        String c3 = queue(T0 + 300, "c", "later");
        clock.advance(Duration.ofSeconds(200));

        PassReport report = expirer("").runOnce();

        assertThat(report.completed()).isTrue();
        assertThat(report.counter("objects_expired")).isEqualTo(3);
        assertThat(report.counter("tasks")).isEqualTo(3);
        assertThat(backend.hasObject("AUTH_t/c/a")).isFalse();
        assertThat(backend.hasObject("AUTH_t/c/b2")).isFalse();
        assertThat(backend.hasObject("AUTH_t/c/later")).isTrue();
        assertThat(backend.rows(c1)).isEmpty();
        assertThat(backend.rows(c3)).hasSize(1);
        assertThat(backend.deletes())
                .allSatisfy(d -> assertThat(d.asyncDelete()).isFalse())
                .extracting(MemoryExpirerBackend.Delete::deleteAt)
                .containsExactlyInAnyOrder("1700000100.00000", "1700000150.00000", "1700000160.00000");
        // the emptied task container goes on the next pass, as in Swift
        PassReport second = expirer("").runOnce();
        assertThat(second.counter("task_containers_deleted")).isEqualTo(1);
        assertThat(backend.deletedContainers()).containsExactly(c1);
        assertThat(backend.containerNames()).containsExactly(c3);
    }

    @Test
    void shouldRemoveEndedTasksRowsInBatchesPerTaskContainerWhenManyEnd() throws Exception {
        int count = ObjectExpirer.POP_BATCH * 2 + 5;
        String taskContainer = "";
        for (int i = 0; i < count; i++) {
            taskContainer = queue(T0 + 100, "c", String.format("o%04d", i));
        }
        String other = queue(T0 + 250, "d", "x");
        clock.advance(Duration.ofMinutes(5));

        PassReport report = expirer("concurrency = 8").runOnce();

        assertThat(report.counter("objects_expired")).isEqualTo(count + 1);
        assertThat(backend.rows(taskContainer)).isEmpty();
        assertThat(backend.rows(other)).isEmpty();
        // two full batches while the pass runs, then what is left of each container at its end
        assertThat(backend.taskBatches())
                .containsExactlyInAnyOrder(ObjectExpirer.POP_BATCH, ObjectExpirer.POP_BATCH, 5, 1);
    }

    @Test
    void shouldListEachContainerOnlyUpToItsLastPageOrItsFirstTaskNotDueWhenGathering() throws Exception {
        // container 1700000100: three due tasks (a full page, then a short last one); 1700000200: one due task
        // and then, past the first page, tasks not due yet
        String full = queue(T0 + 110, "c", "a");
        queue(T0 + 120, "c", "b");
        queue(T0 + 130, "c", "c");
        String mixed = queue(T0 + 210, "d", "due");
        queue(T0 + 260, "d", "later1");
        queue(T0 + 270, "d", "later2");
        queue(T0 + 280, "d", "later3");
        clock.advance(Duration.ofSeconds(250));

        PassReport report = expirer("concurrency = 4").runOnce();

        assertThat(report.counter("objects_expired")).isEqualTo(4);
        assertThat(report.counter("task_containers")).isEqualTo(2);
        String lastOfFull = ExpiringObjects.taskObject(T0 + 120, "AUTH_t", "c", "b");
        // no empty page is asked for after a short one, nor pages past a task that is not due
        assertThat(backend.objectListings())
                .containsExactlyInAnyOrder(full + "?", full + "?" + lastOfFull, mixed + "?");
        assertThat(backend.rows(mixed))
                .hasSize(3)
                .doesNotContain(ExpiringObjects.taskObject(T0 + 210, "AUTH_t", "d", "due"));
        assertThat(backend.hasObject("AUTH_t/d/later1")).isTrue();
    }

    @Test
    void shouldKeepAStaleTaskUntilReclaimAgeThenDropItWhenTheObjectMovedOrWentAway() throws Exception {
        String moved = queue(T0 + 10, "c", "moved");
        backend.putObject("AUTH_t/c/moved", T0 + 5_000); // a POST moved X-Delete-At; the old task stayed
        queue(T0 + 20, "c", "gone");
        backend.deleteObject(
                ExpiringObjects.parseTaskObject(ExpiringObjects.taskObject(T0 + 20, "AUTH_t", "c", "gone")), true);
        clock.advance(Duration.ofSeconds(100));

        PassReport first = expirer("reclaim_age = 3600\n").runOnce();
        assertThat(first.counter("objects_expired")).isZero();
        assertThat(first.counter("errors")).isEqualTo(2);
        assertThat(first.completed()).isFalse();
        assertThat(backend.rows(moved)).hasSize(2); // the row of "gone" shares the container

        clock.advance(Duration.ofHours(1));
        PassReport later = expirer("reclaim_age = 3600\n").runOnce();
        assertThat(later.counter("objects_expired")).isEqualTo(2);
        assertThat(later.counter("stale_reclaimed")).isEqualTo(2);
        assertThat(backend.rows(moved)).isEmpty();
        assertThat(backend.hasObject("AUTH_t/c/moved"))
                .as("the moved object stays")
                .isTrue();
    }

    @Test
    void shouldShareTasksBetweenProcessesByHashModWhenProcessesIsSet() throws Exception {
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String container = queue(T0 + 10 + i, "c", "o" + i);
            all.add(container + "/"
                    + backend.rows(container).get(backend.rows(container).size() - 1));
        }
        clock.advance(Duration.ofSeconds(100));
        Set<String> seen = new HashSet<>();
        for (int process = 0; process < 3; process++) {
            int before = backend.deletes().size();
            PassReport report =
                    expirer("processes = 3\nprocess = " + process + "\n").runOnce();
            List<MemoryExpirerBackend.Delete> mine =
                    backend.deletes().subList(before, backend.deletes().size());
            assertThat(report.counter("objects_expired")).isEqualTo(mine.size());
            for (MemoryExpirerBackend.Delete d : mine) {
                String name = d.targetPath().substring("AUTH_t/c/".length());
                String row = all.stream()
                        .filter(r -> r.endsWith("/c/" + name))
                        .findFirst()
                        .orElseThrow();
                assertThat(ExpiringObjects.hashMod(row, 3)).isEqualTo(process);
                assertThat(seen.add(name)).isTrue();
            }
        }
        assertThat(seen).hasSize(30);
    }

    @Test
    void shouldStartTasksRoundRobinOverTargetContainersWhenManyAreDue() throws Exception {
        queue(T0 + 1, "big", "1");
        queue(T0 + 2, "big", "2");
        queue(T0 + 3, "big", "3");
        queue(T0 + 4, "small", "1");
        clock.advance(Duration.ofSeconds(10));
        expirer("").runOnce();
        assertThat(backend.deletes())
                .extracting(MemoryExpirerBackend.Delete::targetPath)
                .containsExactly("AUTH_t/big/1", "AUTH_t/small/1", "AUTH_t/big/2", "AUTH_t/big/3");
    }

    @Test
    void shouldDeleteWithoutIfDeleteAtWhenTheTaskIsAnAsyncDelete() throws Exception {
        String task = ExpiringObjects.taskObject(T0 + 1, "AUTH_t", "segs", "s1");
        backend.addTask(Long.toString(T0), task, ExpiringObjects.ASYNC_DELETE_TYPE);
        backend.putObject("AUTH_t/segs/s1", 0);
        clock.advance(Duration.ofSeconds(10));
        PassReport report = expirer("").runOnce();
        assertThat(report.counter("objects_expired")).isEqualTo(1);
        assertThat(backend.deletes())
                .singleElement()
                .satisfies(d -> assertThat(d.asyncDelete()).isTrue());
        assertThat(backend.hasObject("AUTH_t/segs/s1")).isFalse();
    }

    @Test
    void shouldSkipBadRowsAndDoNothingWhenNotDequeuing() throws Exception {
        backend.addTask(Long.toString(T0), "not-a-task", "text/plain");
        queue(T0 + 1, "c", "o");
        clock.advance(Duration.ofSeconds(10));
        assertThat(expirer("dequeue_from_legacy = false\n").runOnce().counter("tasks"))
                .isZero();
        PassReport report = expirer("").runOnce();
        assertThat(report.counter("errors")).isEqualTo(1);
        assertThat(report.counter("objects_expired")).isEqualTo(1);
    }
}
