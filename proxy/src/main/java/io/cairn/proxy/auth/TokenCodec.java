package io.cairn.proxy.auth;

import io.cairn.common.codec.Utf8;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Stateless tokens: everything tempauth keeps in memcache for a token (user, groups, expiry) travels in
 * the token itself, signed with the cluster's {@code token_secret}, so any proxy with the same secret
 * validates any other's tokens without a shared cache.
 *
 * <p>Token format (version 1): {@code <reseller prefix>tk<base64url(payload || mac)>}, base64url without
 * padding, where
 *
 * <pre>
 *   payload = version      u8     (= 1)
 *             expires      i64 BE (epoch seconds; valid while now &lt;= expires)
 *             account      u16 BE length + UTF-8
 *             user         u16 BE length + UTF-8
 *             group count  u16 BE, then each group as u16 BE length + UTF-8
 *   mac     = HMAC-SHA256(token_secret, UTF-8(reseller prefix + "tk") || payload)   (32 bytes)
 * </pre>
 *
 * The token starts with {@code AUTH_tk} like tempauth's, so clients and log scrapers that recognise
 * Swift tokens keep working. Verification refuses, without telling which, any token that is not exactly
 * what {@link #issue} produces for some payload: wrong prefix, non-canonical base64 (so a flipped unused
 * bit in the last character is refused too), wrong length, bad MAC (compared in constant time), unknown
 * version, trailing bytes, or an expiry in the past. Secrets are not rotated in place: changing {@code
 * token_secret} invalidates every token, as restarting memcache does in Swift.
 *
 * <p>Thread-safety: thread-safe; each thread keeps its own initialised {@link Mac} (every proxied request
 * verifies a token, and {@code Mac.getInstance} plus {@code init} cost more than the MAC itself).
 */
public final class TokenCodec {
    /** The only payload version this codec writes and reads. */
    public static final int VERSION = 1;
    /** Tokens longer than this are refused before decoding. */
    public static final int MAX_TOKEN_LENGTH = 4096;

    private static final String HMAC = "HmacSHA256";
    private static final int MAC_LENGTH = 32;
    private static final int MAX_FIELD = 0xffff;

    private final String tokenPrefix;
    private final byte[] tokenPrefixBytes;
    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    /**
     * A codec for tokens of {@code resellerPrefix} (e.g. {@code AUTH_}) signed with {@code secret}.
     *
     * @throws IllegalArgumentException if the secret is empty
     */
    public TokenCodec(String resellerPrefix, byte[] secret) {
        if (secret.length == 0) {
            throw new IllegalArgumentException("the token secret must not be empty");
        }
        this.tokenPrefix = resellerPrefix + "tk";
        this.tokenPrefixBytes = tokenPrefix.getBytes(StandardCharsets.UTF_8);
        this.key = new SecretKeySpec(secret.clone(), HMAC);
    }

    /** What every token of this codec starts with, e.g. {@code AUTH_tk}. */
    public String tokenPrefix() {
        return tokenPrefix;
    }

    /**
     * The token for {@code identity}, valid until its {@link Identity#expiresEpochSecond()}.
     *
     * @throws IllegalArgumentException if a name or the group list does not fit the format (64 KiB each)
     */
    public String issue(Identity identity) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream(128);
        payload.write(VERSION);
        writeLong(payload, identity.expiresEpochSecond());
        writeString(payload, identity.account());
        writeString(payload, identity.user());
        List<String> groups = identity.groups();
        writeShort(payload, checkedLength(groups.size(), "group count"));
        for (String group : groups) {
            writeString(payload, group);
        }
        byte[] body = payload.toByteArray();
        byte[] mac = mac(body, body.length);
        byte[] token = Arrays.copyOf(body, body.length + MAC_LENGTH);
        System.arraycopy(mac, 0, token, body.length, MAC_LENGTH);
        return tokenPrefix + Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    /** The identity of a valid token, or null if it is forged, altered, truncated, expired at {@code now}. */
    public @Nullable Identity verify(String token, Instant now) {
        if (token.length() > MAX_TOKEN_LENGTH || !token.startsWith(tokenPrefix)) {
            return null;
        }
        String encoded = token.substring(tokenPrefix.length());
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (raw.length <= MAC_LENGTH
                || !Base64.getUrlEncoder().withoutPadding().encodeToString(raw).equals(encoded)) {
            return null;
        }
        int bodyLength = raw.length - MAC_LENGTH;
        byte[] expected = mac(raw, bodyLength);
        byte[] actual = Arrays.copyOfRange(raw, bodyLength, raw.length);
        if (!MessageDigest.isEqual(expected, actual)) {
            return null;
        }
        Identity identity = decodePayload(ByteBuffer.wrap(raw, 0, bodyLength));
        if (identity == null || now.getEpochSecond() > identity.expiresEpochSecond()) {
            return null;
        }
        return identity;
    }

    private static @Nullable Identity decodePayload(ByteBuffer in) {
        try {
            if ((in.get() & 0xff) != VERSION) {
                return null;
            }
            long expires = in.getLong();
            String account = readString(in);
            String user = readString(in);
            int count = in.getShort() & 0xffff;
            List<String> groups = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                groups.add(readString(in));
            }
            if (in.hasRemaining() || groups.isEmpty()) {
                return null;
            }
            return new Identity(account, user, groups, expires);
        } catch (RuntimeException | CharacterCodingException e) {
            return null; // BufferUnderflowException: truncated, only reachable with a valid MAC
        }
    }

    private byte[] mac(byte[] body, int length) {
        // doFinal leaves the Mac initialised with the key, ready for the next token
        Mac mac = macs.get();
        mac.update(tokenPrefixBytes);
        mac.update(body, 0, length);
        return mac.doFinal();
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JDK", e);
        }
    }

    private static void writeLong(ByteArrayOutputStream out, long v) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (v >>> shift));
        }
    }

    private static void writeShort(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v);
    }

    private static void writeString(ByteArrayOutputStream out, String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        writeShort(out, checkedLength(utf8.length, "name"));
        out.write(utf8, 0, utf8.length);
    }

    private static int checkedLength(int length, String what) {
        if (length > MAX_FIELD) {
            throw new IllegalArgumentException(what + " too long for a token: " + length);
        }
        return length;
    }

    private static String readString(ByteBuffer in) throws CharacterCodingException {
        int length = in.getShort() & 0xffff;
        ByteBuffer slice = in.slice(in.position(), length);
        in.position(in.position() + length);
        byte[] bytes = new byte[length];
        slice.get(bytes);
        String text = Utf8.decodeOrNull(bytes);
        if (text == null) {
            throw new MalformedInputException(length);
        }
        return text;
    }
}
