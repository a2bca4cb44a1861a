package io.cairn.compute.identity;

import io.cairn.common.token.TokenClaims;
import io.cairn.compute.identity.IdentityModel.Assignment;
import io.cairn.compute.identity.IdentityModel.Domain;
import io.cairn.compute.identity.IdentityModel.Project;
import io.cairn.compute.identity.IdentityModel.Role;
import io.cairn.compute.identity.IdentityModel.User;
import io.cairn.compute.system.SqlArgs;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for domains, projects, users, roles, assignments and the token deny list. Blocking: call off the loop. */
@Repository
public class IdentityRepository {
    private static final String USER_COLUMNS =
            "id, name, domain_id, password_hash, enabled, default_project_id, description, email";

    private final JdbcClient jdbc;

    public IdentityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- domains

    public Optional<Domain> domain(String id) {
        return jdbc.sql("SELECT id, name, description, enabled FROM domains WHERE id = ?")
                .param(id)
                .query(IdentityRepository::domainRow)
                .optional();
    }

    public Optional<Domain> domainByName(String name) {
        return jdbc.sql("SELECT id, name, description, enabled FROM domains WHERE name = ?")
                .param(name)
                .query(IdentityRepository::domainRow)
                .optional();
    }

    public List<Domain> domains(@Nullable String name) {
        return jdbc.sql(
                        "SELECT id, name, description, enabled FROM domains WHERE (CAST(? AS TEXT) IS NULL OR name = ?) ORDER BY name")
                .param(name)
                .param(name)
                .query(IdentityRepository::domainRow)
                .list();
    }

    public void insertDomain(Domain d) {
        jdbc.sql("INSERT INTO domains (id, name, description, enabled) VALUES (?, ?, ?, ?)")
                .params(SqlArgs.of(d.id(), d.name(), d.description(), d.enabled()))
                .update();
    }

    public void updateDomain(Domain d) {
        jdbc.sql("UPDATE domains SET name = ?, description = ?, enabled = ? WHERE id = ?")
                .params(SqlArgs.of(d.name(), d.description(), d.enabled(), d.id()))
                .update();
    }

    public int deleteDomain(String id) {
        return jdbc.sql("DELETE FROM domains WHERE id = ?").param(id).update();
    }

    // ---- projects

    public Optional<Project> project(String id) {
        return jdbc.sql("SELECT id, name, domain_id, description, enabled FROM projects WHERE id = ?")
                .param(id)
                .query(IdentityRepository::projectRow)
                .optional();
    }

    public Optional<Project> projectByName(String domainId, String name) {
        return jdbc.sql(
                        "SELECT id, name, domain_id, description, enabled FROM projects WHERE domain_id = ? AND name = ?")
                .params(SqlArgs.of(domainId, name))
                .query(IdentityRepository::projectRow)
                .optional();
    }

    public List<Project> projects(@Nullable String name, @Nullable String domainId) {
        return jdbc.sql(
                        "SELECT id, name, domain_id, description, enabled FROM projects"
                                + " WHERE (CAST(? AS TEXT) IS NULL OR name = ?) AND (CAST(? AS TEXT) IS NULL OR domain_id = ?) ORDER BY name")
                .params(SqlArgs.of(name, name, domainId, domainId))
                .query(IdentityRepository::projectRow)
                .list();
    }

    /** Projects on which the user has at least one role. */
    public List<Project> projectsOfUser(String userId) {
        return jdbc.sql("SELECT DISTINCT p.id, p.name, p.domain_id, p.description, p.enabled FROM projects p"
                        + " JOIN role_assignments a ON a.scope_type = 'project' AND a.scope_id = p.id"
                        + " WHERE a.user_id = ? ORDER BY p.name")
                .param(userId)
                .query(IdentityRepository::projectRow)
                .list();
    }

    public void insertProject(Project p) {
        jdbc.sql("INSERT INTO projects (id, name, domain_id, description, enabled) VALUES (?, ?, ?, ?, ?)")
                .params(SqlArgs.of(p.id(), p.name(), p.domainId(), p.description(), p.enabled()))
                .update();
    }

    public void updateProject(Project p) {
        jdbc.sql("UPDATE projects SET name = ?, description = ?, enabled = ? WHERE id = ?")
                .params(SqlArgs.of(p.name(), p.description(), p.enabled(), p.id()))
                .update();
    }

    public int deleteProject(String id) {
        jdbc.sql("DELETE FROM role_assignments WHERE scope_type = 'project' AND scope_id = ?")
                .param(id)
                .update();
        return jdbc.sql("DELETE FROM projects WHERE id = ?").param(id).update();
    }

    public int countProjectsInDomain(String domainId) {
        return jdbc.sql("SELECT COUNT(*) FROM projects WHERE domain_id = ?")
                .param(domainId)
                .query(Integer.class)
                .single();
    }

