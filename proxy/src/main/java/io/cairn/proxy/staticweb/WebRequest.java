package io.cairn.proxy.staticweb;

import io.cairn.common.codec.Json;
import io.cairn.common.path.PercentCoding;
import io.cairn.proxy.auth.TempAuth;
import io.cairn.proxy.info.ContainerInfo;
import io.cairn.proxy.swift.Answer;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.Operation;
import io.cairn.proxy.swift.Subrequests;
import io.cairn.proxy.swift.SwiftApp;
import io.cairn.proxy.swift.SwiftPath;
import io.cairn.proxy.swift.SwiftResponses;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * One staticweb request (Swift's {@code _StaticWebContext}): the container and object flows, each a chain of
 * subrequests through the application below the filter, as the requester. Objects (and index pages) that are
 * served as they are stream through; listings, error pages and redirects are built here.
 *
 * <p>Confined to the exchange's event loop.
 */
final class WebRequest implements Operation {
    /** The client headers a listing or error-page subrequest keeps (Swift's {@code make_env}, plus the token). */
    private static final List<String> KEPT = List.of(
            "X-Auth-Token",
            "X-Storage-Token",
            "X-Service-Token",
            "Referer",
            "User-Agent",
            "Host",
            "Origin",
            "X-Web-Mode");

    private final Exchange ex;
    private final SwiftApp next;
    private final StaticWeb filter;
    private final WebSettings web;
    private final @Nullable ContainerInfo info;
    private final String pathInfo;
    private @Nullable Runnable flow;
    private @Nullable Operation current;
    private boolean closed;

    WebRequest(Exchange ex, SwiftApp next, StaticWeb filter, WebSettings web, @Nullable ContainerInfo info) {
        this.ex = ex;
        this.next = next;
        this.filter = filter;
        this.web = web;
        this.info = info;
        String uri = ex.request().uri();
        int q = uri.indexOf('?');
        this.pathInfo = PercentCoding.unquote(q < 0 ? uri : uri.substring(0, q));
    }

    /** Swift's {@code handle_container}. */
    @Nullable
    Operation container() {
        FullHttpResponse denial = ex.denialFor(ex.method().name(), info);
        if (denial != null) {
            return start(() -> errorResponse(denial));
        }
        if (!web.any()) {
            return StaticWeb.webMode(ex) ? Answer.now(ex, SwiftResponses.standard(404)) : next.operationFor(ex);
        }
        if (!pathInfo.endsWith("/")) {
            return Answer.now(ex, redirectWithSlash());
        }
        if (web.index().isEmpty()) {
            return start(() -> listing(""));
        }
        return start(() -> fetch(
                objectPath(web.index()),
                ex.method(),
                ex.headers().copy(),
                head -> isSuccessOrRedirect(status(head)),
                r -> {
                    if (r.status().code() == 404) {
                        r.release();
                        listing("");
                    } else {
                        errorResponse(r);
                    }
                }));
    }

    /** Swift's {@code handle_object}. */
    Operation object() {
        return start(() -> fetch(ex.path(), ex.method(), ex.headers().copy(), this::servedAsItIs, this::objectMissing));
    }

    private boolean servedAsItIs(HttpResponse head) {
        return isSuccessOrRedirect(status(head)) && !isDirectoryMarker(head);
    }

    private boolean isDirectoryMarker(HttpResponse head) {
        String dirType = web.directoryType().isEmpty() ? "application/directory" : web.directoryType();
        String length = head.headers().get(HttpHeaderNames.CONTENT_LENGTH);
        long len;
        try {
            len = length == null || length.isEmpty() ? 0 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            len = 0;
        }
        return dirType.equals(head.headers().get(HttpHeaderNames.CONTENT_TYPE)) && len <= 1;
    }

    /** The object was not served as it is: a 404, a directory marker, or another failure. */
    private void objectMissing(FullHttpResponse r) {
        int status = isDirectoryMarker(r) ? 404 : r.status().code();
        if (status != 404 || !web.any()) {
            send(r); // no custom error pages for other failures, as Swift's "previous code's behavior"
            return;
        }
        r.release();
        if (web.index().isEmpty()) {
            afterIndex(404);
            return;
        }
        String object = ex.path().objectName();
        String indexName = (object.endsWith("/") ? object : object + "/") + web.index();
        fetch(
                objectPath(indexName),
                ex.method(),
                ex.headers().copy(),
                head -> isSuccessOrRedirect(status(head)) && pathInfo.endsWith("/"),
                index -> {
                    int s = index.status().code();
                    if (isSuccessOrRedirect(s)) {
                        index.release();
                        send(redirectWithSlash());
                    } else if (s == 404) {
                        index.release();
                        afterIndex(404);
                    } else {
                        send(index);
                    }
                });
    }

    private void afterIndex(int status) {
        if (status != 404) {
            send(SwiftResponses.standard(status));
        } else if (pathInfo.endsWith("/")) {
            listing(ex.path().objectName());
        } else {
            String prefix = PercentCoding.quote(ex.path().objectName() + "/", "/");
            call(containerPath("limit=1&delimiter=/&prefix=" + prefix + "&format=json"), r -> {
                boolean empty = r.status().code() / 100 != 2 || listingItems(r).isEmpty();
                r.release();
                if (empty) {
                    errorResponse(SwiftResponses.standard(404));
                } else {
                    send(redirectWithSlash());
                }
            });
        }
    }

    /** Swift's {@code _listing}: the HTML page of the objects and pseudo-directories under {@code prefix}. */
    private void listing(String prefix) {
        String label = pathInfo;
        if (!web.listingsLabel().isEmpty()) {
            String[] groups = pathInfo.split("/", -1);
            List<String> rest = new ArrayList<>();
            for (int i = 4; i < groups.length; i++) {
                rest.add(groups[i]);
            }
            label = web.listingsLabel() + "/" + String.join("/", rest);
        }
        String cssPath = cssPath(prefix);
        if (!web.listingsOn()) {
            errorResponse(html(404, ListingPage.disabled(label, web.listingsCss(), cssPath, web.index())));
            return;
        }
        String query = "delimiter=/" + (prefix.isEmpty() ? "" : "&prefix=" + PercentCoding.quote(prefix, "/"))
                + "&format=json";
        String title = label;
        call(containerPath(query), r -> {
            if (r.status().code() / 100 != 2) {
                errorResponse(r);
                return;
            }
            List<Map<String, Object>> items = listingItems(r);
            r.release();
            if (!prefix.isEmpty() && items.isEmpty()) {
                errorResponse(SwiftResponses.standard(404));
                return;
            }
            send(html(200, ListingPage.listing(title, web.listingsCss(), cssPath, prefix, items)));
        });
    }

    /** Swift's {@code _build_css_path}. */
    private String cssPath(String prefix) {
        String css = web.listingsCss();
        if (css.startsWith("/") || css.startsWith("http://") || css.startsWith("https://")) {
            return PercentCoding.quote(css, ":/");
        }
        int depth = (int) prefix.chars().filter(c -> c == '/').count();
        return "../".repeat(depth) + PercentCoding.quote(css, "/");
    }

    /**
     * Swift's {@code _error_response}: with {@code X-Container-Meta-Web-Error} set, the object
     * {@code <status><suffix>} of the container, read as the requester, answers in place of {@code response}'s body
     * (with its headers and {@code response}'s status); otherwise, or when it cannot be read, {@code response}.
     */
    private void errorResponse(FullHttpResponse response) {
        if (web.error().isEmpty()) {
            send(response);
            return;
        }
        int status = response.status().code();
        SwiftPath page = objectPath(status + web.error());
        callAs(page, HttpMethod.GET, keptHeaders(), r -> {
            if (r.status().code() / 100 == 2) {
                FullHttpResponse custom = new DefaultFullHttpResponse(
                        HttpVersion.HTTP_1_1,
                        response.status(),
                        r.content().retain(),
                        r.headers(),
                        r.trailingHeaders());
                response.release();
                r.release();
                send(custom);
            } else {
                r.release();
                send(response);
            }
        });
    }

    private FullHttpResponse redirectWithSlash() {
        FullHttpResponse r = SwiftResponses.withText(
                301, "<html><h1>Moved Permanently</h1><p>The resource has moved permanently.</p></html>");
        String scheme = filter.urlScheme() != null ? filter.urlScheme() : "http";
        String host = filter.urlHost() != null ? filter.urlHost() : ex.headers().get(HttpHeaderNames.HOST);
        r.headers()
                .set(
                        HttpHeaderNames.LOCATION,
                        TempAuth.hostUrl(scheme, host, localHostPort()) + PercentCoding.quote(pathInfo + "/", "/"));
        return r;
    }

    private String localHostPort() {
        SocketAddress local = ex.channel().localAddress();
        return local instanceof InetSocketAddress isa ? isa.getHostString() + ":" + isa.getPort() : "localhost:80";
    }

    private static FullHttpResponse html(int status, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        FullHttpResponse r = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1, SwiftResponses.status(status), Unpooled.wrappedBuffer(bytes));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/html; charset=UTF-8");
        r.headers().set(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        return r;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> listingItems(FullHttpResponse r) {
        String body = r.content().toString(StandardCharsets.UTF_8);
        if (body.isEmpty()) {
            return List.of();
        }
        try {
            Object parsed = Json.parse(body);
            if (parsed instanceof List<?> list) {
                List<Map<String, Object>> items = new ArrayList<>();
                for (Object o : list) {
                    if (o instanceof Map<?, ?> m) {
                        items.add((Map<String, Object>) m);
                    }
                }
                return items;
            }
        } catch (Json.JsonException e) {
            return List.of();
        }
        return List.of();
    }

    private SwiftPath objectPath(String object) {
        SwiftPath p = ex.path();
        return new SwiftPath(p.version(), p.account(), p.container(), object, "");
    }

    private SwiftPath containerPath(String query) {
        SwiftPath p = ex.path();
        return new SwiftPath(p.version(), p.account(), p.container(), null, query);
    }

    private HttpHeaders keptHeaders() {
        HttpHeaders h = new DefaultHttpHeaders();
        for (String name : KEPT) {
            String v = ex.headers().get(name);
            if (v != null) {
                h.set(name, v);
            }
        }
        return h;
    }

    private static int status(HttpResponse head) {
        return head.status().code();
    }

    private static boolean isSuccessOrRedirect(int status) {
        return status >= 200 && status < 400;
    }

    // ---- the chain of subrequests -------------------------------------------------------------------------------

    private Operation start(Runnable first) {
        flow = first;
        return this;
    }

    @Override
    public void start() {
        Runnable f = flow;
        flow = null;
        if (f != null) {
            f.run();
        }
    }

    /** A GET/HEAD as the requester whose answer streams to the client when {@code serve} says so. */
    private void fetch(
            SwiftPath path,
            HttpMethod method,
            HttpHeaders headers,
            Predicate<HttpResponse> serve,
            Consumer<FullHttpResponse> otherwise) {
        if (closed) {
            return;
        }
        headers.remove(HttpHeaderNames.CONTENT_LENGTH);
        current = Subrequests.stream(ex, next, method, path, headers, null, new Peek(ex, serve, otherwise));
    }

    /** A GET whose answer is wanted whole (a listing page), with the requester's credentials. */
    private void call(SwiftPath path, Consumer<FullHttpResponse> done) {
        callAs(path, HttpMethod.GET, keptHeaders(), done);
    }

    private void callAs(SwiftPath path, HttpMethod method, HttpHeaders headers, Consumer<FullHttpResponse> done) {
        if (closed) {
            return;
        }
        current = Subrequests.call(ex, next, method, path, headers, null, r -> {
            if (closed) {
                r.release();
            } else {
                done.accept(r);
            }
        });
    }

    private void send(FullHttpResponse r) {
        current = null;
        if (closed) {
            r.release();
        } else {
            ex.respond(r);
        }
    }

    @Override
    public void content(HttpContent content) {
        content.release(); // GET and HEAD: nothing to read
    }

    @Override
    public void clientClosed() {
        closed = true;
        Operation op = current;
        current = null;
        if (op != null) {
            op.clientClosed();
        }
    }

    @Override
    public void clientWritabilityChanged() {
        Operation op = current;
        if (op != null) {
            op.clientWritabilityChanged();
        }
    }
}
