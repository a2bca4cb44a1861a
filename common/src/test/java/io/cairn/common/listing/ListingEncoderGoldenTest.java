package io.cairn.common.listing;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.testing.Python;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Encoders against Swift 2.30.1's own {@code listing_formats} and {@code json.dumps}, run by Debian's Python. */
class ListingEncoderGoldenTest {
    /** Entries: subdir when only a name is given. Names cover escaping, unicode, astral and control chars. */
    private static final String[] NAMES = {
        "a", "dir/", "x&<>\"'\n\t\r", "é/ü", "😀 smile", "\u0001ctl\u007f", "back\\slash", "\u2028line"
    };

    private static final String SCRIPT = String.join(
            "\n",
            "import sys, json, base64",
            "from swift.common.middleware.listing_formats import container_to_xml, account_to_xml, listing_to_text",
            "cases = json.loads(sys.stdin.read())",
            "out = []",
            "for case in cases:",
            "    objs = []; conts = []",
            "    for i, n in enumerate(case['names']):",
            "        if i % 3 == 1:",
            "            objs.append({'subdir': n}); conts.append({'subdir': n})",
            "        else:",
            "            objs.append({'bytes': i * 7, 'hash': 'h' + n, 'name': n, 'content_type': 'text/' + n,",
            "                         'last_modified': '2024-01-0%dT00:00:00.000000' % (i % 9 + 1)})",
            "            conts.append({'name': n, 'count': i, 'bytes': i * 1000, 'last_modified': 'lm' + n})",
            "    res = [json.dumps(objs).encode('ascii'), json.dumps(conts).encode('ascii'),",
            "           container_to_xml([dict(o) for o in objs], case['root']),",
            "           account_to_xml([dict(c) for c in conts], case['root']),",
            "           listing_to_text(objs)]",
            "    out.append([base64.b64encode(r).decode('ascii') for r in res])",
            "print(json.dumps(out))");

    @Test
    void shouldEncodeExactlyAsSwiftWhenListingsHaveEscapesUnicodeAndSubdirs() {
        List<List<String>> cases = new ArrayList<>();
        cases.add(List.of());
        cases.add(List.of("only"));
        cases.add(List.of("a", "b/"));
        cases.add(List.of(NAMES));
        String[] roots = {"c", "root&\"<é>\n", "😀", "plain"};
        StringBuilder input = new StringBuilder("[");
        for (int i = 0; i < cases.size(); i++) {
            if (i > 0) {
                input.append(',');
            }
            input.append("{\"root\": ").append(json(roots[i])).append(", \"names\": [");
            for (int j = 0; j < cases.get(i).size(); j++) {
                input.append(j > 0 ? "," : "").append(json(cases.get(i).get(j)));
            }
            input.append("]}");
        }
        input.append(']');
        String output = new String(
                Python.run(SCRIPT, input.toString().getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        String[] encoded = output.replaceAll("[\\[\\]\" \n]", "").split(",");
        assertThat(encoded).hasSize(cases.size() * 5);
        for (int i = 0; i < cases.size(); i++) {
            List<String> names = cases.get(i);
            String root = roots[i];
            assertThat(render(ListingEncoder.forContainer(ListingFormat.JSON, root), names, true))
                    .isEqualTo(encoded[i * 5]);
            assertThat(render(ListingEncoder.forAccount(ListingFormat.JSON, root), names, false))
                    .isEqualTo(encoded[i * 5 + 1]);
            assertThat(render(ListingEncoder.forContainer(ListingFormat.XML, root), names, true))
                    .isEqualTo(encoded[i * 5 + 2]);
            assertThat(render(ListingEncoder.forAccount(ListingFormat.XML, root), names, false))
                    .isEqualTo(encoded[i * 5 + 3]);
            assertThat(render(ListingEncoder.forContainer(ListingFormat.PLAIN, root), names, true))
                    .isEqualTo(encoded[i * 5 + 4]);
        }
    }

    @Test
    void shouldReportNoContentOnlyForEmptyPlainListings() {
        ListingEncoder plain = ListingEncoder.forContainer(ListingFormat.PLAIN, "c");
        assertThat(plain.isNoContent()).isTrue();
        ByteBuf buf = Unpooled.buffer();
        plain.subdir(buf, "a/");
        assertThat(plain.isNoContent()).isFalse();
        assertThat(ListingEncoder.forContainer(ListingFormat.JSON, "c").isNoContent())
                .isFalse();
        assertThat(ListingEncoder.forAccount(ListingFormat.XML, "a").isNoContent())
                .isFalse();
        buf.release();
    }

    private static String render(ListingEncoder encoder, List<String> names, boolean objects) {
        ByteBuf buf = Unpooled.buffer();
        try {
            encoder.begin(buf);
            for (int i = 0; i < names.size(); i++) {
                String n = names.get(i);
                if (i % 3 == 1) {
                    encoder.subdir(buf, n);
                } else if (objects) {
                    encoder.object(
                            buf, n, "h" + n, i * 7L, "text/" + n, "2024-01-0" + (i % 9 + 1) + "T00:00:00.000000");
                } else {
                    encoder.container(buf, n, i, i * 1000L, "lm" + n);
                }
            }
            encoder.end(buf);
            return Base64.getEncoder().encodeToString(ByteBufUtil.getBytes(buf));
        } finally {
            buf.release();
        }
    }

    private static String json(String s) {
        ByteBuf buf = Unpooled.buffer();
        try {
            JsonListingEncoder.string(buf, s);
            return buf.toString(StandardCharsets.US_ASCII);
        } finally {
            buf.release();
        }
    }
}
