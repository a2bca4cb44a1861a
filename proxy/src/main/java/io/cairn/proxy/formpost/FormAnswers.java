package io.cairn.proxy.formpost;

import io.cairn.common.path.PercentCoding;
import io.cairn.proxy.swift.SwiftResponses;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * FormPost's answers, byte for byte as Swift's: the upload's result ({@code <status>[\r\nFormPost: <Message>]} as
 * text, or a {@code 303} to the form's {@code redirect} with {@code status} and {@code message} added), a refused
 * form ({@code 400 FormPost: <why>}) and a refused signature ({@code 401 FormPost: <Why>}).
 *
 * <p>Thread-safety: stateless.
 */
final class FormAnswers {
    private FormAnswers() {}

    /**
     * Swift's end of {@code _translate_form}.
     *
     * @param status the status line of the last file's PUT, or of the refusal ({@code 400 Bad Request})
     * @param message why, or empty
     * @param redirect the form's {@code redirect}, or null/empty for none
     * @param putHeaders the last PUT's answer headers (its {@code Access-Control-*} ones are passed on)
     */
    static FullHttpResponse result(String status, String message, @Nullable String redirect, HttpHeaders putHeaders) {
        if (redirect == null || redirect.isEmpty()) {
            String body = message.isEmpty() ? status : status + "\r\nFormPost: " + title(message);
            FullHttpResponse r = response(statusOf(status), body);
            copyAccessControl(putHeaders, r.headers());
            r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain");
            r.headers().set(HttpHeaderNames.CONTENT_LENGTH, body.length());
            return r;
        }
        String code = status.split(" ", 2)[0];
        String location = redirect + (redirect.contains("?") ? "&" : "?") + "status=" + PercentCoding.quote(code)
                + "&message=" + PercentCoding.quote(message);
        String body = "<html><body><p><a href=\"" + location + "\">Click to continue...</a></p></body></html>";
        FullHttpResponse r = response(new HttpResponseStatus(303, "See Other"), body);
        copyAccessControl(putHeaders, r.headers());
        // a header value is Latin-1 on the wire: the redirect's UTF-8 bytes go out as they came
        r.headers()
                .set(
                        HttpHeaderNames.LOCATION,
                        new String(location.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
        r.headers().set(HttpHeaderNames.CONTENT_LENGTH, r.content().readableBytes());
        return r;
    }

    /** {@code 400 FormPost: <why>} as text (Swift's {@code FormInvalid}, {@code EOFError}, {@code MimeInvalid}). */
    static FullHttpResponse invalid(String why) {
        String body = "FormPost: " + why;
        FullHttpResponse r = response(SwiftResponses.status(400), body);
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain");
        r.headers().set(HttpHeaderNames.CONTENT_LENGTH, r.content().readableBytes());
        return r;
    }

    /**
     * {@code 401 FormPost: <Why>} (Swift's {@code HTTPUnauthorized(body=...)}); swob sets the realm when it makes the
     * response, before it has a request: {@code unknown}.
     */
    static FullHttpResponse unauthorized(String why) {
        FullHttpResponse r = SwiftResponses.withText(401, "FormPost: " + title(why));
        r.headers().set("Www-Authenticate", "Swift realm=\"unknown\"");
        return r;
    }

    private static FullHttpResponse response(HttpResponseStatus status, String body) {
        return new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body.getBytes(StandardCharsets.UTF_8)));
    }

    /** The status of a status line such as {@code 201 Created}. */
    private static HttpResponseStatus statusOf(String line) {
        String[] parts = line.split(" ", 2);
        int code = Integer.parseInt(parts[0]);
        return new HttpResponseStatus(code, parts.length > 1 ? parts[1] : "");
    }

    private static void copyAccessControl(HttpHeaders from, HttpHeaders to) {
        for (Map.Entry<String, String> h : from) {
            if (h.getKey().toLowerCase(Locale.ROOT).startsWith("access-control")) {
                to.add(h.getKey(), h.getValue());
            }
        }
    }

    /** Python's {@code str.title()}: each run of letters capitalized. */
    static String title(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean inWord = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c)) {
                out.append(inWord ? Character.toLowerCase(c) : Character.toTitleCase(c));
                inWord = true;
            } else {
                out.append(c);
                inWord = false;
            }
        }
        return out.toString();
    }
}
