package io.cairn.object.diskfile;

import io.cairn.common.time.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Which files of a hash directory define the object and which are obsolete: Swift 2.30.1's {@code
 * get_ondisk_files} + {@code DiskFileManager._process_ondisk_files} (replicated policy), reference §2.3.
 *
 * <ol>
 *   <li>Each extension's files sorted newest first (ties: reverse file-name order, as Swift's stable sort
 *       of a reverse-sorted listing).
 *   <li>A {@code .ts}: every other file at or before the newest {@code .ts} is obsolete, and older {@code
 *       .ts} too.
 *   <li>{@code .meta}: keep the newest, plus the one with the newest content-type time if that is newer
 *       than the newest meta's (only that one when both have the same meta time).
 *   <li>A {@code .data}: older {@code .data}, and other files at or before it, are obsolete.
 *   <li>{@code .meta} without {@code .data}: "possible reclaim" (removed after reclaim_age).
 * </ol>
 *
 * <p>Thread-safety: immutable; pure computation over names.
 */
public final class OnDiskFileSet {
    private static final Comparator<OnDiskFileName> NEWEST_FIRST =
            Comparator.comparing(OnDiskFileName::timestamp).reversed();
    private static final Comparator<OnDiskFileName> NEWEST_CTYPE_FIRST =
            Comparator.comparing(OnDiskFileSet::ctypeOrZero).reversed();
    private static final Timestamp ZERO = Timestamp.ofRaw(0, 0);

    private final @Nullable OnDiskFileName data;
    private final @Nullable OnDiskFileName meta;
    private final @Nullable OnDiskFileName contentTypeMeta;
    private final @Nullable OnDiskFileName tombstone;
    private final List<OnDiskFileName> obsolete;
    private final List<OnDiskFileName> possibleReclaim;
    private final List<String> unexpected;

    private OnDiskFileSet(
            @Nullable OnDiskFileName data,
            @Nullable OnDiskFileName meta,
            @Nullable OnDiskFileName contentTypeMeta,
            @Nullable OnDiskFileName tombstone,
            List<OnDiskFileName> obsolete,
            List<OnDiskFileName> possibleReclaim,
            List<String> unexpected) {
        this.data = data;
        this.meta = meta;
        this.contentTypeMeta = contentTypeMeta;
        this.tombstone = tombstone;
        this.obsolete = Collections.unmodifiableList(obsolete);
        this.possibleReclaim = Collections.unmodifiableList(possibleReclaim);
        this.unexpected = Collections.unmodifiableList(unexpected);
    }

    /** Classifies the file names of one hash directory. */
    public static OnDiskFileSet of(Collection<String> fileNames) {
        List<String> names = new ArrayList<>(fileNames);
        names.sort(Comparator.reverseOrder());
        Map<String, List<OnDiskFileName>> exts = new TreeMap<>();
        List<String> unexpected = new ArrayList<>();
        for (String name : names) {
            OnDiskFileName f = OnDiskFileName.tryParse(name);
            if (f == null) {
                unexpected.add(name);
            } else {
                exts.computeIfAbsent(f.ext(), k -> new ArrayList<>()).add(f);
            }
        }
        for (List<OnDiskFileName> list : exts.values()) {
            list.sort(NEWEST_FIRST); // stable: ties keep reverse name order
        }
        List<OnDiskFileName> obsolete = new ArrayList<>();
        applyTombstone(exts, obsolete);
        retainMetas(exts, obsolete);
        List<OnDiskFileName> possibleReclaim = new ArrayList<>();
        OnDiskFileName data = null;
        List<OnDiskFileName> datas = exts.getOrDefault(OnDiskFileName.DATA, List.of());
        if (!datas.isEmpty()) {
            Timestamp dataTs = datas.get(0).timestamp();
            for (Map.Entry<String, List<OnDiskFileName>> e : exts.entrySet()) {
                boolean isData = e.getKey().equals(OnDiskFileName.DATA);
                e.setValue(keepNewerThan(e.getValue(), dataTs, isData, obsolete));
            }
            data = datas.get(0);
        }
        List<OnDiskFileName> metas = exts.getOrDefault(OnDiskFileName.META, List.of());
        if (!metas.isEmpty() && data == null) {
            possibleReclaim.addAll(metas);
        }
        OnDiskFileName meta = null;
        OnDiskFileName ctypeMeta = null;
        OnDiskFileName tombstone = null;
        if (data != null) {
            if (!metas.isEmpty()) {
                meta = metas.get(0);
                OnDiskFileName last = metas.get(metas.size() - 1);
                Timestamp lastCtype = last.contentTypeTimestamp();
                if (lastCtype != null && lastCtype.compareTo(data.timestamp()) > 0) {
                    ctypeMeta = last;
                }
            }
        } else {
            List<OnDiskFileName> remainingTs = exts.getOrDefault(OnDiskFileName.TOMBSTONE, List.of());
            if (!remainingTs.isEmpty()) {
                tombstone = remainingTs.get(0);
            }
        }
        return new OnDiskFileSet(data, meta, ctypeMeta, tombstone, obsolete, possibleReclaim, unexpected);
    }

