package io.cairn.proxy.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.common.codec.Json;
import io.cairn.common.token.TokenClaims;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class RevocationListTest {
    private static final Instant EVENT = Instant.parse("2026-12-07T17:00:00.250Z");

    private static TokenClaims token(String user, @Nullable String project, Instant issued, String auditId) {
        TokenClaims.Scope scope = project == null
                ? null
                : new TokenClaims.Scope(TokenClaims.Kind.PROJECT, project, project + "-name", "default");
        return new TokenClaims(
                user,
                user + "-name",
                "default",
                scope,
                List.of("member"),
                List.of("password"),
                issued,
                issued.plusSeconds(3600),
                auditId);
    }

    private static final String BODY = "{\"events\": ["
            + "{\"audit_id\": \"revoked-one\", \"expires_at\": \"2026-12-07T18:00:00Z\"},"
            + "{\"user_id\": \"disabled\", \"issued_before\": \"2026-12-07T17:00:00.250Z\"},"
            + "{\"project_id\": \"closed\", \"issued_before\": \"2026-12-07T17:00:00.250Z\"},"
            + "{\"user_id\": \"demoted\", \"project_id\": \"p1\", \"issued_before\": \"2026-12-07T17:00:00.250Z\"},"
            + "{\"role_id\": \"ignored\", \"issued_before\": \"2026-12-07T17:00:00.250Z\"}]}";

    @Test
    void shouldRevokeATokenByItsAuditId() throws Exception {
        RevocationList.Revoked r = RevocationList.parse(BODY);
        assertThat(r.covers(token("u", "p", EVENT.plusSeconds(60), "revoked-one")))
                .isTrue();
        assertThat(r.covers(token("u", "p", EVENT.minusSeconds(60), "another"))).isFalse();
    }

    @Test
    void shouldRevokeEveryTokenOfAUserIssuedUntilTheEventOnAnyProject() throws Exception {
        RevocationList.Revoked r = RevocationList.parse(BODY);
        assertThat(r.covers(token("disabled", "p1", EVENT.minusSeconds(60), "a")))
                .isTrue();
        assertThat(r.covers(token("disabled", null, EVENT, "b"))).isTrue();
        // issued after the event (the user enabled again and logged in): valid
        assertThat(r.covers(token("disabled", "p1", EVENT.plusMillis(1), "c"))).isFalse();
    }

    @Test
    void shouldRevokeEveryUsersTokenOnAProjectAndOnlyThere() throws Exception {
        RevocationList.Revoked r = RevocationList.parse(BODY);
        assertThat(r.covers(token("anyone", "closed", EVENT.minusSeconds(1), "d")))
                .isTrue();
        assertThat(r.covers(token("anyone", "open", EVENT.minusSeconds(1), "e")))
                .isFalse();
        assertThat(r.covers(token("anyone", null, EVENT.minusSeconds(1), "f"))).isFalse();
    }

    @Test
    void shouldRevokeAUsersTokensOnTheProjectWhereTheRoleWasRemovedOnly() throws Exception {
        RevocationList.Revoked r = RevocationList.parse(BODY);
        assertThat(r.covers(token("demoted", "p1", EVENT.minusSeconds(1), "g"))).isTrue();
        assertThat(r.covers(token("demoted", "p2", EVENT.minusSeconds(1), "h"))).isFalse();
        assertThat(r.covers(token("other", "p1", EVENT.minusSeconds(1), "i"))).isFalse();
    }

    @Test
    void shouldIgnoreEventsItCannotApplyAndRefuseAMalformedList() throws Exception {
        assertThat(RevocationList.parse(BODY).events()).hasSize(3);
        assertThat(RevocationList.parse("{\"events\": []}").covers(token("u", "p", EVENT, "x")))
                .isFalse();
        assertThatThrownBy(() -> RevocationList.parse("{\"tokens\": []}")).isInstanceOf(Json.JsonException.class);
        assertThatThrownBy(() ->
                        RevocationList.parse("{\"events\": [{\"user_id\": \"u\", \"issued_before\": \"yesterday\"}]}"))
                .isInstanceOf(Json.JsonException.class);
    }
}
