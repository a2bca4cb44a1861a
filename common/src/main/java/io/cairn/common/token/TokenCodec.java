package io.cairn.common.token;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Stateless tokens: {@code "cT1" + base64url(claims) + "." + base64url(HMAC-SHA256(key, claims))}. Any process with
 * the key validates one without a database or a call (revocation aside: the identity service keeps a deny list). The
 * claims are a small versioned binary record, not JSON: tokens travel in every request header.
 *
 * <p>Claims layout (version 2; {@code utf} is Java's modified UTF-8 with a 2-byte length, {@code list} a 2-byte count
 * of {@code utf}): {@code byte version=2, utf userId, utf userName, utf userDomainId, byte scopeKind (0 none, 1
 * project, 2 domain), [utf scopeId, utf scopeName, utf scopeDomainId], list roles, list methods, long issuedMillis,
 * long expiresMillis, utf auditId}. Another version is refused (its tokens were signed by an older build; they are
 * short-lived, users log in again).
 *
 * <p>Thread-safe: a {@link Mac} per call.
 */
public final class TokenCodec {
    /** What every token of this format starts with (how a proxy tells them from tempauth's). */
    public static final String PREFIX = "cT1";

    private static final int VERSION = 2;
    private static final int MAX_TOKEN_CHARS = 8192;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public TokenCodec(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the token signing key needs at least 32 bytes, got " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    public String encode(TokenClaims claims) {
        byte[] payload = serialize(claims);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return PREFIX + b64.encodeToString(payload) + "." + b64.encodeToString(mac(payload));
    }

    /**
     * The claims of a token this key signed, whatever its expiry (callers check that against their clock); empty
     * for anything malformed or signed by another key.
     */
    public Optional<TokenClaims> decode(String token) {
        if (token.length() > MAX_TOKEN_CHARS || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        byte[] payload;
        byte[] signature;
        try {
            Base64.Decoder b64 = Base64.getUrlDecoder();
            payload = b64.decode(token.substring(PREFIX.length(), dot));
            signature = b64.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        // constant time: no oracle on how many signature bytes were right
        if (!MessageDigest.isEqual(mac(payload), signature)) {
            return Optional.empty();
        }
        return Optional.ofNullable(deserialize(payload));
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] serialize(TokenClaims c) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeUTF(c.userId());
            out.writeUTF(c.userName());
            out.writeUTF(c.userDomainId());
            TokenClaims.Scope scope = c.scope();
            out.writeByte(scope == null ? 0 : scope.kind() == TokenClaims.Kind.PROJECT ? 1 : 2);
            if (scope != null) {
                out.writeUTF(scope.id());
                out.writeUTF(scope.name());
                out.writeUTF(scope.domainId());
            }
            writeList(out, c.roles());
            writeList(out, c.methods());
            out.writeLong(c.issuedAt().toEpochMilli());
            out.writeLong(c.expiresAt().toEpochMilli());
            out.writeUTF(c.auditId());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static @Nullable TokenClaims deserialize(byte[] payload) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            if (in.readByte() != VERSION) {
                return null;
            }
            String userId = in.readUTF();
            String userName = in.readUTF();
            String userDomainId = in.readUTF();
            int kind = in.readByte();
            TokenClaims.Scope scope = switch (kind) {
                case 0 -> null;
                case 1 -> new TokenClaims.Scope(TokenClaims.Kind.PROJECT, in.readUTF(), in.readUTF(), in.readUTF());
                case 2 -> new TokenClaims.Scope(TokenClaims.Kind.DOMAIN, in.readUTF(), in.readUTF(), in.readUTF());
                default -> throw new IOException("unknown scope kind " + kind);
            };
            List<String> roles = readList(in);
            List<String> methods = readList(in);
            Instant issued = Instant.ofEpochMilli(in.readLong());
            Instant expires = Instant.ofEpochMilli(in.readLong());
            String auditId = in.readUTF();
            if (in.available() != 0) {
                return null;
            }
            return new TokenClaims(userId, userName, userDomainId, scope, roles, methods, issued, expires, auditId);
        } catch (IOException e) {
            // signed by our key yet unreadable: only a key shared with an incompatible build gets here
            return null;
        }
    }

    private static void writeList(DataOutputStream out, List<String> values) throws IOException {
        out.writeShort(values.size());
        for (String v : values) {
            out.writeUTF(v);
        }
    }

    private static List<String> readList(DataInputStream in) throws IOException {
        int n = in.readUnsignedShort();
        List<String> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(in.readUTF());
        }
        return values;
    }
}