    /** Everything at or before the newest {@code .ts} is obsolete, and all older {@code .ts}. */
    private static void applyTombstone(Map<String, List<OnDiskFileName>> exts, List<OnDiskFileName> obsolete) {
        List<OnDiskFileName> tss = exts.getOrDefault(OnDiskFileName.TOMBSTONE, List.of());
        if (tss.isEmpty()) {
            return;
        }
        Timestamp newestTs = tss.get(0).timestamp();
        for (Map.Entry<String, List<OnDiskFileName>> e : exts.entrySet()) {
            if (!e.getKey().equals(OnDiskFileName.TOMBSTONE)) {
                e.setValue(keepNewerThan(e.getValue(), newestTs, false, obsolete));
            }
        }
        obsolete.addAll(tss.subList(1, tss.size()));
        exts.put(OnDiskFileName.TOMBSTONE, new ArrayList<>(tss.subList(0, 1)));
    }

    /**
     * Splits a newest-first list: keeps the leading files newer than {@code ts} (or equal when {@code
     * inclusive}), adds the rest to {@code obsolete}. Swift's {@code _split_gt/_split_gte_timestamp}.
     */
    private static List<OnDiskFileName> keepNewerThan(
            List<OnDiskFileName> files, Timestamp ts, boolean inclusive, List<OnDiskFileName> obsolete) {
        int i = 0;
        while (i < files.size()) {
            int c = files.get(i).timestamp().compareTo(ts);
            if (c > 0 || (inclusive && c == 0)) {
                i++;
            } else {
                break;
            }
        }
        obsolete.addAll(files.subList(i, files.size()));
        return new ArrayList<>(files.subList(0, i));
    }

    private static void retainMetas(Map<String, List<OnDiskFileName>> exts, List<OnDiskFileName> obsolete) {
        List<OnDiskFileName> metas = exts.get(OnDiskFileName.META);
        if (metas == null || metas.isEmpty()) {
            return;
        }
        List<OnDiskFileName> sorted = new ArrayList<>(metas);
        int retain = 1;
        if (sorted.size() > 1) {
            List<OnDiskFileName> rest = new ArrayList<>(sorted.subList(1, sorted.size()));
            rest.sort(NEWEST_CTYPE_FIRST);
            for (int i = 0; i < rest.size(); i++) {
                sorted.set(i + 1, rest.get(i));
            }
            if (ctypeOrZero(sorted.get(1)).compareTo(ctypeOrZero(sorted.get(0))) > 0) {
                if (sorted.get(1).timestamp().equals(sorted.get(0).timestamp())) {
                    OnDiskFileName first = sorted.get(0);
                    sorted.set(0, sorted.get(1));
                    sorted.set(1, first);
                } else {
                    retain = 2;
                }
            }
        }
        obsolete.addAll(sorted.subList(retain, sorted.size()));
        exts.put(OnDiskFileName.META, new ArrayList<>(sorted.subList(0, retain)));
    }

    private static Timestamp ctypeOrZero(OnDiskFileName f) {
        Timestamp t = f.contentTypeTimestamp();
        return t == null ? ZERO : t;
    }

    /** The newest {@code .data}, or null. */
    public @Nullable OnDiskFileName data() {
        return data;
    }

    /** The newest {@code .meta}, only when a {@code .data} was chosen. */
    public @Nullable OnDiskFileName meta() {
        return meta;
    }

    /** A {@code .meta} holding a content-type newer than the data, only when a {@code .data} was chosen. */
    public @Nullable OnDiskFileName contentTypeMeta() {
        return contentTypeMeta;
    }

    /** The newest {@code .ts}, only when no {@code .data} was chosen. */
    public @Nullable OnDiskFileName tombstone() {
        return tombstone;
    }

    /** Files that no longer matter and are removed by cleanup. */
    public List<OnDiskFileName> obsolete() {
        return obsolete;
    }

    /** {@code .meta} files without a {@code .data}: removed once older than reclaim_age. */
    public List<OnDiskFileName> possibleReclaim() {
        return possibleReclaim;
    }

    /** Names that are not object files (rsync temp files, junk): left alone. */
    public List<String> unexpected() {
        return unexpected;
    }
}
