package io.cairn.compute.identity;

import io.cairn.compute.config.IdentityProperties;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * bcrypt (spring-security-crypto). {@link #matches} costs one bcrypt whether or not the user exists, so the time
 * to refuse a login says nothing about which names are taken.
 */
@Component
public class PasswordHasher {
    /** bcrypt's input limit; longer passwords would be silently truncated, so they are refused instead. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private final BCryptPasswordEncoder bcrypt;
    /** A hash of a password nobody knows, checked when the user is unknown to spend the same time. */
    private final String decoy;

    public PasswordHasher(IdentityProperties properties) {
        this.bcrypt = new BCryptPasswordEncoder(properties.bcryptStrength());
        this.decoy = hashOf("decoy-" + System.nanoTime());
    }

    public String hash(String password) {
        if (password.isEmpty() || password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new IllegalArgumentException(
                    "a password must be 1 to " + MAX_PASSWORD_BYTES + " bytes of UTF-8, as bcrypt reads no more");
        }
        return hashOf(password);
    }

    private String hashOf(String password) {
        String hash = bcrypt.encode(password);
        if (hash == null) {
            throw new IllegalStateException("bcrypt returned no hash");
        }
        return hash;
    }

    /** True when {@code password} matches {@code hash}; a null hash (unknown user) is checked against a decoy. */
    public boolean matches(String password, @Nullable String hash) {
        boolean tooLong = password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES;
        String candidate =
                tooLong ? password.substring(0, Math.min(password.length(), MAX_PASSWORD_BYTES / 4)) : password;
        boolean ok = bcrypt.matches(candidate, hash == null ? decoy : hash);
        return ok && hash != null && !tooLong;
    }
}
