package io.cairn.compute.compute.api;

import io.cairn.compute.system.ApiException;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** OpenSSH public keys: generating an RSA pair (as Nova does for a key pair without {@code public_key}) and
 * Nova's fingerprint (MD5 of the key blob, colon-separated hex). */
final class SshKeys {
    private static final List<String> TYPES = List.of(
            "ssh-rsa", "ssh-ed25519", "ssh-dss", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521");

    /** A generated pair: OpenSSH public line and PEM (PKCS#8) private key. */
    record Generated(String publicKey, String privateKey) {}

    private SshKeys() {}

    static Generated generate(String comment) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            KeyPair pair = g.generateKeyPair();
            RSAPublicKey pub = (RSAPublicKey) pair.getPublic();
            ByteArrayOutputStream blob = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(blob);
            writeBytes(out, "ssh-rsa".getBytes(StandardCharsets.US_ASCII));
            writeBytes(out, pub.getPublicExponent().toByteArray());
            writeBytes(out, pub.getModulus().toByteArray());
            String publicLine = "ssh-rsa " + Base64.getEncoder().encodeToString(blob.toByteArray()) + " " + comment;
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(pair.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            return new Generated(publicLine, pem);
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    /** Nova's fingerprint of an OpenSSH public key line; 400 if it is not one. */
    static String fingerprint(String publicKey) {
        String[] parts = publicKey.strip().split("\\s+");
        if (parts.length < 2 || !TYPES.contains(parts[0])) {
            throw invalid();
        }
        try {
            byte[] blob = Base64.getDecoder().decode(parts[1]);
            if (blob.length < 8
                    || new BigInteger(1, java.util.Arrays.copyOf(blob, 4)).intValue() != parts[0].length()) {
                throw invalid();
            }
            byte[] md5 = MessageDigest.getInstance("MD5").digest(blob);
            String hex = HexFormat.of().formatHex(md5);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < hex.length(); i += 2) {
                if (i > 0) {
                    sb.append(':');
                }
                sb.append(hex, i, i + 2);
            }
            return sb.toString();
        } catch (IllegalArgumentException | NoSuchAlgorithmException e) {
            throw invalid();
        }
    }

    private static ApiException invalid() {
        return ApiException.badRequest("Keypair data is invalid: failed to generate fingerprint");
    }
}