    // ---- users

    public Optional<User> user(String id) {
        return jdbc.sql("SELECT " + USER_COLUMNS + " FROM users WHERE id = ?")
                .param(id)
                .query(IdentityRepository::userRow)
                .optional();
    }

    public Optional<User> userByName(String domainId, String name) {
        return jdbc.sql("SELECT " + USER_COLUMNS + " FROM users WHERE domain_id = ? AND name = ?")
                .params(SqlArgs.of(domainId, name))
                .query(IdentityRepository::userRow)
                .optional();
    }

    public List<User> users(@Nullable String name, @Nullable String domainId) {
        return jdbc.sql(
                        "SELECT " + USER_COLUMNS + " FROM users"
                                + " WHERE (CAST(? AS TEXT) IS NULL OR name = ?) AND (CAST(? AS TEXT) IS NULL OR domain_id = ?) ORDER BY name")
                .params(SqlArgs.of(name, name, domainId, domainId))
                .query(IdentityRepository::userRow)
                .list();
    }

    public void insertUser(User u) {
        jdbc.sql("INSERT INTO users (" + USER_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(SqlArgs.of(
                        u.id(),
                        u.name(),
                        u.domainId(),
                        u.passwordHash(),
                        u.enabled(),
                        u.defaultProjectId(),
                        u.description(),
                        u.email()))
                .update();
    }

    public void updateUser(User u) {
        jdbc.sql("UPDATE users SET name = ?, password_hash = ?, enabled = ?, default_project_id = ?, description = ?,"
                        + " email = ? WHERE id = ?")
                .params(SqlArgs.of(
                        u.name(),
                        u.passwordHash(),
                        u.enabled(),
                        u.defaultProjectId(),
                        u.description(),
                        u.email(),
                        u.id()))
                .update();
    }

    public int deleteUser(String id) {
        jdbc.sql("DELETE FROM role_assignments WHERE user_id = ?").param(id).update();
        return jdbc.sql("DELETE FROM users WHERE id = ?").param(id).update();
    }

    // ---- roles and assignments

    public Optional<Role> role(String id) {
        return jdbc.sql("SELECT id, name FROM roles WHERE id = ?")
                .param(id)
                .query(IdentityRepository::roleRow)
                .optional();
    }

    public Optional<Role> roleByName(String name) {
        return jdbc.sql("SELECT id, name FROM roles WHERE name = ?")
                .param(name)
                .query(IdentityRepository::roleRow)
                .optional();
    }

    public List<Role> roles(@Nullable String name) {
        return jdbc.sql("SELECT id, name FROM roles WHERE (CAST(? AS TEXT) IS NULL OR name = ?) ORDER BY name")
                .params(SqlArgs.of(name, name))
                .query(IdentityRepository::roleRow)
                .list();
    }

    public void insertRole(Role r) {
        jdbc.sql("INSERT INTO roles (id, name) VALUES (?, ?)")
                .params(SqlArgs.of(r.id(), r.name()))
                .update();
    }

    public int deleteRole(String id) {
        jdbc.sql("DELETE FROM role_assignments WHERE role_id = ?").param(id).update();
        return jdbc.sql("DELETE FROM roles WHERE id = ?").param(id).update();
    }

    /** The user's roles on one scope. */
    public List<Role> rolesOn(String userId, TokenClaims.Kind kind, String scopeId) {
        return jdbc.sql("SELECT r.id, r.name FROM roles r JOIN role_assignments a ON a.role_id = r.id"
                        + " WHERE a.user_id = ? AND a.scope_type = ? AND a.scope_id = ? ORDER BY r.name")
                .params(SqlArgs.of(userId, scopeType(kind), scopeId))
                .query(IdentityRepository::roleRow)
                .list();
    }

    public void assign(Assignment a) {
        if (!isAssigned(a)) {
            jdbc.sql("INSERT INTO role_assignments (user_id, role_id, scope_type, scope_id) VALUES (?, ?, ?, ?)")
                    .params(SqlArgs.of(a.userId(), a.roleId(), scopeType(a.scopeKind()), a.scopeId()))
                    .update();
        }
    }

    public boolean isAssigned(Assignment a) {
        return jdbc.sql("SELECT COUNT(*) FROM role_assignments"
                                + " WHERE user_id = ? AND role_id = ? AND scope_type = ? AND scope_id = ?")
                        .params(SqlArgs.of(a.userId(), a.roleId(), scopeType(a.scopeKind()), a.scopeId()))
                        .query(Integer.class)
                        .single()
                > 0;
    }

    public int unassign(Assignment a) {
        return jdbc.sql("DELETE FROM role_assignments WHERE user_id = ? AND role_id = ? AND scope_type = ?"
                        + " AND scope_id = ?")
                .params(SqlArgs.of(a.userId(), a.roleId(), scopeType(a.scopeKind()), a.scopeId()))
                .update();
    }

    public List<Assignment> assignments(@Nullable String userId, @Nullable String scopeId, @Nullable String roleId) {
        return jdbc.sql(
                        "SELECT user_id, role_id, scope_type, scope_id FROM role_assignments WHERE (CAST(? AS TEXT) IS NULL OR"
                                + " user_id = ?) AND (CAST(? AS TEXT) IS NULL OR scope_id = ?) AND (CAST(? AS TEXT) IS NULL OR role_id = ?)"
                                + " ORDER BY user_id, scope_id, role_id")
                .params(SqlArgs.of(userId, userId, scopeId, scopeId, roleId, roleId))
                .query((rs, n) -> new Assignment(
                        rs.getString(1),
                        rs.getString(2),
                        TokenClaims.Kind.valueOf(rs.getString(3).toUpperCase(Locale.ROOT)),
                        rs.getString(4)))
                .list();
    }

    // ---- deny list

    public void revoke(String auditId, long expiresAtMillis) {
        if (!isRevoked(auditId)) {
            jdbc.sql("INSERT INTO revoked_tokens (audit_id, expires_at) VALUES (?, ?)")
                    .params(SqlArgs.of(auditId, expiresAtMillis))
                    .update();
        }
    }

    public boolean isRevoked(String auditId) {
        return jdbc.sql("SELECT COUNT(*) FROM revoked_tokens WHERE audit_id = ?")
                        .param(auditId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** A deny-list entry: the revoked token's audit id and when it would have expired. */
    public record RevokedToken(String auditId, long expiresAtMillis) {}

    /** Deny-list entries whose tokens have not expired at {@code nowMillis}, oldest expiry first. */
    public List<RevokedToken> revokedTokens(long nowMillis) {
        return jdbc.sql("SELECT audit_id, expires_at FROM revoked_tokens WHERE expires_at >= ? ORDER BY expires_at")
                .param(nowMillis)
                .query((rs, n) -> new RevokedToken(rs.getString(1), rs.getLong(2)))
                .list();
    }

    /** Drops deny-list entries and revocation events whose tokens have expired anyway. */
    public int purgeRevoked(long nowMillis) {
        return jdbc.sql("DELETE FROM revoked_tokens WHERE expires_at < ?")
                        .param(nowMillis)
                        .update()
                + jdbc.sql("DELETE FROM revocation_events WHERE expires_at < ?")
                        .param(nowMillis)
                        .update();
    }

    /**
     * Every token of {@code userId} (on any scope when {@code projectId} is null), or of {@code projectId} (of any user
     * when {@code userId} is null), issued at or before {@code issuedBeforeMillis} is revoked; the event can be dropped
     * after {@code expiresAtMillis}.
     */
    public record RevocationEvent(
            @Nullable String userId, @Nullable String projectId, long issuedBeforeMillis, long expiresAtMillis) {}

    public void addRevocationEvent(RevocationEvent e) {
        jdbc.sql("INSERT INTO revocation_events (user_id, project_id, issued_before, expires_at) VALUES (?, ?, ?, ?)")
                .params(SqlArgs.of(e.userId(), e.projectId(), e.issuedBeforeMillis(), e.expiresAtMillis()))
                .update();
    }

    /** Revocation events still in force at {@code nowMillis}, oldest first. */
    public List<RevocationEvent> revocationEvents(long nowMillis) {
        return jdbc.sql("SELECT user_id, project_id, issued_before, expires_at FROM revocation_events"
                        + " WHERE expires_at >= ? ORDER BY issued_before")
                .param(nowMillis)
                .query((rs, n) -> new RevocationEvent(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    /** Whether a revocation event covers a token of {@code userId} on {@code projectId} issued at {@code issuedAt}. */
    public boolean isRevokedByEvent(String userId, @Nullable String projectId, long issuedAtMillis) {
        return jdbc.sql("SELECT COUNT(*) FROM revocation_events WHERE issued_before >= ?"
                                + " AND (user_id IS NULL OR user_id = ?)"
                                + " AND (project_id IS NULL OR project_id = ?)")
                        .params(SqlArgs.of(issuedAtMillis, userId, projectId))
                        .query(Integer.class)
                        .single()
                > 0;
    }

    static String scopeType(TokenClaims.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static Domain domainRow(ResultSet rs, int n) throws SQLException {
        return new Domain(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4));
    }

    private static Project projectRow(ResultSet rs, int n) throws SQLException {
        return new Project(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5));
    }

    private static User userRow(ResultSet rs, int n) throws SQLException {
        return new User(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getBoolean(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8));
    }

    private static Role roleRow(ResultSet rs, int n) throws SQLException {
        return new Role(rs.getString(1), rs.getString(2));
    }
}
