package io.cairn.cli.conformance;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text helpers of the harness: wire strings (ISO-8859-1 characters = bytes) shown readably, percent-coding.
 *
 * <p>Thread-safety: stateless.
 */
final class Texts {
    /** Longest value shown whole in a report; longer ones are shortened in the middle. */
    static final int SHOWN = 300;

    private Texts() {}

    /**
     * {@code wire} (bytes as ISO-8859-1 characters) for a report: decoded as UTF-8 where it is valid UTF-8, with
     * control characters and invalid bytes as {@code \xNN}, shortened in the middle past {@link #SHOWN}.
     */
    static String escape(String wire) {
        return shorten(escapeWhole(wire));
    }

    /** As {@link #escape}, never shortened. */
    static String escapeWhole(String wire) {
        byte[] bytes = wire.getBytes(StandardCharsets.ISO_8859_1);
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            text = wire;
        }
        StringBuilder out = new StringBuilder();
        boolean utf8 = !text.equals(wire) || isAscii(bytes);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\n') || c == 0x7f || (!utf8 && c >= 0x80)) {
                out.append(String.format("\\x%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /** {@code text} itself, or its start and end around a count of what was left out. */
    static String shorten(String text) {
        if (text.length() <= SHOWN) {
            return text;
        }
        int keep = SHOWN / 2;
        return text.substring(0, keep) + "…(" + text.length() + " chars)…" + text.substring(text.length() - keep);
    }

    /** Percent-decodes {@code segment} ({@code %XX} only; {@code +} stays) to wire characters. */
    static String percentDecode(String segment) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%' && isHex(segment, i + 1) && isHex(segment, i + 2)) {
                out.write(Integer.parseInt(segment.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    private static boolean isHex(String s, int i) {
        return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
    }

    /** Wire characters percent-encoded for a query value: every byte but {@code A-Za-z0-9-._~} as {@code %XX}. */
    static String queryEncode(String wire) {
        StringBuilder out = new StringBuilder();
        for (byte b : wire.getBytes(StandardCharsets.ISO_8859_1)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append(String.format("%%%02X", c));
            }
        }
        return out.toString();
    }

    /** UTF-8 text percent-encoded for a path: every byte but {@code A-Za-z0-9-._~/} as {@code %XX}. */
    static String pathEncode(String text) {
        return queryEncode(Req.wire(text)).replace("%2F", "/");
    }
}
