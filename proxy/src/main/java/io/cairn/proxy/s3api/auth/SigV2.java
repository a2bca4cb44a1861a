package io.cairn.proxy.s3api.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The arithmetic of AWS Signature Version 2: HMAC-SHA1 of the string to sign.
 *
 * <p>Stateless.
 */
public final class SigV2 {
    private SigV2() {}

    /** HMAC-SHA1 of {@code text} (UTF-8) under {@code key}. */
    public static byte[] hmacSha1(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }
}
