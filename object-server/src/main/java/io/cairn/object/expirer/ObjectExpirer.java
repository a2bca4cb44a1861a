package io.cairn.object.expirer;

import io.cairn.common.concurrent.RateLimiter;
import io.cairn.common.daemon.Daemon;
import io.cairn.common.daemon.PassReport;
import io.cairn.common.path.ExpiringObjects;
import io.cairn.common.time.Timestamp;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Swift 2.30.1's {@code ObjectExpirer.run_once} (reference §8.2): one pass over the {@code .expiring_objects}
 * queue.
 *
 * <ol>
 *   <li>The queue account's task containers are listed in name order; each is a {@code %010d} time, and the
 *       listing stops at the first one later than now ({@code iter_task_containers_to_expire}).
 *   <li>Each due container's rows are listed in order; a row that is not a task name is reported and skipped,
 *       the first task later than now ends that container, and only the tasks whose {@code hash_mod(container
 *       + "/" + task, processes) == process} are this expirer's. A container with no row at all is deleted
 *       (2xx/404/409 all fine).
 *   <li>Tasks are started in Swift's round-robin order over their target containers (so one container is not
 *       hammered), at most {@code tasks_per_second}, at most {@code concurrency} at once: the object is
 *       deleted with {@code X-If-Delete-At}; 2xx or 409 (a newer object is there) ends the task; 404 or 412
 *       (gone, or its {@code X-Delete-At} moved) ends it only once the task is older than {@code reclaim_age}
 *       — before that it stays for the next pass, as in Swift; a server error is tried again up to {@code
 *       request_tries} times (after 2, 4, … s, as Swift's internal client). Ending a task deletes its row from
 *       every replica of its task container: the rows of one container go together, {@link #POP_BATCH} at a
 *       time and the rest at the end of the pass, where Swift sends one request per row and replica.
 * </ol>
 *
 * <p>Tasks whose row has content type {@code application/async-deleted} (SLO's async segment deletes) are
 * deleted without {@code X-If-Delete-At}; 404 then ends them too.
 *
 * <p>Counters of a pass: {@code tasks} (started), {@code objects_expired} (tasks ended — Swift's {@code
 * expired_last_pass}), {@code stale_reclaimed} (ended after {@code reclaim_age} with 404/412), {@code
 * task_containers} (due containers listed), {@code task_containers_deleted}, {@code errors} (tasks left for
 * the next pass, bad rows, failed listings). Recon's {@code /recon/expirer/object} shows {@code
 * object_expiration_pass} (the duration) and {@code expired_last_pass}.
 *
 * <p>Thread-safety: {@link #runOnce} is called by one thread at a time; tasks complete on the backend's
 * threads and only touch the report (thread-safe) and a semaphore.
 */
public final class ObjectExpirer implements Daemon, AutoCloseable {
    /** The daemon's recon name, Swift's section name. */
    public static final String NAME = "object-expirer";
    /** Swift's {@code MAX_OBJECTS_TO_CACHE}: tasks gathered before they are started in round-robin order. */
    static final int MAX_OBJECTS_TO_CACHE = 100_000;
    /**
     * Ended tasks whose rows leave their task container in one request per replica. Rows not yet sent when the
     * expirer dies stay queued: the next pass finds their objects gone (404) and ends them after {@code
     * reclaim_age}, as Swift does with a row whose {@code direct_delete_container_entry} failed.
     */
    static final int POP_BATCH = 64;

    private static final System.Logger LOG = System.getLogger(ObjectExpirer.class.getName());

    private final ObjectExpirerConfig config;
    private final String account;
    private final ExpirerBackend backend;
    private final Clock clock;
    private final @Nullable AutoCloseable resources;

    /**
     * @param account the queue's account ({@link ObjectExpirerConfig#queueAccount})
     * @param resources closed with the expirer (the backend's client), or null
     */
    public ObjectExpirer(
            ObjectExpirerConfig config,
            String account,
            ExpirerBackend backend,
            Clock clock,
            @Nullable AutoCloseable resources) {
        this.config = config;
        this.account = account;
        this.backend = backend;
        this.clock = clock;
        this.resources = resources;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PassReport runOnce() throws InterruptedException {
        PassReport.Builder report = new PassReport.Builder(NAME, clock.instant());
        report.zero(
                "tasks", "objects_expired", "stale_reclaimed", "task_containers", "task_containers_deleted", "errors");
        if (!config.dequeueFromLegacy()) {
            LOG.log(
                    Level.INFO,
                    "object-expirer: dequeue_from_legacy is false: this node will not process any expiration tasks");
            return report.build(clock.instant());
        }
        backend.passStarted();
        new Pass(report).run();
        return report.build(clock.instant());
    }

    /** Closes the resources given at construction. */
    @Override
    public void close() {
        if (resources != null) {
            try {
                resources.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "object-expirer: closing its client failed", e);
            }
        }
    }

    /** The rows listed from one task container, in name order (those read before a failed page, if one failed). */
    private record ContainerRows(String container, List<ExpirerBackend.Entry> rows) {}

    /** A task this expirer owns, with where its row lives. */
    private record Work(String taskContainer, String taskName, ExpiringObjects.Task task, boolean asyncDelete) {}

    /** One pass's state; confined to the pass thread except the report and the semaphore. */
    private final class Pass {
        final PassReport.Builder report;
        final Timestamp now = Timestamp.now(clock);
        final Semaphore slots = new Semaphore(config.concurrency());
        // Swift: RateLimitedIterator over the work, its EventletRateLimiter with the default rate_buffer
        final RateLimiter limiter = new RateLimiter(config.tasksPerSecond(), clock);
        final Map<String, ArrayDeque<Work>> byTarget = new TreeMap<>();
        /** Ended tasks' rows not sent yet, per task container; guarded by itself (tasks end on backend threads). */
        final Map<String, List<String>> unpopped = new HashMap<>();
        /** Row removals sent; guarded by itself. */
        final List<CompletableFuture<Void>> popsSent = new ArrayList<>();

        int cached;

        Pass(PassReport.Builder report) {
            this.report = report;
        }

        void run() throws InterruptedException {
            try {
                gatherAll(dueContainers());
                startRoundRobin();
            } finally {
                slots.acquire(config.concurrency()); // every started task has ended
                slots.release(config.concurrency());
                popRemaining();
            }
        }

        /** Sends every row still unsent, at most {@code concurrency} containers' batches at once, and waits. */
        private void popRemaining() throws InterruptedException {
            List<Map.Entry<String, List<String>>> left;
            synchronized (unpopped) {
                left = new ArrayList<>(unpopped.entrySet());
                unpopped.clear();
            }
            for (Map.Entry<String, List<String>> batch : left) {
                slots.acquire();
                popRows(batch.getKey(), batch.getValue()).whenComplete((ignored, failure) -> slots.release());
            }
            List<CompletableFuture<Void>> sent;
            synchronized (popsSent) {
                sent = new ArrayList<>(popsSent);
            }
            try {
                CompletableFuture.allOf(sent.toArray(new CompletableFuture<?>[0]))
                        .get();
            } catch (ExecutionException e) {
                error("removing ended tasks' rows: " + e.getCause());
            }
        }

        /** {@code pop_queue} for a batch of one task container's rows (answers do not matter, as in Swift). */
        private CompletableFuture<Void> popRows(String container, List<String> rows) {
            CompletableFuture<Void> sent;
            try {
                sent = backend.deleteTasks(account, container, rows, Timestamp.now(clock));
            } catch (RuntimeException e) {
                sent = CompletableFuture.failedFuture(e);
            }
            synchronized (popsSent) {
                popsSent.add(sent);
            }
            return sent;
        }

        /** {@code iter_task_containers_to_expire}. */
        private List<String> dueContainers() throws InterruptedException {
            List<String> due = new ArrayList<>();
            String marker = "";
            while (true) {
                List<ExpirerBackend.Entry> page = await(backend.listContainers(account, marker), "listing " + account);
                if (page == null || page.isEmpty()) {
                    return due;
                }
                for (ExpirerBackend.Entry e : page) {
                    Timestamp at;
                    try {
                        at = Timestamp.parse(e.name());
                    } catch (IllegalArgumentException bad) {
                        error("task container " + e.name() + " is not a time");
                        continue;
                    }
                    if (at.compareTo(now) > 0) {
                        return due;
                    }
                    due.add(e.name());
                }
                if (backend.isLastPage(page)) {
                    return due;
                }
                marker = page.get(page.size() - 1).name();
            }
        }

        /**
         * {@code iter_task_to_expire} over the due containers, in order. Their listings are read ahead, up to
         * {@code concurrency} containers at once (each one's pages one after the other), so a pass does not wait
         * for one listing round trip per task container before its first delete; the rows are still taken in
         * container order, and every task is started only once all are gathered, as Swift's {@code
         * round_robin_order} does.
         */
        private void gatherAll(List<String> due) throws InterruptedException {
            int window = Math.max(1, config.concurrency());
            ArrayDeque<CompletableFuture<ContainerRows>> ahead = new ArrayDeque<>();
            int next = 0;
            while (next < due.size() || !ahead.isEmpty()) {
                while (next < due.size() && ahead.size() < window) {
                    String container = due.get(next++);
                    ahead.add(listDue(container, "", new ArrayList<>()));
                }
                ContainerRows listed = await(Objects.requireNonNull(ahead.poll()), "listing task containers");
                report.add("task_containers", 1);
                if (listed != null) {
                    gather(listed);
                }
            }
        }

        /**
         * The rows of {@code container} after {@code marker} added to {@code rows}, page after page, up to the last
         * page or the first page ending with a task that is not due yet (the rows are in time order).
         */
        private CompletableFuture<ContainerRows> listDue(
                String container, String marker, List<ExpirerBackend.Entry> rows) {
            return backend.listObjects(account, container, marker)
                    .handle((page, failure) -> {
                        if (failure != null) {
                            error("listing " + account + "/" + container + ": " + failure);
                            return CompletableFuture.completedFuture(new ContainerRows(container, rows));
                        }
                        rows.addAll(page);
                        if (page.isEmpty() || backend.isLastPage(page) || !isDue(page.get(page.size() - 1))) {
                            return CompletableFuture.completedFuture(new ContainerRows(container, rows));
                        }
                        return listDue(container, page.get(page.size() - 1).name(), rows);
                    })
                    .thenCompose(f -> f);
        }

        /** Whether a row is a task due now; a row that is not a task name counts as due (it is reported later). */
        private boolean isDue(ExpirerBackend.Entry row) {
            try {
                return ExpiringObjects.parseTaskObject(row.name()).deleteAt().compareTo(now) <= 0;
            } catch (IllegalArgumentException bad) {
                return true;
            }
        }

        /** One container's listed rows: its tasks are taken; a container with no row at all is deleted. */
        private void gather(ContainerRows listed) throws InterruptedException {
            String container = listed.container();
            if (!listed.rows().isEmpty()) {
                take(container, listed.rows());
                return;
            }
            Integer status = await(backend.deleteContainer(account, container, now), "deleting " + container);
            if (status != null && (status / 100 == 2 || status == 404 || status == 409)) {
                report.add("task_containers_deleted", status / 100 == 2 ? 1 : 0);
            } else if (status != null) {
                error("deleting empty task container " + container + ": " + status);
            }
        }

        /** Takes this expirer's due tasks of one container's rows, up to the first that is not due yet. */
        private void take(String container, List<ExpirerBackend.Entry> rows) throws InterruptedException {
            for (ExpirerBackend.Entry e : rows) {
                ExpiringObjects.Task task;
                try {
                    task = ExpiringObjects.parseTaskObject(e.name());
                } catch (IllegalArgumentException bad) {
                    error("Unexcepted error handling task " + container + "/" + e.name() + ": " + bad.getMessage());
                    continue;
                }
                if (task.deleteAt().compareTo(now) > 0) {
                    return;
                }
                if (config.processes() > 0
                        && ExpiringObjects.hashMod(container + "/" + e.name(), config.processes())
                                != config.process()) {
                    continue;
                }
                Work work =
                        new Work(container, e.name(), task, ExpiringObjects.ASYNC_DELETE_TYPE.equals(e.contentType()));
                byTarget.computeIfAbsent(task.account() + "/" + task.container(), k -> new ArrayDeque<>())
                        .add(work);
                if (++cached > MAX_OBJECTS_TO_CACHE) {
                    startRoundRobin();
                }
            }
        }

        /** Swift's {@code round_robin_order}: one task per target container in turn, containers in name order. */
        private void startRoundRobin() throws InterruptedException {
            while (!byTarget.isEmpty()) {
                Iterator<ArrayDeque<Work>> queues = byTarget.values().iterator();
                while (queues.hasNext()) {
                    ArrayDeque<Work> queue = queues.next();
                    Work work = queue.poll();
                    if (work != null) {
                        start(work);
                    }
                    if (queue.isEmpty()) {
                        queues.remove();
                    }
                }
            }
            cached = 0;
        }

        private void start(Work work) throws InterruptedException {
            limiter.waitFor(1);
            slots.acquire();
            report.add("tasks", 1);
            CompletableFuture<Void> done;
            try {
                done = attempt(work, 1);
            } catch (RuntimeException e) {
                done = CompletableFuture.failedFuture(e);
            }
            done.whenComplete((ignored, failure) -> {
                if (failure != null) {
                    error("Exception while deleting object " + work.taskContainer() + " " + work.taskName() + " "
                            + failure);
                }
                slots.release();
            });
        }

        /** {@code delete_object}: one try of the object DELETE, then the row's fate. */
        private CompletableFuture<Void> attempt(Work work, int attempt) {
            return backend.deleteObject(work.task(), work.asyncDelete()).thenCompose(status -> {
                if (status / 100 == 2 || status == 409 || (work.asyncDelete() && status == 404)) {
                    return pop(work, false);
                }
                if (status == 404 || status == 412) {
                    long ageSeconds = (now.raw() - work.task().deleteAt().raw()) / Timestamp.UNITS_PER_SECOND;
                    if (ageSeconds > config.reclaimAge().toSeconds()) {
                        return pop(work, true);
                    }
                } else if (status >= 500 && attempt < config.requestTries()) {
                    // the internal client's retry of a server error, after 2, 4, ... seconds
                    return CompletableFuture.supplyAsync(
                                    () -> null, CompletableFuture.delayedExecutor(1L << attempt, TimeUnit.SECONDS))
                            .thenCompose(ignored -> attempt(work, attempt + 1));
                }
                error("Unexpected response while deleting object " + account + " " + work.taskContainer() + " "
                        + work.taskName() + ": " + status);
                return CompletableFuture.completedFuture(null);
            });
        }

        /**
         * {@code pop_queue}: the task has ended; its row joins its container's batch, which is sent once it holds
         * {@link #POP_BATCH} rows (the rest when the pass ends).
         */
        private CompletableFuture<Void> pop(Work work, boolean stale) {
            report.add("objects_expired", 1);
            if (stale) {
                report.add("stale_reclaimed", 1);
            }
            List<String> full = null;
            synchronized (unpopped) {
                List<String> rows = unpopped.computeIfAbsent(work.taskContainer(), k -> new ArrayList<>());
                rows.add(work.taskName());
                if (rows.size() >= POP_BATCH) {
                    full = rows;
                    unpopped.remove(work.taskContainer());
                }
            }
            if (full != null) {
                popRows(work.taskContainer(), full);
            }
            return CompletableFuture.completedFuture(null);
        }

        private void error(String message) {
            LOG.log(Level.ERROR, "object-expirer: " + message);
            report.add("errors", 1);
            report.error(message);
        }

        /** The future's value; null (and an error) when it failed. */
        private <T> @Nullable T await(CompletableFuture<T> future, String what) throws InterruptedException {
            try {
                return future.get();
            } catch (ExecutionException e) {
                error(what + ": " + e.getCause());
                return null;
            }
        }
    }
}
