package io.cairn.proxy.s3api.op;

import io.netty.handler.codec.http.HttpHeaders;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.jspecify.annotations.Nullable;

/**
 * A bucket configuration document (CORS, lifecycle) kept in container sysmeta: its XML deflated, base64'd and
 * cut into at most {@link #PARTS} header values of at most {@link #PART_CHARS} characters, {@code <name>-0},
 * {@code <name>-1}, … (one header line stays well under the servers' {@code max_header_size} of 8192, and any
 * text, non-ASCII included, survives headers). A write sets every part, the unused ones empty, which a container
 * POST removes, so no part of an older, longer document is left behind.
 *
 * <p>Stateless.
 */
final class StoredDocument {
    /** Header values one document may take. */
    static final int PARTS = 16;

    /** Characters of one part. */
    static final int PART_CHARS = 4000;

    private StoredDocument() {}

    /**
     * Sets {@code name}'s parts in {@code h} to {@code xml} (null: removes the document).
     *
     * @return false when the document does not fit
     */
    static boolean put(String name, @Nullable String xml, HttpHeaders h) {
        String all = xml == null ? "" : Base64.getEncoder().encodeToString(deflate(xml));
        if (all.length() > PARTS * PART_CHARS) {
            return false;
        }
        for (int i = 0; i < PARTS; i++) {
            int from = Math.min(all.length(), i * PART_CHARS);
            int to = Math.min(all.length(), from + PART_CHARS);
            h.set(name + "-" + i, all.substring(from, to));
        }
        return true;
    }

    /** The document from a response's headers ({@code name} with its {@code X-Container-Sysmeta-} prefix). */
    static @Nullable String get(String name, HttpHeaders h) {
        return read(i -> h.get(name + "-" + i));
    }

    /**
     * The document from container info's sysmeta ({@code name} with its {@code X-Container-Sysmeta-} prefix; the
     * map's keys are lower-case, without it).
     */
    static @Nullable String get(String name, Map<String, String> sysmeta) {
        String key = name.toLowerCase(Locale.ROOT).substring("x-container-sysmeta-".length());
        return read(i -> sysmeta.get(key + "-" + i));
    }

    private static @Nullable String read(Function<Integer, @Nullable String> part) {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < PARTS; i++) {
            String p = part.apply(i);
            if (p == null || p.isEmpty()) {
                break;
            }
            all.append(p.strip());
        }
        if (all.length() == 0) {
            return null;
        }
        try {
            return inflate(Base64.getDecoder().decode(all.toString()));
        } catch (IllegalArgumentException | DataFormatException e) {
            return null;
        }
    }

    private static byte[] deflate(String xml) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            d.setInput(xml.getBytes(StandardCharsets.UTF_8));
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            while (!d.finished()) {
                int n = d.deflate(buf);
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }

    private static String inflate(byte[] data) throws DataFormatException {
        Inflater inf = new Inflater();
        try {
            inf.setInput(data);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    throw new DataFormatException("truncated");
                }
                out.write(buf, 0, n);
                if (out.size() > 1 << 20) {
                    throw new DataFormatException("too large");
                }
            }
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            inf.end();
        }
    }
}
