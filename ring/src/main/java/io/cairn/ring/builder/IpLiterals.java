package io.cairn.ring.builder;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Validates and normalizes IP literals exactly as Swift's {@code validate_and_normalize_ip} does with
 * glibc's {@code inet_pton}/{@code inet_ntop}: IPv4 stays dotted-quad (no leading zeros accepted),
 * IPv6 is lower-cased and rewritten in glibc's compressed form ({@code FE80::0:1} → {@code fe80::1}).
 * No name resolution ever happens.
 *
 * <p>Stateless; thread-safe.
 */
final class IpLiterals {
    private IpLiterals() {}

    /**
     * Validates and normalizes one IP literal.
     *
     * @return the normalized literal
     * @throws IllegalArgumentException when {@code ip} is neither an IPv4 nor an IPv6 literal
     */
    static String normalize(String ip) {
        String lower = ip.toLowerCase(Locale.ROOT);
        if (parseIpv4(lower) != null) {
            return lower;
        }
        int[] words = parseIpv6(lower);
        if (words == null) {
            throw new IllegalArgumentException("Invalid ip " + ip + " (expected an IPv4 or IPv6 literal)");
        }
        return formatIpv6(words);
    }

    /** Four octets, or null when not a strict dotted quad (glibc {@code inet_pton4}). */
    static int @Nullable [] parseIpv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        int[] octets = new int[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')) {
                return null;
            }
            int value = 0;
            for (int c = 0; c < p.length(); c++) {
                char ch = p.charAt(c);
                if (ch < '0' || ch > '9') {
                    return null;
                }
                value = value * 10 + (ch - '0');
            }
            if (value > 255) {
                return null;
            }
            octets[i] = value;
        }
        return octets;
    }

    /** Eight 16-bit words, or null when not a valid IPv6 literal (glibc {@code inet_pton6}). */
    static int @Nullable [] parseIpv6(String s) {
        int doubleColon = s.indexOf("::");
        if (doubleColon >= 0 && s.indexOf("::", doubleColon + 1) >= 0) {
            return null;
        }
        String head = doubleColon >= 0 ? s.substring(0, doubleColon) : s;
        String tail = doubleColon >= 0 ? s.substring(doubleColon + 2) : "";
        int[] headWords = parseGroups(head, doubleColon < 0);
        int[] tailWords = parseGroups(tail, true);
        if (headWords == null || tailWords == null) {
            return null;
        }
        int total = headWords.length + tailWords.length;
        if (doubleColon < 0 ? total != 8 : total > 7) {
            return null;
        }
        int[] words = new int[8];
        System.arraycopy(headWords, 0, words, 0, headWords.length);
        System.arraycopy(tailWords, 0, words, 8 - tailWords.length, tailWords.length);
        return words;
    }

    /** Colon-separated hex groups; the last may be a dotted quad when {@code ipv4Allowed}. */
    private static int @Nullable [] parseGroups(String s, boolean ipv4Allowed) {
        if (s.isEmpty()) {
            return new int[0];
        }
        String[] groups = s.split(":", -1);
        int[] words = new int[groups.length + 1];
        int count = 0;
        for (int i = 0; i < groups.length; i++) {
            String g = groups[i];
            if (i == groups.length - 1 && ipv4Allowed && g.indexOf('.') >= 0) {
                int[] v4 = parseIpv4(g);
                if (v4 == null) {
                    return null;
                }
                words[count++] = (v4[0] << 8) | v4[1];
                words[count++] = (v4[2] << 8) | v4[3];
                continue;
            }
            int word = parseHexGroup(g);
            if (word < 0) {
                return null;
            }
            words[count++] = word;
        }
        int[] result = new int[count];
        System.arraycopy(words, 0, result, 0, count);
        return result;
    }

    private static int parseHexGroup(String g) {
        if (g.isEmpty() || g.length() > 4) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < g.length(); i++) {
            int digit = Character.digit(g.charAt(i), 16);
            if (digit < 0) {
                return -1;
            }
            value = (value << 4) | digit;
        }
        return value;
    }

    /** glibc {@code inet_ntop6}: longest (first on ties) run of ≥ 2 zero words becomes {@code ::}. */
    static String formatIpv6(int[] words) {
        long run = longestZeroRun(words);
        int bestBase = (int) (run >> 32);
        int bestLen = (int) run;
        StringBuilder out = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLen) {
                if (i == bestBase) {
                    out.append(':');
                }
                continue;
            }
            if (i != 0) {
                out.append(':');
            }
            if (i == 6 && embedsIpv4(words, bestBase, bestLen)) {
                out.append(words[6] >> 8).append('.').append(words[6] & 0xff).append('.');
                out.append(words[7] >> 8).append('.').append(words[7] & 0xff);
                return out.toString();
            }
            out.append(Integer.toHexString(words[i]));
        }
        if (bestBase >= 0 && bestBase + bestLen == 8) {
            out.append(':');
        }
        return out.toString();
    }

    /** IPv4-compatible ({@code ::a.b.c.d}) or IPv4-mapped ({@code ::ffff:a.b.c.d}), as glibc prints them. */
    private static boolean embedsIpv4(int[] words, int bestBase, int bestLen) {
        return bestBase == 0 && (bestLen == 6 || (bestLen == 5 && words[5] == 0xffff));
    }

    /** (base &lt;&lt; 32) | length of the first longest run of ≥ 2 zero words; base −1 when there is none. */
    private static long longestZeroRun(int[] words) {
        int bestBase = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (words[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && words[j] == 0) {
                j++;
            }
            if (j - i >= 2 && j - i > bestLen) {
                bestBase = i;
                bestLen = j - i;
            }
            i = j;
        }
        return ((long) bestBase << 32) | bestLen;
    }
}
