package io.cairn.common.path;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.testing.Python;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class NameValidatorTest {
    private static final List<MetadataTarget> TARGETS =
            List.of(MetadataTarget.ACCOUNT, MetadataTarget.CONTAINER, MetadataTarget.OBJECT);
    private final NameValidator validator = new NameValidator(Constraints.DEFAULTS);

    private static String body(@Nullable ConstraintViolation v) {
        assertThat(v).isNotNull();
        return java.util.Objects.requireNonNull(v).body();
    }

    @Test
    void shouldAnswer412WhenPathIsNotUtf8OrHasNulWithoutReservedNames() {
        assertThat(validator.checkPath("/v1/a/c/o", false)).isNull();
        assertThat(validator.checkPath("/v1/a/\0versions\0c", true)).isNull();
        assertThat(validator.checkPath("/v1/a/\0versions\0c", false))
                .isEqualTo(new ConstraintViolation(412, "Invalid UTF8 or contains NULL"));
        assertThat(validator.checkPath("/v1/a/\u00ff", true)).isNotNull();
        assertThat(validator.checkPath("/v1/a/\u00c3\u00a9", false))
                .as("é as wire bytes")
                .isNull();
    }

    @Test
    void shouldCountCodePointsAndDoubleLimitForAutoCreateAccountsWhenCheckingLengths() {
        String astral = "\uD83D\uDE00".repeat(256);
        assertThat(validator.checkAccountName(astral)).isNull();
        assertThat(validator.checkAccountName(astral + "x"))
                .isEqualTo(new ConstraintViolation(400, "Account name length of 257 longer than 256"));
        assertThat(validator.checkAccountName("." + "a".repeat(511))).isNull();
        assertThat(validator.checkContainerName("AUTH_a", "c".repeat(257)))
                .isEqualTo(new ConstraintViolation(400, "Container name length of 257 longer than 256"));
        assertThat(validator.checkContainerName(".shards_a", "c".repeat(512))).isNull();
        assertThat(body(validator.checkObjectName("o".repeat(1025))))
                .isEqualTo("Object name length of 1025 longer than 1024");
        assertThat(validator.checkObjectName("o".repeat(1024))).isNull();
    }

    @Test
    void shouldEnforceReservedNamespaceRulesWhenInternalNamesAreAllowed() {
        assertThat(validator.checkReservedNames("a", "\0versions\0c", "\0o\0v")).isNull();
        assertThat(body(validator.checkReservedNames("a\0", null, null)))
                .isEqualTo("Invalid reserved-namespace account");
        assertThat(body(validator.checkReservedNames("a", "c\0", null)))
                .isEqualTo("Invalid reserved-namespace container");
        assertThat(body(validator.checkReservedNames("a", "c", "o\0"))).isEqualTo("Invalid reserved-namespace object");
        assertThat(body(validator.checkReservedNames("a", "\0c", "o")))
                .isEqualTo("Invalid user-namespace object in reserved-namespace container");
        assertThat(body(validator.checkReservedNames("a", "c", "\0o")))
                .isEqualTo("Invalid reserved-namespace object in user-namespace container");
        assertThat(validator.checkReservedNames(".expiring_objects", "c", "\0o"))
                .isNull();
        assertThat(validator.checkReservedNames(NameValidator.MISPLACED_OBJECTS_ACCOUNT, "c", "o\0"))
                .isNull();
    }

    @Test
    void shouldRebuildHeaderNamesAsWsgiDoesWhenQuotingThem() {
        assertThat(NameValidator.wsgiHeaderName("x-object-meta-foo_bar1baz")).isEqualTo("X-Object-Meta-Foo-Bar1Baz");
        assertThat(NameValidator.wsgiHeaderName("X-OBJECT-META-ABC")).isEqualTo("X-Object-Meta-Abc");
    }

    /** 300 random header sets through Swift's check_metadata (via a WSGI environ) in one python run. */
    @Test
    void shouldMatchSwiftCheckMetadataWhenGivenRandomHeaders() {
        Random random = new Random(7);
        List<MetadataTarget> targets = new ArrayList<>();
        List<Map<String, String>> cases = new ArrayList<>();
        StringBuilder stdin = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            MetadataTarget target = TARGETS.get(i % 3);
            Map<String, String> headers = randomHeaders(random, target);
            targets.add(target);
            cases.add(headers);
            stdin.append(target.name().toLowerCase(Locale.ROOT));
            headers.forEach(
                    (k, v) -> stdin.append('\t').append(hex(k)).append('=').append(hex(v)));
            stdin.append('\n');
        }
        String script = """
                import sys, binascii
                from swift.common.swob import Request
                from swift.common.constraints import check_metadata
                def s(h):
                    return binascii.unhexlify(h).decode('latin-1')
                out = []
                for line in sys.stdin.read().split('\\n')[:-1]:
                    target, *pairs = line.split('\\t')
                    req = Request.blank('/v1/a/c/o', environ={'REQUEST_METHOD': 'POST'})
                    for p in pairs:
                        k, v = p.split('=')
                        req.environ['HTTP_' + s(k).upper().replace('-', '_')] = s(v)
                    resp = check_metadata(req, target)
                    out.append('OK' if resp is None else '%d %s' % (resp.status_int, binascii.hexlify(resp.body).decode()))
                print('\\n'.join(out))
                """;
        String[] swift = new String(
                        Python.run(script, stdin.toString().getBytes(StandardCharsets.US_ASCII)),
                        StandardCharsets.US_ASCII)
                .strip()
                .split("\n", -1);
        assertThat(swift).hasSize(cases.size());
        int refused = 0;
        for (int i = 0; i < cases.size(); i++) {
            @Nullable
            ConstraintViolation v = validator.checkMetadata(cases.get(i).entrySet(), targets.get(i));
            String cairn = v == null ? "OK" : v.status() + " " + HexFormat.of().formatHex(v.bodyBytes());
            assertThat(cairn)
                    .as("case %d %s: %s", i, targets.get(i), cases.get(i))
                    .isEqualTo(swift[i]);
            refused += v == null ? 0 : 1;
        }
        assertThat(refused).as("both accepted and refused cases are covered").isBetween(30, 270);
    }

    private static Map<String, String> randomHeaders(Random random, MetadataTarget target) {
        Map<String, String> byEnvironKey = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        int n = random.nextInt(10) == 0 ? 85 + random.nextInt(10) : random.nextInt(6);
        for (int k = 0; k < n; k++) {
            String name;
            String value;
            int kind = random.nextInt(20);
            if (kind == 0) {
                name = "X-Other-Header";
                value = "v".repeat(8180 + random.nextInt(20));
            } else {
                String prefix = kind == 1 ? "x-object-meta-" : kind == 2 ? "X-CONTAINER-META-" : target.prefix();
                name = prefix
                        + randomToken(random, kind == 3 ? 0 : 1 + random.nextInt(random.nextInt(8) == 0 ? 140 : 12));
                value = randomValue(random, random.nextInt(8) == 0 ? 250 + random.nextInt(20) : random.nextInt(40));
            }
            if (byEnvironKey.putIfAbsent(name.toUpperCase(Locale.ROOT).replace('-', '_'), name) == null) {
                headers.put(name, value);
            }
        }
        return headers;
    }

    private static String randomToken(Random random, int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static String randomValue(Random random, int length) {
        byte[] bytes = random.nextInt(6) == 0
                ? randomBytes(random, length)
                : "\u00e9\u2603x".repeat(length / 3 + 1).substring(0, length).getBytes(StandardCharsets.UTF_8);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (0x20 + random.nextInt(0xE0));
        }
        return b;
    }

    private static String hex(String wire) {
        return HexFormat.of().formatHex(wire.getBytes(StandardCharsets.ISO_8859_1));
    }
}
