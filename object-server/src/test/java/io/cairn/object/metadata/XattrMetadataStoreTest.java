package io.cairn.object.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XattrMetadataStoreTest {
    @TempDir
    Path dir;

    @Test
    void shouldReadBackWhatItWroteWhenTheMetadataIsOneChunk() throws IOException {
        Path file = Files.createFile(dir.resolve("a.data"));
        ObjectMetadata metadata = metadata(20);

        XattrMetadataStore.write(file, metadata);

        assertThat(XattrMetadataStore.read(file).asMap()).isEqualTo(metadata.asMap());
        assertThat(XattrMetadataStore.names(file))
                .containsExactlyInAnyOrder(XattrMetadataStore.KEY, XattrMetadataStore.CHECKSUM_KEY);
    }

    @Test
    void shouldJoinChunksInOrderWhenAnOlderSwiftSplitTheMetadataInto254ByteChunks() throws IOException {
        Path file = Files.createFile(dir.resolve("b.data"));
        ObjectMetadata metadata = metadata(40);
        byte[] pickle = MetadataCodec.encode(metadata);
        assertThat(pickle.length).isGreaterThan(2 * 254);
        UserDefinedFileAttributeView view = Files.getFileAttributeView(file, UserDefinedFileAttributeView.class);
        for (int off = 0, key = 0; off < pickle.length; off += 254, key++) {
            byte[] chunk = Arrays.copyOfRange(pickle, off, Math.min(pickle.length, off + 254));
            view.write(XattrMetadataStore.chunkName(key), ByteBuffer.wrap(chunk));
        }

        assertThat(XattrMetadataStore.readPickle(file)).isEqualTo(pickle);
        assertThat(XattrMetadataStore.read(file).asMap()).isEqualTo(metadata.asMap());
    }

    @Test
    void shouldRefuseMetadataWhenTheChecksumDoesNotMatch() throws IOException {
        Path file = Files.createFile(dir.resolve("c.data"));
        XattrMetadataStore.write(file, metadata(3));
        Files.getFileAttributeView(file, UserDefinedFileAttributeView.class)
                .write(
                        XattrMetadataStore.CHECKSUM_KEY,
                        ByteBuffer.wrap("0".repeat(32).getBytes(StandardCharsets.US_ASCII)));

        assertThatThrownBy(() -> XattrMetadataStore.read(file))
                .isInstanceOf(MetadataFormatException.class)
                .hasMessageContaining("checksum mismatch");
    }

    private static ObjectMetadata metadata(int userKeys) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(ObjectMetadata.X_TIMESTAMP, "1700000000.00000");
        m.put(ObjectMetadata.CONTENT_TYPE, "application/octet-stream");
        m.put(ObjectMetadata.CONTENT_LENGTH, "4096");
        m.put(ObjectMetadata.ETAG, "d41d8cd98f00b204e9800998ecf8427e");
        for (int i = 0; i < userKeys; i++) {
            m.put("X-Object-Meta-Key" + i, "value-" + i);
        }
        return ObjectMetadata.of(m);
    }
}
