package io.cairn.container.listing;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.codec.Json;
import io.cairn.common.listing.ListingEncoder;
import io.cairn.common.listing.ListingFormat;
import io.cairn.common.listing.ListingParams;
import io.cairn.common.testing.Python;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Listing semantics derived from the reference: Swift's own {@code ContainerBroker.list_objects_iter} and
 * {@code update_data_record} on a DB Swift wrote, compared entry for entry (as JSON) with {@link
 * ObjectListingQuery} over the same file, for every combination of prefix, delimiter, marker, end_marker,
 * reverse, limit and path — including delimiter with reverse, markers inside sub-directories, unicode
 * names and end_marker before marker.
 */
class ObjectListingQueryInteropTest {
    static final List<String> NAMES = List.of(
            "a",
            "a/",
            "a/b",
            "a/b/c",
            "a/b/d",
            "a/c",
            "a-b",
            "a0",
            "b",
            "b/x",
            "b/y/z",
            "c:d:e",
            "c:f",
            "dir/",
            "dir/sub/",
            "dir/sub/x",
            "dir/y",
            "é",
            "é/ü",
            "é/😀",
            "\uffff",
            "😀/x",
            "z",
            "\u0000hidden");

    static final String[] PREFIXES = {null, "", "a", "a/", "é", "dir/s"};
    static final String[] DELIMITERS = {null, "/", ":", "/b"};
    static final String[] MARKERS = {null, "a/", "a/b", "dir/sub/", "é/"};
    static final String[] END_MARKERS = {null, "b", "a/c", "\uffff"};
    static final int[] LIMITS = {10_000, 2};

    @Test
    void shouldListExactlyAsSwiftWhenParametersCombine(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("c.db");
        List<ListingParams> cases = new ArrayList<>();
        for (String prefix : PREFIXES) {
            for (String delimiter : DELIMITERS) {
                for (String marker : MARKERS) {
                    for (String endMarker : END_MARKERS) {
                        for (boolean reverse : new boolean[] {false, true}) {
                            for (int limit : LIMITS) {
                                cases.add(ListingParams.of(prefix, delimiter, marker, endMarker, null, reverse, limit));
                            }
                        }
                    }
                }
            }
        }
        for (String path : new String[] {"", "a", "a/", "dir", "dir/sub", "é//"}) {
            for (boolean reverse : new boolean[] {false, true}) {
                cases.add(ListingParams.of(null, null, null, null, path, reverse, 10_000));
                cases.add(ListingParams.of(null, null, "a/b", null, path, reverse, 1));
            }
        }
        List<String> expected = SwiftListings.run(db, NAMES, cases);
        assertThat(expected).hasSize(cases.size());
        assertThat(expected).anyMatch(e -> e.contains("\"subdir\": \"dir/sub/\""));
        assertThat(expected).anyMatch(e -> e.contains("\"bytes\": 60")); // swift_bytes override of row 20
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            ObjectListingQuery query = new ObjectListingQuery(c);
            for (int i = 0; i < cases.size(); i++) {
                assertThat(list(query, cases.get(i)))
                        .as("case %s", cases.get(i))
                        .isEqualTo(expected.get(i));
            }
        }
    }

    static String list(ObjectListingQuery query, ListingParams params) throws Exception {
        ByteBuf out = Unpooled.buffer();
        try {
            ListingRows rows = new ListingRows(
                    ListingEncoder.forContainer(ListingFormat.JSON, "c"),
                    Unpooled::buffer,
                    chunk -> {
                        out.writeBytes(chunk);
                        chunk.release();
                    },
                    64);
            query.run(params, 0, false, rows);
            rows.finish();
            return new String(ByteBufUtil.getBytes(out), StandardCharsets.US_ASCII);
        } finally {
            out.release();
        }
    }

    /** Drives Swift 2.30.1's broker through /usr/bin/python3. */
    static final class SwiftListings {
        private static final String SCRIPT = String.join(
                "\n",
                "import sys, json",
                "from swift.container.backend import ContainerBroker",
                "from swift.container.server import ContainerController",
                "from swift.common.utils import Timestamp, encode_timestamps",
                "from swift.common import utils",
                "req = json.loads(sys.stdin.read())",
                "b = ContainerBroker(req['db'], account='a', container='c')",
                "b.initialize(Timestamp(1).internal, 0)",
                "items = []",
                "for i, n in enumerate(req['names']):",
                "    ts = encode_timestamps(Timestamp(1000 + i), Timestamp(1000 + i), Timestamp(2000 + i, offset=i))",
                "    ct = 'text/plain;swift_bytes=%d; charset=utf-8' % (i * 3) if i % 4 == 0 else 'application/x-%d' % i",
                "    items.append({'name': n, 'created_at': ts, 'size': i, 'content_type': ct, 'etag': 'e%d' % i,",
                "                  'deleted': 0, 'storage_policy_index': 0})",
                "items.append({'name': 'gone', 'created_at': Timestamp(5).internal, 'size': 0,",
                "              'content_type': 'application/deleted', 'etag': 'noetag', 'deleted': 1,",
                "              'storage_policy_index': 0})",
                "b.merge_items(items)",
                "ctl = ContainerController({'devices': '/nonexistent', 'mount_check': 'false'})",
                "out = []",
                "for c in req['cases']:",
                "    rows = b.list_objects_iter(c['limit'], c['marker'], c['end_marker'], c['prefix'],",
                "                               c['delimiter'], c['path'], reverse=c['reverse'])",
                "    out.append(json.dumps([ctl.update_data_record(r) for r in rows]))",
                "print(json.dumps(out))");

        static List<String> run(Path db, List<String> names, List<ListingParams> cases) {
            StringBuilder in = new StringBuilder("{\"db\": ").append(Json.write(db.toString()));
            in.append(", \"names\": [");
            for (int i = 0; i < names.size(); i++) {
                in.append(i > 0 ? "," : "").append(Json.write(names.get(i)));
            }
            in.append("], \"cases\": [");
            for (int i = 0; i < cases.size(); i++) {
                ListingParams p = cases.get(i);
                in.append(i > 0 ? "," : "")
                        .append("{\"prefix\": ")
                        .append(Json.write(p.prefix()))
                        .append(", \"delimiter\": ")
                        .append(Json.write(p.delimiter()))
                        .append(", \"marker\": ")
                        .append(Json.write(p.marker() == null ? "" : p.marker()))
                        .append(", \"end_marker\": ")
                        .append(Json.write(p.endMarker()))
                        .append(", \"path\": ")
                        .append(Json.write(p.path()))
                        .append(", \"reverse\": ")
                        .append(p.reverse())
                        .append(", \"limit\": ")
                        .append(p.limit())
                        .append('}');
            }
            in.append("]}");
            String out = new String(
                    Python.run(SCRIPT, in.toString().getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
            try {
                @SuppressWarnings("unchecked")
                List<String> results = (List<String>) Json.parse(out.strip());
                return Objects.requireNonNull(results);
            } catch (Json.JsonException e) {
                throw new AssertionError("python printed no JSON array: " + out, e);
            }
        }
    }
}
