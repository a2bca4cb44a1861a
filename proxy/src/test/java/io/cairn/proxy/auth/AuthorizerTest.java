package io.cairn.proxy.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.config.IniFile;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Readable cases of each decision step; the golden test covers the combinations against Swift. */
class AuthorizerTest {
    static final Authorizer AUTHORIZER = new Authorizer(TempAuthConfig.from(
            IniFile.parse("[filter:tempauth]\nreseller_prefix = AUTH, SERVICE\nSERVICE_require_group = service\n", "t")
                    .section("filter:tempauth")));

    static final Identity TESTER = identity("test", "tester", "AUTH_test", "SERVICE_test");
    static final Identity TESTER3 = identity("test", "tester3");
    static final Identity RESELLER = identity("admin", "admin", ".reseller_admin", "AUTH_admin");
    static final Identity GLANCE = identity("glance", "glance", "service");

    static Identity identity(String account, String user, String... groups) {
        List<String> all = new java.util.ArrayList<>(List.of(account, account + ":" + user));
        all.addAll(List.of(groups));
        return new Identity(account, user, all, Long.MAX_VALUE);
    }

    static AuthDecision decide(String method, String path, @Nullable Identity user) {
        return decide(AuthRequestPath.of(method, path).identity(user, null).build());
    }

    static AuthDecision decide(AuthRequest request) {
        return AUTHORIZER.authorize(request);
    }

    /** Builds a request from {@code /account[/container[/object]]}. */
    static final class AuthRequestPath {
        static AuthRequest.Builder of(String method, String path) {
            String[] parts = path.substring(1).split("/", 3);
            return AuthRequest.builder(method, parts[0])
                    .container(parts.length > 1 ? parts[1] : null)
                    .object(parts.length > 2 ? parts[2] : null);
        }
    }

    @Test
    void shouldAnswer401WhenAnonymousAnd403WhenAuthenticated() {
        assertThat(decide("GET", "/AUTH_test/c", null)).isEqualTo(AuthDecision.UNAUTHORIZED);
        assertThat(decide("GET", "/AUTH_test/c", TESTER3)).isEqualTo(AuthDecision.FORBIDDEN);
        assertThat(decide("GET", "/other/c", TESTER).outcome().status()).isEqualTo(403);
    }

    @Test
    void shouldMakeAdminOwnerWhenAccountIsItsOwnExceptAccountPutAndDelete() {
        assertThat(decide("POST", "/AUTH_test", TESTER)).isEqualTo(AuthDecision.ALLOW_OWNER);
        assertThat(decide("PUT", "/AUTH_test/c", TESTER)).isEqualTo(AuthDecision.ALLOW_OWNER);
        assertThat(decide("DELETE", "/AUTH_test", TESTER)).isEqualTo(AuthDecision.FORBIDDEN);
        assertThat(decide("PUT", "/AUTH_test", TESTER)).isEqualTo(AuthDecision.FORBIDDEN);
    }

    @Test
    void shouldRequireServiceTokenWhenPrefixHasRequireGroup() {
        AuthRequest alone = AuthRequestPath.of("GET", "/SERVICE_test/c")
                .identity(TESTER, null)
                .build();
        AuthRequest both = AuthRequestPath.of("GET", "/SERVICE_test/c")
                .identity(TESTER, GLANCE)
                .build();

        assertThat(decide(alone)).isEqualTo(AuthDecision.FORBIDDEN);
        assertThat(decide(both)).isEqualTo(AuthDecision.ALLOW_OWNER);
    }

    @Test
    void shouldLetResellerAdminOwnAccountsWhenNotDottedOrBarePrefix() {
        assertThat(decide("DELETE", "/AUTH_test", RESELLER)).isEqualTo(AuthDecision.ALLOW_OWNER);
        assertThat(decide("GET", "/AUTH_.misplaced", RESELLER)).isEqualTo(AuthDecision.FORBIDDEN);
        assertThat(decide("GET", "/AUTH_", RESELLER)).isEqualTo(AuthDecision.FORBIDDEN);
    }

