package io.cairn.proxy.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Readable examples from acl.py's docstrings; the golden test compares many more with Swift. */
class AclParserTest {
    @Test
    void shouldCleanMessyAclsAsDocumentedWhenValid() {
        assertThat(AclParser.cleanContainerAcl("X-Container-Read", "bob , sue,,"))
                .isEqualTo("bob,sue");
        assertThat(AclParser.cleanContainerAcl("X-Container-Read", ".referrer : *"))
                .isEqualTo(".r:*");
        assertThat(AclParser.cleanContainerAcl("X-Container-Read", ".ref:*.example.com"))
                .isEqualTo(".r:.example.com");
    }

    @Test
    void shouldRefuseWithSwiftMessageWhenAclIsInvalid() {
        assertThatThrownBy(() -> AclParser.cleanContainerAcl("X-Container-Write", ".r:*"))
                .isInstanceOf(InvalidAclException.class)
                .hasMessage("Referrers not allowed in write ACL: '.r:*'");
        assertThatThrownBy(() -> AclParser.cleanContainerAcl("X-Container-Read", ".r:-"))
                .hasMessage("No host/domain value after referrer designation in ACL: '.r:-'");
        assertThatThrownBy(() -> AclParser.cleanContainerAcl("X-Container-Read", ".x:y"))
                .hasMessage("Unknown designator '.x' in ACL: '.x:y'");
    }

    @Test
    void shouldLetLastMatchingReferrerWinWhenDesignationsOverlap() {
        ContainerAcl acl = ContainerAcl.parse(".r:.example.com,.r:-thief.example.com");

        assertThat(acl.referrerAllowed("http://www.example.com/")).isTrue();
        assertThat(acl.referrerAllowed("http://thief.example.com/")).isFalse();
        assertThat(acl.referrerAllowed(null)).isFalse();
        assertThat(ContainerAcl.parse(".r:*").referrerAllowed(null)).isTrue();
    }

    @Test
    void shouldReadStoredAccountAclWhenAnyListIsNonEmpty() {
        assertThat(AccountAcl.fromStored("{\"read-only\":[\"a\"]}"))
                .isEqualTo(new AccountAcl(List.of(), List.of(), List.of("a")));
        assertThat(AccountAcl.fromStored("{\"admin\":[]}")).isNull();
        assertThat(AccountAcl.fromStored("garbage")).isNull();
        assertThat(AccountAcl.fromStored(null)).isNull();
    }

    @Test
    void shouldFormatAccountAclCompactlyWithSortedKeysWhenReturned() {
        assertThat(AclParser.accountAclForResponse("{ \"read-only\": [\"b\"], \"admin\": [\"é\"] }"))
                .isEqualTo("{\"admin\":[\"\\u00e9\"],\"read-only\":[\"b\"]}");
        assertThat(AclParser.accountAclForResponse("{}")).isNull();
    }

    @Test
    void shouldReproducePythonReprWhenQuotingInMessages() {
        assertThat(PythonCompat.repr("a'b")).isEqualTo("\"a'b\"");
        assertThat(PythonCompat.repr("a'b\"")).isEqualTo("'a\\'b\"'");
        assertThat(PythonCompat.repr("t\té\u0001\u200b")).isEqualTo("'t\\té\\x01\\u200b'");
    }
}
