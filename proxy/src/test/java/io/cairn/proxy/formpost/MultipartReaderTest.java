package io.cairn.proxy.formpost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The reader against Swift 2.30.1's own {@code iter_multipart_mime_documents} + {@code parse_mime_headers}: each
 * expected split was printed by Debian's /usr/bin/python3 running those functions over the same bytes (boundary
 * {@code B}, read_chunk_size 4096, each part's headers then its whole body), and every body is fed here in pieces of
 * 1, 2, 3, 5, 7, 64 bytes and whole, so delimiters and line breaks fall across every piece boundary.
 */
class MultipartReaderTest {
    private static final ByteBufAllocator ALLOC = new UnpooledByteBufAllocator(false, true);
    private static final int[] PIECES = {1, 2, 3, 5, 7, 64, Integer.MAX_VALUE};

    /** One part as read: its headers (sorted, Swift's title-case-insensitive lookup reduced to lower case) and body. */
    private record Part(Map<String, String> headers, String body, boolean delimited) {}

    private static String s(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /** Feeds {@code body} in pieces of {@code piece} bytes and collects the parts. */
    private static List<Part> read(String body, int piece) throws MultipartReader.InvalidFormException {
        byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        List<Part> parts = new ArrayList<>();
        try (MultipartReader r = new MultipartReader("B".getBytes(StandardCharsets.UTF_8), ALLOC)) {
            int fed = 0;
            Map<String, String> headers = Map.of();
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            while (true) {
                MultipartReader.Kind k = r.next();
                if (k == MultipartReader.Kind.NEED_INPUT) {
                    assertThat(fed).as("needs input only while some is left").isLessThan(bytes.length + 1);
                    int n = Math.min(piece, bytes.length - fed);
                    r.feed(ALLOC.buffer(Math.max(n, 1)).writeBytes(bytes, fed, n));
                    fed += n;
                    if (fed == bytes.length) {
                        r.endOfInput();
                    }
                } else if (k == MultipartReader.Kind.PART) {
                    headers = new TreeMap<>();
                    MimeHeaders h = MimeHeaders.parse(r.headerLines());
                    for (String name : List.of("x", "y", "z", "content-disposition", "content-type")) {
                        if (h.contains(name)) {
                            headers.put(name, h.get(name));
                        }
                    }
                    data.reset();
                } else if (k == MultipartReader.Kind.DATA) {
                    ByteBuf d = r.takeData();
                    byte[] b = new byte[d.readableBytes()];
                    d.readBytes(b);
                    d.release();
                    data.write(b, 0, b.length);
                } else if (k == MultipartReader.Kind.PART_END) {
                    parts.add(new Part(headers, s(data.toByteArray()), r.endedByDelimiter()));
                } else {
                    return parts;
                }
            }
        }
    }

    private static void assertSwiftSplit(String body, List<Part> expected) throws Exception {
        for (int piece : PIECES) {
            assertThat(read(body, piece)).as("in pieces of %d", piece).isEqualTo(expected);
        }
    }

    private static Part part(Map<String, String> headers, String body) {
        return new Part(headers, body, true);
    }

    @Test
    void shouldSplitAStandardFormAsSwiftDoes() throws Exception {
        assertSwiftSplit(
                "--B\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue a\r\n--B\r\n"
                        + "Content-Disposition: form-data; name=\"f\"; filename=\"x.txt\"\r\nContent-Type: text/plain"
                        + "\r\n\r\nline1\r\nline2\r\n\r\n--B--\r\n",
                List.of(
                        part(Map.of("content-disposition", "form-data; name=\"a\""), "value a"),
                        part(
                                Map.of(
                                        "content-disposition", "form-data; name=\"f\"; filename=\"x.txt\"",
                                        "content-type", "text/plain"),
                                "line1\r\nline2\r\n")));
    }

    @Test
    void shouldSkipBlankLinesBeforeTheFirstBoundary() throws Exception {
        assertSwiftSplit("\r\n\r\n--B\r\nX: 1\r\n\r\nbody\r\n--B--", List.of(part(Map.of("x", "1"), "body")));
    }

    @Test
    void shouldTakeAFirstLineWithTrailingBlanksUpToItsLimitAsSwiftsReadlineDoes() throws Exception {
        // readline(len("--B") + 2) takes "--B  "; its "\r\n" then reads as the first part's end of headers
        assertSwiftSplit("--B  \r\nX: 1\r\n\r\nbody\r\n--B--\r\n", List.of(part(Map.of(), "X: 1\r\n\r\nbody")));
    }

    @Test
    void shouldEndAPartWhoseHeadersRunIntoTheDelimiter() throws Exception {
        assertSwiftSplit(
                "--B\r\nX: 1\r\nY: 2\r\n--B\r\nZ: 3\r\n\r\nz\r\n--B--\r\n",
                List.of(part(Map.of("x", "1", "y", "2"), ""), part(Map.of("z", "3"), "z")));
    }

    @Test
    void shouldSplitAtTheDelimiterEvenWhenMoreFollowsItAndSkipTwoBytes() throws Exception {
        assertSwiftSplit(
                "--B\r\nX: 1\r\n\r\nab\r\n--Bxyz\r\n--B--\r\n",
                List.of(part(Map.of("x", "1"), "ab"), part(Map.of(), "")));
    }

    @Test
    void shouldKeepWhatOnlyLooksLikeADelimiterInTheBody() throws Exception {
        assertSwiftSplit(
                "--B\r\nX: 1\r\n\r\nab\r\n-B\r\n--\r\n\r\n--B--\r\n",
                List.of(part(Map.of("x", "1"), "ab\r\n-B\r\n--\r\n")));
    }

    @Test
    void shouldEndATruncatedBodyQuietlyAndSayItWasNotDelimited() throws Exception {
        assertSwiftSplit("--B\r\nX: 1\r\n\r\ncut sho", List.of(new Part(Map.of("x", "1"), "cut sho", false)));
        assertSwiftSplit("--B\r\nX: 1\r\nY: tw", List.of(new Part(Map.of("x", "1", "y", "tw"), "", false)));
    }

    @Test
    void shouldIgnoreTheEpilogue() throws Exception {
        assertSwiftSplit(
                "--B\r\nX: 1\r\n\r\nbody\r\n--B--\r\nepilogue\r\n--B\r\nX: 2\r\n\r\nnot a part\r\n",
                List.of(part(Map.of("x", "1"), "body")));
    }

    @Test
    void shouldReadHeadersAsPythonsEmailParserDoes() throws Exception {
        // folded line kept with its break, first of a repeated header wins, a line that is no header ends them
        assertSwiftSplit(
                "--B\r\nX: 1\r\n  folded\r\nX: 2\r\nbad line\r\nY: 3\r\n\r\nb\r\n--B--",
                List.of(part(Map.of("x", "1\r\n  folded"), "b")));
    }

    @Test
    void shouldReadBareLineFeedsAsSwiftDoes() throws Exception {
        // no \r\n anywhere: the rest of the body is one "line", which the email parser splits at its \n
        assertSwiftSplit("--B\nX: 1\n\nbody\n--B--\n", List.of(new Part(Map.of("x", "1"), "", false)));
    }

    @Test
    void shouldDecodeHeaderLinesAsUtf8ElseLatin1() throws Exception {
        String latin1 =
                "--B\r\nContent-Disposition: form-data; name=\"f\"; filename=\"\u00e9t\u00e9.txt\"\r\n\r\nb\r\n--B--";
        String utf8 =
                s("--B\r\nContent-Disposition: form-data; name=\"f\"; filename=\"\u00e9t\u00e9.txt\"\r\n\r\nb\r\n--B--"
                        .getBytes(StandardCharsets.UTF_8));
        List<Part> expected = List.of(
                part(Map.of("content-disposition", "form-data; name=\"f\"; filename=\"\u00e9t\u00e9.txt\""), "b"));
        assertSwiftSplit(latin1, expected);
        assertSwiftSplit(utf8, expected);
    }

    @Test
    void shouldRefuseABadFirstBoundaryAsSwiftsMimeInvalid() {
        for (String body : List.of("--C\r\n", "--B-and-more\r\n", "", "preamble\r\n--B\r\n")) {
            for (int piece : PIECES) {
                assertThatThrownBy(() -> read(body, piece))
                        .as("%s in pieces of %d", body, piece)
                        .isInstanceOf(MultipartReader.InvalidFormException.class)
                        .hasMessage("invalid starting boundary");
            }
        }
    }

    @Test
    void shouldStreamALargeFileInBoundedPiecesWithoutHoldingItWhole() throws Exception {
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 300_000; i++) {
            big.append((char) ('a' + i % 26));
            if (i % 1000 == 999) {
                big.append("\r\n--"); // a delimiter's beginning, over and over
            }
        }
        String body = "--B\r\nX: 1\r\n\r\n" + big + "\r\n--B--\r\n";
        byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        try (MultipartReader r = new MultipartReader("B".getBytes(StandardCharsets.UTF_8), ALLOC)) {
            int fed = 0;
            long got = 0;
            int maxBuffered = 0;
            while (true) {
                MultipartReader.Kind k = r.next();
                if (k == MultipartReader.Kind.NEED_INPUT) {
                    int n = Math.min(8192, bytes.length - fed);
                    r.feed(ALLOC.buffer(n).writeBytes(bytes, fed, n));
                    fed += n;
                    if (fed == bytes.length) {
                        r.endOfInput();
                    }
                } else if (k == MultipartReader.Kind.DATA) {
                    ByteBuf d = r.takeData();
                    assertThat(d.readableBytes()).isLessThanOrEqualTo(MultipartReader.MAX_DATA_BYTES);
                    got += d.readableBytes();
                    d.release();
                    maxBuffered = Math.max(maxBuffered, (int) (fed - got));
                } else if (k == MultipartReader.Kind.END) {
                    break;
                }
            }
            assertThat(got).isEqualTo(big.length());
            // what is fed is read back at once: never more than a piece and the headers are held
            assertThat(maxBuffered).isLessThan(8192 + 64);
        }
    }

    @Test
    void shouldRefuseAnEndlessHeaderBlock() {
        String body = "--B\r\nX: " + "x".repeat(MultipartReader.MAX_HEADER_BYTES * 2);
        assertThatThrownBy(() -> read(body, 4096)).isInstanceOf(MultipartReader.InvalidFormException.class);
    }
}