    @Test
    void shouldAllowReferrerOnlyForObjectsUnlessListingsAreAllowed() {
        AuthRequest object = AuthRequestPath.of("GET", "/AUTH_test/c/o")
                .referer("http://www.example.com/page")
                .containerAcls(".r:.example.com", null)
                .build();
        AuthRequest listing = AuthRequestPath.of("GET", "/AUTH_test/c")
                .referer("http://www.example.com/page")
                .containerAcls(".r:.example.com", null)
                .build();
        AuthRequest listingAllowed = AuthRequestPath.of("GET", "/AUTH_test/c")
                .containerAcls(".r:*,.rlistings", null)
                .build();

        assertThat(decide(object)).isEqualTo(AuthDecision.ALLOW);
        assertThat(decide(listing)).isEqualTo(AuthDecision.UNAUTHORIZED);
        assertThat(decide(listingAllowed)).isEqualTo(AuthDecision.ALLOW);
    }

    @Test
    void shouldUseWriteAclForObjectWritesAndNoAclForContainerWrites() {
        AuthRequest put = AuthRequestPath.of("PUT", "/AUTH_test/c/o")
                .identity(TESTER3, null)
                .containerAcls(null, "test:tester3")
                .build();
        AuthRequest containerPost = AuthRequestPath.of("POST", "/AUTH_test/c")
                .identity(TESTER3, null)
                .containerAcls("test:tester3", "test:tester3")
                .build();
        AuthRequest getWithWriteOnly = AuthRequestPath.of("GET", "/AUTH_test/c/o")
                .identity(TESTER3, null)
                .containerAcls(null, "test:tester3")
                .build();

        assertThat(decide(put)).isEqualTo(AuthDecision.ALLOW);
        assertThat(decide(containerPost)).isEqualTo(AuthDecision.FORBIDDEN);
        assertThat(decide(getWithWriteOnly)).isEqualTo(AuthDecision.FORBIDDEN);
    }

    @Test
    void shouldGrantByAccountAclLevelWhenStoredAclListsUser() {
        String acl = "{\"admin\":[\"joe\"],\"read-write\":[\"test:tester3\"],\"read-only\":[\"test\"]}";
        Identity joe = identity("joe", "joe");
        Identity tester4 = identity("test", "tester4");

        assertThat(decide(AuthRequestPath.of("POST", "/AUTH_x")
                        .identity(joe, null)
                        .storedAccountAcl(acl)
                        .build()))
                .isEqualTo(AuthDecision.ALLOW_OWNER);
        assertThat(decide(AuthRequestPath.of("PUT", "/AUTH_x/c")
                        .identity(TESTER3, null)
                        .storedAccountAcl(acl)
                        .build()))
                .isEqualTo(AuthDecision.ALLOW);
        assertThat(decide(AuthRequestPath.of("POST", "/AUTH_x")
                        .identity(TESTER3, null)
                        .storedAccountAcl(acl)
                        .build()))
                .isEqualTo(AuthDecision.FORBIDDEN);
        assertThat(decide(AuthRequestPath.of("HEAD", "/AUTH_x/c")
                        .identity(tester4, null)
                        .storedAccountAcl(acl)
                        .build()))
                .isEqualTo(AuthDecision.ALLOW);
        assertThat(decide(AuthRequestPath.of("PUT", "/AUTH_x/c/o")
                        .identity(tester4, null)
                        .storedAccountAcl(acl)
                        .build()))
                .isEqualTo(AuthDecision.FORBIDDEN);
    }

    @Test
    void shouldAnswer400WithSwiftBodyWhenRequestCarriesInvalidAccountAcl() {
        AuthDecision decision = decide(AuthRequestPath.of("POST", "/AUTH_test")
                .identity(TESTER, null)
                .requestAccountAcl("{\"owners\":[]}")
                .build());

        assertThat(decision.outcome()).isEqualTo(AuthDecision.Outcome.BAD_REQUEST);
        assertThat(decision.body())
                .isEqualTo(
                        "X-Account-Access-Control invalid: Key \"owners\" not recognized\n\nInput: {\"owners\":[]}\n");
    }

    @Test
    void shouldAllowOptionsWhenNothingElseDoes() {
        assertThat(decide("OPTIONS", "/AUTH_test/c/o", null)).isEqualTo(AuthDecision.ALLOW);
        assertThat(decide("OPTIONS", "/other/c/o", null)).isEqualTo(AuthDecision.UNAUTHORIZED);
    }

    @Test
    void shouldTreatEmptyNamesAsAbsentWhenBuildingRequest() {
        AuthRequest request =
                AuthRequest.builder("GET", "AUTH_test").container("").object("").build();

        assertThat(request.container()).isNull();
        assertThat(request.object()).isNull();
    }
}
