package io.cairn.object.metadata;

import io.cairn.common.codec.PickleException;
import io.cairn.common.codec.PickleReader;
import io.cairn.common.codec.PickleWriter;
import io.cairn.common.codec.PyBytes;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The pickle form of {@link ObjectMetadata}, as Swift 2.30.1's {@code write_metadata}/{@code read_metadata}
 * under Python 3 produce and accept it (reference §2.4):
 *
 * <pre>
 *   pickle.dumps({k.encode('utf8', 'surrogateescape'): v.encode('utf8', 'surrogateescape') ...}, protocol=2)
 * </pre>
 *
 * Every key and value is written as Python 3 writes bytes ({@code _codecs.encode(<latin-1 view>,
 * 'latin1')}). Reading accepts that, Python 2's {@code BINSTRING}s, and str values (left as they are, as
 * Swift's {@code _decode_metadata} does); bytes are decoded as UTF-8 with {@code surrogateescape}.
 *
 * <p>Thread-safety: stateless and thread-safe.
 */
public final class MetadataCodec {
    private MetadataCodec() {}

    /** The pickle bytes Swift would write for {@code metadata}. */
    public static byte[] encode(ObjectMetadata metadata) {
        Map<Object, Object> dict = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : metadata.asMap().entrySet()) {
            dict.put(PyBytes.utf8(e.getKey()), PyBytes.utf8(e.getValue()));
        }
        return PickleWriter.dumpProtocol2(dict);
    }

    /**
     * Loads metadata pickled by Swift (Python 2 or 3) or by {@link #encode}.
     *
     * @throws MetadataFormatException if the bytes are not a pickled dict of bytes/str (the object is then
     *     quarantined)
     */
    public static ObjectMetadata decode(byte[] pickle) throws MetadataFormatException {
        Object loaded;
        try {
            loaded = PickleReader.load(pickle);
        } catch (PickleException | RuntimeException e) {
            throw new MetadataFormatException("unreadable metadata pickle: " + e.getMessage(), e);
        }
        if (!(loaded instanceof Map<?, ?> dict)) {
            throw new MetadataFormatException("metadata pickle is not a dict but "
                    + (loaded == null ? "None" : loaded.getClass().getSimpleName()));
        }
        LinkedHashMap<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : dict.entrySet()) {
            out.put(text(e.getKey()), text(e.getValue()));
        }
        return ObjectMetadata.of(out);
    }

    private static String text(@Nullable Object item) throws MetadataFormatException {
        if (item instanceof PyBytes b) {
            return b.asUtf8();
        }
        if (item instanceof String s) {
            return s;
        }
        // Swift never stores other types; str() of them would not round-trip, so treat as corrupt
        throw new MetadataFormatException("metadata holds a non-string item: " + item);
    }
}
