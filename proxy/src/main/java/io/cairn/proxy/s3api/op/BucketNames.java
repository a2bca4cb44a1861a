package io.cairn.proxy.s3api.op;

import java.util.regex.Pattern;

/**
 * s3api's {@code validate_bucket_name}: 3–63 characters (255 when not DNS-compliant), letters (lower-case when
 * DNS-compliant), digits, {@code -} and {@code .}, not like an IPv4 address.
 *
 * <p>Stateless.
 */
public final class BucketNames {
    private static final Pattern IPV4 = Pattern.compile(
            "^(([0-9]|[1-9][0-9]|1[0-9]{2}|2[0-4][0-9]|25[0-5])\\.){3}([0-9]|[1-9][0-9]|1[0-9]{2}|2[0-4][0-9]|25[0-5])$");
    private static final Pattern DNS = Pattern.compile("[-.a-z0-9]*");
    private static final Pattern LOOSE = Pattern.compile("[-.a-zA-Z0-9_]*");

    private BucketNames() {}

    /** Whether {@code name} is a bucket name. */
    public static boolean valid(String name, boolean dnsCompliant) {
        int max = dnsCompliant ? 63 : 255;
        if (name.length() < 3 || name.length() > max || !isAlnum(name.charAt(0))) {
            return false;
        }
        if (dnsCompliant
                && (name.contains(".-")
                        || name.contains("-.")
                        || name.contains("..")
                        || !isAlnum(name.charAt(name.length() - 1)))) {
            return false;
        }
        if (name.endsWith(".") || IPV4.matcher(name).matches()) {
            return false;
        }
        return (dnsCompliant ? DNS : LOOSE).matcher(name).matches();
    }

    private static boolean isAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
