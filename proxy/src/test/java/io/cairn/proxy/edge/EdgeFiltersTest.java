package io.cairn.proxy.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.common.config.ConfigException;
import io.cairn.common.config.IniFile;
import io.cairn.common.path.HashPath;
import io.cairn.proxy.routing.TestRings;
import io.cairn.ring.Ring;
import io.netty.handler.codec.http.FullHttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * crossdomain, name_check and list_endpoints against what Swift 2.30.1's middlewares answer for the same settings
 * and paths (the expected texts were produced by running Swift's classes on the same input).
 */
class EdgeFiltersTest {
    private static io.cairn.common.config.ConfigSection section(String name, String settings) {
        return IniFile.parse("[filter:" + name + "]\n" + settings, "proxy-server.conf")
                .section("filter:" + name);
    }

    private static String body(FullHttpResponse r) {
        try {
            return r.content().toString(StandardCharsets.UTF_8);
        } finally {
            r.release();
        }
    }

    /** A path as the edge stage hands it over: unquoted, one char per byte. */
    private static String pathInfo(String quoted) {
        return EdgeHandler.pathInfo(quoted);
    }

    @Test
    void shouldServeSwiftsCrossDomainDocument() {
        List<String> warnings = new ArrayList<>();
        CrossDomain c = CrossDomain.from(section("crossdomain", "use = egg:swift#crossdomain\n"), warnings);
        assertThat(warnings).isEmpty();
        FullHttpResponse r = c.document();
        assertThat(r.status().code()).isEqualTo(200);
        assertThat(r.headers().get("Content-Type")).isEqualTo("application/xml");
        assertThat(r.headers().getInt("Content-Length")).isEqualTo(209);
        assertThat(body(r))
                .isEqualTo("<?xml version=\"1.0\"?>\n<!DOCTYPE cross-domain-policy SYSTEM "
                        + "\"http://www.adobe.com/xml/dtds/cross-domain-policy.dtd\" >\n<cross-domain-policy>\n"
                        + "<allow-access-from domain=\"*\" secure=\"false\" />\n</cross-domain-policy>");
        CrossDomain custom = CrossDomain.from(
                section("crossdomain", "cross_domain_policy = <allow-access-from domain=\"x.example.com\" />\n"),
                warnings);
        assertThat(body(custom.document())).contains("\n<allow-access-from domain=\"x.example.com\" />\n");
        Map<String, Object> info = new LinkedHashMap<>();
        c.registerInfo(info);
        assertThat(info).isEqualTo(Map.of("crossdomain", Map.of()));
    }

    @Test
    void shouldRefuseNamesAsSwiftsNameCheckDoes() {
        NameCheck n = NameCheck.from(section("name_check", ""), new ArrayList<>());
        assertThat(n.refusal(pathInfo("/v1/a/c/o%3C")))
                .isEqualTo("Object/Container/Account name contains forbidden chars from '\"`<>");
        assertThat(n.refusal("/v1/a/c/" + "x".repeat(300)))
                .isEqualTo("Object/Container/Account name longer than the allowed maximum 255");
        assertThat(n.refusal("/v1/a/c/./o"))
                .isEqualTo("Object/Container/Account name contains a forbidden substring from regular expression "
                        + "/\\./|/\\.\\./|/\\.$|/\\.\\.$");
        assertThat(n.refusal("/v1/a/c/..")).startsWith("Object/Container/Account name contains a forbidden substring");
        // the length counts bytes: a snowman is 3 of them (254 in all passes, 256 does not)
        assertThat(n.refusal(pathInfo("/v1/a/c/%E2%98%83" + "x".repeat(243)))).isNull();
        assertThat(n.refusal(pathInfo("/v1/a/c/%E2%98%83" + "x".repeat(245)))).contains("longer than");
        assertThat(n.refusal("/v1/a/c/o.txt")).isNull();
        NameCheck custom = NameCheck.from(
                section("name_check", "forbidden_chars = #\nmaximum_length = 10\nforbidden_regexp =\n"),
                new ArrayList<>());
        assertThat(custom.refusal("/v1/a/c/./o")).contains("longer than the allowed maximum 10");
        assertThat(custom.refusal("/v1/a/./")).isNull();
        assertThat(custom.refusal("/v1/a#")).isEqualTo("Object/Container/Account name contains forbidden chars from #");
        Map<String, Object> info = new LinkedHashMap<>();
        custom.registerInfo(info);
        assertThat(info)
                .isEqualTo(Map.of(
                        "name_check", Map.of("forbidden_chars", "#", "maximum_length", 10, "forbidden_regexp", "")));
        assertThatThrownBy(() -> NameCheck.from(section("name_check", "forbidden_regexp = ([\n"), new ArrayList<>()))
                .isInstanceOf(ConfigException.class);
    }

    @Test
    void shouldParseEndpointPathsAsSwift() {
        ListEndpoints le = ListEndpoints.from(section("list-endpoints", ""), new ArrayList<>());
        assertThat(le.parse("/endpoints/a")).isEqualTo(new ListEndpoints.Target(1.0, "a", null, null));
        assertThat(le.parse("/endpoints/v1/a/c")).isEqualTo(new ListEndpoints.Target(1.0, "a", "c", null));
        assertThat(le.parse("/endpoints/v2/a/c/o/x/y")).isEqualTo(new ListEndpoints.Target(2.0, "a", "c", "o/x/y"));
        assertThat(le.parse("/endpoints/v_3/a/c")).isEqualTo(new ListEndpoints.Target(1.0, "v_3", "a", "c"));
        assertThat(le.parse("/endpoints/a/")).isEqualTo(new ListEndpoints.Target(1.0, "a", "", null));
        assertThat(le.parse("/endpoints/v1.0/a")).isEqualTo(new ListEndpoints.Target(1.0, "a", null, null));
        assertThat(le.parse("/endpoints/2/a")).isEqualTo(new ListEndpoints.Target(2.0, "a", null, null));
        assertThat(le.parse("/endpoints/a/c%20%E2%98%83/o"))
                .isEqualTo(new ListEndpoints.Target(1.0, "a", "c \u2603", "o"));
        for (String bad : new String[] {"/endpoints/", "/endpoints/v2", "/endpoints/v2/", "/endpoints//a"}) {
            assertThatThrownBy(() -> le.parse(bad)).as(bad).hasMessage("No account specified");
        }
        assertThatThrownBy(() -> le.parse("/endpoints/v3/a")).hasMessage("Unsupported version 'v3'");
        assertThatThrownBy(() -> le.parse("/endpoints/vx%27y/a")).hasMessage("Unsupported version 'vx%27y'");
        assertThat(ListEndpoints.pythonRepr("it's")).isEqualTo("\"it's\"");
    }

    @Test
    void shouldListThePrimaryNodesInSwiftsFormat() {
        Ring ring = TestRings.ring(new int[] {6201, 6202, 6203, 6204}, "127.0.0.1");
        HashPath hash = HashPath.of("pre", "suf");
        // partitions 1, 2, 3: what Swift's get_part gives these names with prefix pre and suffix suf (part power 2)
        assertThat(body(ListEndpoints.respond(
                        new ListEndpoints.Target(1.0, "AUTH_test", null, null), ring, null, hash)))
                .isEqualTo("[\"http://127.0.0.1:6202/sdb2/1/AUTH_test\", \"http://127.0.0.1:6203/sdb3/1/AUTH_test\","
                        + " \"http://127.0.0.1:6204/sdb4/1/AUTH_test\"]");
        FullHttpResponse container =
                ListEndpoints.respond(new ListEndpoints.Target(1.0, "AUTH_test", "c \u2603", null), ring, null, hash);
        assertThat(container.headers().get("Content-Type")).isEqualTo("application/json");
        assertThat(body(container)).startsWith("[\"http://127.0.0.1:6203/sdb3/2/AUTH_test/c%20%E2%98%83\", ");
        assertThat(body(ListEndpoints.respond(
                        new ListEndpoints.Target(2.0, "AUTH_test", "c \u2603", "o/\u2603 x"), ring, 0, hash)))
                .isEqualTo("{\"endpoints\": [\"http://127.0.0.1:6204/sdb4/3/AUTH_test/c%20%E2%98%83/o/%E2%98%83%20x\","
                        + " \"http://127.0.0.1:6201/sdb1/3/AUTH_test/c%20%E2%98%83/o/%E2%98%83%20x\","
                        + " \"http://127.0.0.1:6202/sdb2/3/AUTH_test/c%20%E2%98%83/o/%E2%98%83%20x\"],"
                        + " \"headers\": {\"X-Backend-Storage-Policy-Index\": \"0\"}}");
        assertThat(body(ListEndpoints.respond(new ListEndpoints.Target(2.0, "a", null, null), ring, null, hash)))
                .endsWith("], \"headers\": {}}");
    }
}
