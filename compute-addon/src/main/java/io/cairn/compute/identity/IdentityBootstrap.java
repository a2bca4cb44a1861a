package io.cairn.compute.identity;

import io.cairn.common.token.TokenClaims;
import io.cairn.compute.config.IdentityProperties;
import io.cairn.compute.identity.IdentityModel.Assignment;
import io.cairn.compute.identity.IdentityModel.Domain;
import io.cairn.compute.identity.IdentityModel.Project;
import io.cairn.compute.identity.IdentityModel.Role;
import io.cairn.compute.identity.IdentityModel.User;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What {@code keystone-manage bootstrap} makes, on every start and idempotently: the Default domain, roles {@code
 * admin}, {@code member}, {@code reader}, the admin project and user (its password reset to the configured one),
 * and, when a demo password is configured, a {@code demo} user with role {@code member} on project {@code demo}.
 */
@Component
public class IdentityBootstrap implements InitializingBean {
    static final String DEMO = "demo";

    private final IdentityRepository repo;
    private final PasswordHasher passwords;
    private final IdentityProperties properties;
    private final TransactionTemplate tx;
    private volatile @Nullable String adminProjectId;

    public IdentityBootstrap(
            IdentityRepository repo, PasswordHasher passwords, IdentityProperties properties, TransactionTemplate tx) {
        this.repo = repo;
        this.passwords = passwords;
        this.properties = properties;
        this.tx = tx;
    }

    @Override
    public void afterPropertiesSet() {
        String adminPassword = properties.adminPassword();
        if (adminPassword == null || adminPassword.isEmpty()) {
            // not the bootstrapping process: the admin project is looked up when first needed
            return;
        }
        tx.executeWithoutResult(s -> {
            if (repo.domain(IdentityModel.DEFAULT_DOMAIN_ID).isEmpty()) {
                repo.insertDomain(new Domain(IdentityModel.DEFAULT_DOMAIN_ID, "Default", "The default domain", true));
            }
            Role admin = role(RequestAuthenticator.ADMIN_ROLE);
            Role member = role("member");
            role("reader");
            Project adminProject = project(properties.adminProject());
            User adminUser = user(properties.adminUser(), adminPassword, adminProject.id());
            repo.assign(new Assignment(adminUser.id(), admin.id(), TokenClaims.Kind.PROJECT, adminProject.id()));
            repo.assign(new Assignment(
                    adminUser.id(), admin.id(), TokenClaims.Kind.DOMAIN, IdentityModel.DEFAULT_DOMAIN_ID));
            adminProjectId = adminProject.id();
            String demoPassword = properties.demoPassword();
            if (demoPassword != null && !demoPassword.isEmpty()) {
                Project demoProject = project(DEMO);
                User demo = user(DEMO, demoPassword, demoProject.id());
                repo.assign(new Assignment(demo.id(), member.id(), TokenClaims.Kind.PROJECT, demoProject.id()));
            }
        });
    }

    /** The admin project's id: its Swift account {@code AUTH_<id>} holds the images. */
    public String adminProjectId() {
        String id = adminProjectId;
        if (id == null) {
            id = repo.projectByName(IdentityModel.DEFAULT_DOMAIN_ID, properties.adminProject())
                    .map(Project::id)
                    .orElseThrow(() -> new IllegalStateException("no project " + properties.adminProject()
                            + " in the Default domain: start the identity API (which bootstraps it) first"));
            adminProjectId = id;
        }
        return id;
    }

    private Role role(String name) {
        return repo.roleByName(name).orElseGet(() -> {
            Role r = new Role(AdminController.newId(), name);
            repo.insertRole(r);
            return r;
        });
    }

    private Project project(String name) {
        return repo.projectByName(IdentityModel.DEFAULT_DOMAIN_ID, name).orElseGet(() -> {
            Project p = new Project(AdminController.newId(), name, IdentityModel.DEFAULT_DOMAIN_ID, "", true);
            repo.insertProject(p);
            return p;
        });
    }

    private User user(String name, String password, String projectId) {
        var existing = repo.userByName(IdentityModel.DEFAULT_DOMAIN_ID, name);
        if (existing.isPresent()) {
            User u = existing.get();
            if (!passwords.matches(password, u.passwordHash())) {
                u = new User(
                        u.id(),
                        u.name(),
                        u.domainId(),
                        passwords.hash(password),
                        true,
                        projectId,
                        u.description(),
                        u.email());
                repo.updateUser(u);
            }
            return u;
        }
        User u = new User(
                AdminController.newId(),
                name,
                IdentityModel.DEFAULT_DOMAIN_ID,
                passwords.hash(password),
                true,
                projectId,
                "",
                null);
        repo.insertUser(u);
        return u;
    }
}
