package io.cairn.proxy.swift;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.path.Constraints;
import io.cairn.common.path.NameValidator;
import org.junit.jupiter.api.Test;

class SwiftPathTest {
    private final NameValidator validator = new NameValidator(Constraints.DEFAULTS);

    @Test
    void shouldSplitObjectPathWithSlashesWhenParsing() {
        SwiftPath p = java.util.Objects.requireNonNull(
                SwiftPath.parse("/v1/AUTH_test/c/a/b%20c?x=1", validator).path());
        assertThat(p).isNotNull();
        assertThat(p.account()).isEqualTo("AUTH_test");
        assertThat(p.container()).isEqualTo("c");
        assertThat(p.object()).isEqualTo("a/b c");
        assertThat(p.query()).isEqualTo("x=1");
        assertThat(p.backendPath()).isEqualTo("/AUTH_test/c/a/b%20c");
    }

    @Test
    void shouldAnswerSwiftErrorsWhenPathIsBad() {
        assertThat(java.util.Objects.requireNonNull(
                                SwiftPath.parse("/v2/a", validator).violation())
                        .status())
                .isEqualTo(400);
        assertThat(java.util.Objects.requireNonNull(
                                SwiftPath.parse("/v1", validator).violation())
                        .body())
                .isEqualTo("Bad URL");
        assertThat(java.util.Objects.requireNonNull(
                                SwiftPath.parse("/v1/a/c%00", validator).violation())
                        .body())
                .isEqualTo("Invalid UTF8 or contains NULL");
        assertThat(java.util.Objects.requireNonNull(
                                SwiftPath.parse("/v1/a/c%FF", validator).violation())
                        .status())
                .isEqualTo(412);
    }

    @Test
    void shouldTreatTrailingSlashAsContainerWhenNoObject() {
        SwiftPath p = java.util.Objects.requireNonNull(
                SwiftPath.parse("/v1.0/a/c/", validator).path());
        assertThat(p.container()).isEqualTo("c");
        assertThat(p.object()).isNull();
        SwiftPath a = java.util.Objects.requireNonNull(
                SwiftPath.parse("/v1/a/", validator).path());
        assertThat(a.container()).isNull();
    }

    @Test
    void shouldQuoteAsPythonWhenBuildingBackendPath() {
        assertThat(SwiftPath.quote("a b*~é/x+")).isEqualTo("a%20b%2A~%C3%A9/x%2B");
    }
}
