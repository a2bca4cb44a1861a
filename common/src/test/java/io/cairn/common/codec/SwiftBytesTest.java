package io.cairn.common.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected values printed by Swift 2.30.1's own {@code extract_swift_bytes} and {@code clean_content_type}. */
class SwiftBytesTest {
    @Test
    void shouldExtractSwiftBytesKeepingEveryOtherParameterAsSwiftDoes() {
        // extract_swift_bytes('text/plain;swift_bytes=123;charset=utf-8') == ('text/plain;charset=utf-8', '123')
        assertThat(SwiftBytes.extract("text/plain;swift_bytes=123;charset=utf-8"))
                .isEqualTo(new SwiftBytes.Extracted("text/plain;charset=utf-8", "123"));
        // extract_swift_bytes('application/x; swift_bytes=7') == ('application/x', '7')
        assertThat(SwiftBytes.extract("application/x; swift_bytes=7"))
                .isEqualTo(new SwiftBytes.Extracted("application/x", "7"));
        assertThat(SwiftBytes.extract("text/plain")).isEqualTo(new SwiftBytes.Extracted("text/plain", null));
    }

    @Test
    void shouldCleanOnlyALastSwiftBytesParameterAsSwiftsProxyDoes() {
        // clean_content_type('a/b;swift_bytes=5') == 'a/b'; clean_content_type('a/b; swift_bytes=5') == 'a/b'
        assertThat(SwiftBytes.clean("a/b;swift_bytes=5")).isEqualTo("a/b");
        assertThat(SwiftBytes.clean("a/b; swift_bytes=5")).isEqualTo("a/b");
        // clean_content_type('a/b;swift_bytes=5;x=y') == 'a/b;swift_bytes=5;x=y'
        assertThat(SwiftBytes.clean("a/b;swift_bytes=5;x=y")).isEqualTo("a/b;swift_bytes=5;x=y");
        assertThat(SwiftBytes.clean("a/b;x=y;swift_bytes=5")).isEqualTo("a/b;x=y");
        assertThat(SwiftBytes.clean("a/b")).isEqualTo("a/b");
    }
}
