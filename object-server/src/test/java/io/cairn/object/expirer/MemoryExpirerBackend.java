package io.cairn.object.expirer;

import io.cairn.common.path.ExpiringObjects;
import io.cairn.common.time.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * The in-memory twin of {@link DirectExpirerBackend}: one queue account of task containers and rows, and the
 * objects' current {@code X-Delete-At}; the object DELETE answers as an object server behind a proxy would.
 * Listings come in pages of {@link #PAGE} to exercise paging; a shorter page is the last, as the direct backend's.
 *
 * <p>Thread-safe (synchronized).
 */
final class MemoryExpirerBackend implements ExpirerBackend {
    static final int PAGE = 2;

    /** One object DELETE the expirer asked for. */
    record Delete(String targetPath, String deleteAt, boolean asyncDelete) {}

    private final TreeMap<String, TreeMap<String, String>> containers = new TreeMap<>();
    private final Map<String, Long> objects = new TreeMap<>();
    private final List<Delete> deletes = new ArrayList<>();
    private final List<String> deletedContainers = new ArrayList<>();
    private final List<String> objectListings = new ArrayList<>();
    private final List<Integer> taskBatches = new ArrayList<>();

    synchronized void addTask(String container, String task, String contentType) {
        containers.computeIfAbsent(container, c -> new TreeMap<>()).put(task, contentType);
    }

    synchronized void addContainer(String container) {
        containers.computeIfAbsent(container, c -> new TreeMap<>());
    }

    /** An object that exists, with its {@code X-Delete-At} (0 for none). */
    synchronized void putObject(String targetPath, long deleteAt) {
        objects.put(targetPath, deleteAt);
    }

    synchronized boolean hasObject(String targetPath) {
        return objects.containsKey(targetPath);
    }

    synchronized List<String> rows(String container) {
        TreeMap<String, String> rows = containers.get(container);
        return rows == null ? List.of() : List.copyOf(rows.keySet());
    }

    synchronized List<String> containerNames() {
        return List.copyOf(containers.keySet());
    }

    /** Each {@link #listObjects} call, as {@code container?marker}. */
    synchronized List<String> objectListings() {
        return List.copyOf(objectListings);
    }

    synchronized List<Delete> deletes() {
        return List.copyOf(deletes);
    }

    synchronized List<String> deletedContainers() {
        return List.copyOf(deletedContainers);
    }

    @Override
    public synchronized CompletableFuture<List<Entry>> listContainers(String account, String marker) {
        List<Entry> page = new ArrayList<>();
        for (String name : containers.tailMap(marker, false).keySet()) {
            if (page.size() == PAGE) {
                break;
            }
            page.add(new Entry(name, ""));
        }
        return CompletableFuture.completedFuture(page);
    }

    @Override
    public synchronized CompletableFuture<List<Entry>> listObjects(String account, String container, String marker) {
        objectListings.add(container + "?" + marker);
        List<Entry> page = new ArrayList<>();
        TreeMap<String, String> rows = containers.get(container);
        if (rows != null) {
            for (Map.Entry<String, String> e : rows.tailMap(marker, false).entrySet()) {
                if (page.size() == PAGE) {
                    break;
                }
                page.add(new Entry(e.getKey(), e.getValue()));
            }
        }
        return CompletableFuture.completedFuture(page);
    }

    @Override
    public boolean isLastPage(List<Entry> page) {
        return page.size() < PAGE;
    }

    @Override
    public synchronized CompletableFuture<Integer> deleteObject(ExpiringObjects.Task task, boolean asyncDelete) {
        deletes.add(new Delete(task.targetPath(), task.deleteAt().normal(), asyncDelete));
        Long deleteAt = objects.get(task.targetPath());
        if (deleteAt == null) {
            return CompletableFuture.completedFuture(404);
        }
        if (!asyncDelete
                && deleteAt * Timestamp.UNITS_PER_SECOND != task.deleteAt().raw()) {
            return CompletableFuture.completedFuture(412);
        }
        objects.remove(task.targetPath());
        return CompletableFuture.completedFuture(204);
    }

    @Override
    public synchronized CompletableFuture<Void> deleteTasks(
            String account, String container, List<String> tasks, Timestamp now) {
        taskBatches.add(tasks.size());
        TreeMap<String, String> rows = containers.get(container);
        if (rows != null) {
            tasks.forEach(rows::remove);
        }
        return CompletableFuture.completedFuture(null);
    }

    /** The size of each {@link #deleteTasks} batch, in call order. */
    synchronized List<Integer> taskBatches() {
        return List.copyOf(taskBatches);
    }

    @Override
    public synchronized CompletableFuture<Integer> deleteContainer(String account, String container, Timestamp now) {
        TreeMap<String, String> rows = containers.get(container);
        if (rows == null) {
            return CompletableFuture.completedFuture(404);
        }
        if (!rows.isEmpty()) {
            return CompletableFuture.completedFuture(409);
        }
        containers.remove(container);
        deletedContainers.add(container);
        return CompletableFuture.completedFuture(204);
    }
}
