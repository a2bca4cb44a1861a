package io.cairn.proxy.server;

import io.cairn.common.config.ConfigException;
import io.cairn.common.config.ConfigSection;
import io.cairn.common.config.IniFile;
import io.cairn.proxy.auth.AuthTokenConfig;
import io.cairn.proxy.auth.KeystoneAuthConfig;
import io.cairn.proxy.auth.KeystoneAuthorizer;
import io.cairn.proxy.auth.RevocationList;
import io.cairn.proxy.auth.TempAuth;
import io.cairn.proxy.auth.TempAuthConfig;
import io.cairn.proxy.pipeline.AccessPolicy;
import io.cairn.proxy.pipeline.KeystoneAccess;
import io.cairn.proxy.pipeline.OpenAccess;
import io.cairn.proxy.pipeline.TempAuthAccess;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The proxy's {@link AccessPolicy} from the auth filters of its pipeline: tempauth ({@code [filter:tempauth]}), the
 * {@code authtoken} + {@code keystoneauth} pair ({@code [filter:authtoken]}, {@code [filter:keystoneauth]}), both,
 * or none ({@link OpenAccess}: every request allowed).
 *
 * <p>Stateless.
 */
public final class ProxyAuth {
    private ProxyAuth() {}

    /**
     * Builds the policy the pipeline of {@code ini} names.
     *
     * @param warnings receives start-up warnings (ignored keystonemiddleware keys, unknown keys, {@code is_admin})
     * @throws ConfigException for {@code keystoneauth} without {@code authtoken} (or the reverse), or a bad setting
     */
    public static AccessPolicy fromIni(IniFile ini, ProxyPipeline pipeline, Clock clock, List<String> warnings) {
        AccessPolicy tempAuth = null;
        if (pipeline.hasTempAuth()) {
            ConfigSection section = section(ini, "tempauth");
            TempAuthConfig config = TempAuthConfig.from(section);
            unknown(warnings, section, config.unknownKeys());
            tempAuth = new TempAuthAccess(new TempAuth(config), clock);
        }
        boolean keystone = pipeline.hasKeystoneAuth();
        if (keystone != pipeline.has("authtoken")) {
            throw new ConfigException(
                    ini.source(),
                    ProxyPipeline.SECTION,
                    "pipeline",
                    null,
                    keystone
                            ? "keystoneauth needs authtoken before it (it authorizes what authtoken validated)"
                            : "authtoken without keystoneauth validates tokens nobody authorizes; add keystoneauth");
        }
        if (!keystone) {
            return tempAuth != null ? tempAuth : new OpenAccess();
        }
        ConfigSection tokenSection = section(ini, "authtoken");
        AuthTokenConfig authToken = AuthTokenConfig.from(tokenSection);
        if (!authToken.ignoredKeys().isEmpty()) {
            warnings.add("[" + tokenSection.name() + "] " + String.join(", ", authToken.ignoredKeys())
                    + ": keystonemiddleware settings, not used (tokens are checked with cairn_signing_key)");
        }
        unknown(warnings, tokenSection, authToken.unknownKeys());
        ConfigSection authSection = section(ini, "keystoneauth");
        KeystoneAuthConfig config = KeystoneAuthConfig.from(authSection);
        for (String w : config.warnings()) {
            warnings.add("[" + authSection.name() + "] " + w);
        }
        unknown(warnings, authSection, config.unknownKeys());
        RevocationList.Source revocationSource = authToken.revocations();
        if (revocationSource == null) {
            warnings.add("[" + tokenSection.name() + "] no auth_url: revoked identity tokens are accepted here until"
                    + " they expire (set auth_url, username, password, project_name to poll the deny list)");
        }
        RevocationList revocations =
                revocationSource == null ? RevocationList.none() : RevocationList.polling(revocationSource, clock);
        return new KeystoneAccess(authToken, new KeystoneAuthorizer(config), tempAuth, revocations, clock);
    }

    /** The {@code [filter:NAME]} of the stage whose entry is {@code entry} (an empty section if there is none). */
    private static ConfigSection section(IniFile ini, String entry) {
        @Nullable String found = null;
        for (String name : ini.sectionNames()) {
            if (name.startsWith("filter:")) {
                String use = ini.section(name).getString("use", "");
                if (use.endsWith("#" + entry) || name.equals("filter:" + entry)) {
                    found = name;
                    break;
                }
            }
        }
        String name = found != null ? found : "filter:" + entry;
        return ini.hasSection(name)
                ? ini.section(name)
                : IniFile.parse("[" + name + "]\n", ini.source()).section(name);
    }

    private static void unknown(List<String> warnings, ConfigSection section, List<String> keys) {
        if (!keys.isEmpty()) {
            warnings.add("[" + section.name() + "] unknown settings " + String.join(", ", keys) + " (ignored)");
        }
    }
}
