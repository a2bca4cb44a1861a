package io.cairn.auditor.object;

import io.cairn.common.concurrent.RateLimiter;
import io.cairn.common.concurrent.Sleeper;
import io.cairn.common.daemon.Daemon;
import io.cairn.common.daemon.PassReport;
import io.cairn.common.io.DeviceRoot;
import io.cairn.common.time.Timestamp;
import io.cairn.object.diskfile.BodyVerifier;
import io.cairn.object.diskfile.DiskFileDeleted;
import io.cairn.object.diskfile.DiskFileExpired;
import io.cairn.object.diskfile.DiskFileNotExist;
import io.cairn.object.diskfile.DiskFileQuarantined;
import io.cairn.object.diskfile.DiskFileReader;
import io.cairn.object.diskfile.DiskLayout;
import io.cairn.object.diskfile.LocalDiskFileManager;
import io.cairn.object.metadata.ObjectMetadata;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Swift's object auditor ({@code swift/obj/auditor.py: AuditorWorker}), one pass per {@link #runOnce()}.
 * Walks {@code <dev>/objects[-N]/<part>/<suffix>/<hash>} of every usable device (sorted; Swift shuffles
 * and resumes from {@code auditor_status_*.json}, Cairn restarts a pass from the beginning) and opens each
 * object by hash ({@link LocalDiskFileManager#openByHash}): metadata readable with a matching checksum,
 * {@code name} present and hashing to the directory, {@code Content-Length} numeric and equal to the file
 * size, {@code X-Delete-At} numeric — failures quarantine the hash directory and invalidate its suffix.
 * <ul>
 *   <li>{@link Mode#ZBF} ("zero-byte files", Swift's {@code zero_byte_only_at_fps}): only those open-time
 *       checks, at {@code zero_byte_files_per_second}; it catches the files a crash left empty (size 0,
 *       metadata says more) quickly, without reading any body.
 *   <li>{@link Mode#ALL}: also reads every non-empty body at {@code bytes_per_second} and compares its MD5
 *       with the ETag; objects at {@code files_per_second}; a tombstone older than {@code reclaim_age} gets
 *       its suffix invalidated so the next REPLICATE's hashing reclaims it.
 * </ul>
 * Counters: {@code objects_audited} (Swift's passes), {@code bytes_audited}, {@code quarantined}, {@code
 * errors}, {@code files_per_second} (measured over the pass, rounded down).
 *
 * <p>Not re-entrant: the scheduler runs one pass at a time, on its own thread, which blocks on the disk
 * and on the rate limiters (the auditor does not use the servers' device executors).
 */
public final class ObjectAuditor implements Daemon {
    /** Counter names of the pass report. */
    public static final String OBJECTS_AUDITED = "objects_audited";

    public static final String BYTES_AUDITED = "bytes_audited";
    public static final String QUARANTINED = "quarantined";
    public static final String ERRORS = "errors";
    public static final String FILES_PER_SECOND = "files_per_second";
    public static final String TOMBSTONES_INVALIDATED = "tombstones_invalidated";
    private static final System.Logger LOG = System.getLogger(ObjectAuditor.class.getName());
    private static final Pattern OBJECTS_DIR = Pattern.compile("objects(-[0-9]{1,9})?");
    private static final Pattern PARTITION = Pattern.compile("[0-9]{1,9}");
    private static final int CHUNK = 64 * 1024;

    /** Which kind of pass; Swift's {@code auditor_type}. */
    public enum Mode {
        /** Open-time checks only (metadata, name, size), {@code zero_byte_files_per_second}. */
        ZBF,
        /** Open-time checks plus the body's MD5 against the ETag, {@code files_per_second} and bytes/s. */
        ALL
    }

    private final Mode mode;
    private final ObjectAuditorConfig config;
    private final LocalDiskFileManager diskFiles;
    private final DeviceRoot devices;
    private final Clock clock;
    private final Sleeper sleeper;

    /**
     * @param diskFiles the node's object storage (opens by hash, quarantines, invalidates suffixes)
     * @param devices the devices root ({@code devices}, {@code mount_check}) whose devices are walked
     * @param clock the time of expiry and tombstone-age checks and of the rate limiters
     * @param sleeper how the rate limiters wait ({@link Sleeper#system()} outside tests)
     */
    public ObjectAuditor(
            Mode mode,
            ObjectAuditorConfig config,
            LocalDiskFileManager diskFiles,
            DeviceRoot devices,
            Clock clock,
            Sleeper sleeper) {
        this.mode = mode;
        this.config = config;
        this.diskFiles = diskFiles;
        this.devices = devices;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** {@code object-auditor} (ALL) or {@code object-auditor-zbf}. */
    @Override
    public String name() {
        return mode == Mode.ALL ? "object-auditor" : "object-auditor-zbf";
    }

    public Mode mode() {
        return mode;
    }

    @Override
    public PassReport runOnce() throws InterruptedException {
        Instant start = clock.instant();
        Pass pass = new Pass(new PassReport.Builder(name(), start));
        pass.report.zero(OBJECTS_AUDITED, BYTES_AUDITED, QUARANTINED, ERRORS);
        for (String device : listNames(devices.devicesDir(), pass)) {
            Path dev = devices.resolve(device);
            if (dev == null) {
                continue; // Swift: "Skipping: not mounted" at debug level; not an error of the pass
            }
            auditDevice(device, dev, pass);
        }
        Instant end = clock.instant();
        long millis = Math.max(1, Duration.between(start, end).toMillis());
        pass.report.set(FILES_PER_SECOND, pass.report.get(OBJECTS_AUDITED) * 1000 / millis);
        return pass.report.build(end);
    }

    /** One pass's state: its report, limiters and read buffer. */
    private final class Pass {
        final PassReport.Builder report;
        final RateLimiter files;
        final RateLimiter bytes;
        final ByteBuffer buffer = ByteBuffer.allocate(CHUNK);

        Pass(PassReport.Builder report) {
            this.report = report;
            double fps = mode == Mode.ALL ? config.filesPerSecond() : config.zeroByteFilesPerSecond();
            this.files = new RateLimiter(fps, clock, sleeper);
            this.bytes = new RateLimiter(config.bytesPerSecond(), clock, sleeper);
        }
    }

    private void auditDevice(String device, Path dev, Pass pass) throws InterruptedException {
        for (String objects : listNames(dev, pass)) {
            if (!OBJECTS_DIR.matcher(objects).matches()) {
                continue;
            }
            int policy = objects.equals(DiskLayout.OBJECTS)
                    ? 0
                    : Integer.parseInt(objects.substring(DiskLayout.OBJECTS.length() + 1));
            Path objectsDir = dev.resolve(objects);
            for (String part : listNames(objectsDir, pass)) {
                if (!PARTITION.matcher(part).matches()) {
                    continue; // auditor_status_*.json, .lock
                }
                Path partDir = objectsDir.resolve(part);
                for (String suffix : listNames(partDir, pass)) {
                    if (!DiskLayout.isValidSuffix(suffix)) {
                        continue; // hashes.pkl, hashes.invalid, .lock
                    }
                    Path suffixDir = partDir.resolve(suffix);
                    for (String hash : listNames(suffixDir, pass)) {
                        auditObject(new Location(device, Integer.parseInt(part), policy, suffix, hash), pass);
                        pass.files.waitFor(1);
                    }
                }
            }
        }
    }

    /** Where one object lives. */
    private record Location(String device, int partition, int policy, String suffix, String hash) {
        @Override
        public String toString() {
            return device + "/" + DiskLayout.policyDir(DiskLayout.OBJECTS, policy) + "/" + partition + "/" + suffix
                    + "/" + hash;
        }
    }

    /** Swift's {@code failsafe_object_audit} + {@code object_audit}: nothing thrown but interruption. */
    private void auditObject(Location at, Pass pass) throws InterruptedException {
        try {
            Timestamp now = Timestamp.now(clock);
            try (DiskFileReader reader =
                    diskFiles.openByHash(at.device(), at.partition(), at.policy(), at.hash(), now)) {
                if (mode == Mode.ALL && reader.contentLength() > 0) {
                    readAndVerify(reader, pass);
                }
            }
        } catch (DiskFileQuarantined e) {
            pass.report.add(QUARANTINED, 1);
            LOG.log(Level.ERROR, "ERROR Object " + at + " failed audit and was quarantined: " + e.getMessage());
        } catch (DiskFileExpired e) {
            // expired objects are the expirer's; not an audit failure
        } catch (DiskFileDeleted e) {
            reclaimableTombstone(at, e, pass);
        } catch (DiskFileNotExist e) {
            // the hash dir emptied or vanished meanwhile
        } catch (IOException | RuntimeException e) { // Swift's failsafe_object_audit: log, count, go on
            pass.report.add(ERRORS, 1).error("ERROR Trying to audit " + at + ": " + e);
            LOG.log(Level.ERROR, "ERROR Trying to audit " + at, e);
            return;
        }
        pass.report.add(OBJECTS_AUDITED, 1);
    }

    /** Reads the whole body at {@code bytes_per_second}, MD5s it and quarantines it when it does not match. */
    private void readAndVerify(DiskFileReader reader, Pass pass) throws IOException, InterruptedException {
        if (reader.dataMetadata().get(ObjectMetadata.ETAG) == null) {
            throw new IOException("no ETag in the .data metadata"); // Swift: KeyError 'ETag', an audit error
        }
        BodyVerifier verifier = new BodyVerifier(reader);
        ByteBuffer buf = pass.buffer;
        long position = 0;
        while (true) {
            buf.clear();
            int n = reader.read(buf, position);
            if (n < 0) {
                break;
            }
            position += n;
            buf.flip();
            verifier.update(buf);
            pass.report.add(BYTES_AUDITED, n);
            pass.bytes.waitFor(n);
        }
        verifier.verify();
    }

    /** Swift: an ALL pass invalidates the suffix of a tombstone older than reclaim_age so hashing reclaims it. */
    private void reclaimableTombstone(Location at, DiskFileDeleted deleted, Pass pass) {
        if (mode != Mode.ALL) {
            return;
        }
        long ageUnits = Timestamp.now(clock).raw() - deleted.timestamp().raw();
        if (ageUnits > config.reclaimAgeSeconds() * Timestamp.UNITS_PER_SECOND) {
            try {
                diskFiles.invalidateSuffixes(at.device(), at.partition(), at.policy(), List.of(at.suffix()));
                pass.report.add(TOMBSTONES_INVALIDATED, 1);
            } catch (IOException e) {
                pass.report.add(ERRORS, 1).error("ERROR invalidating the suffix of " + at + ": " + e);
            }
        }
    }

    /** Sorted entry names of a directory; an unreadable one counts an error, a vanished or plain file none. */
    private static List<String> listNames(Path dir, Pass pass) {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                names.add(p.getFileName().toString());
            }
        } catch (NoSuchFileException | NotDirectoryException e) {
            return List.of();
        } catch (IOException e) {
            pass.report.add(ERRORS, 1).error("ERROR listing " + dir + ": " + e);
            return List.of();
        }
        Collections.sort(names);
        return names;
    }
}
