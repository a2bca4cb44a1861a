package io.cairn.proxy.largeobject;

import io.cairn.common.path.PercentCoding;
import io.cairn.proxy.bulk.BulkResults;
import io.cairn.proxy.swift.BodilessOperation;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.Operation;
import io.cairn.proxy.swift.Subrequests;
import io.cairn.proxy.swift.SwiftApp;
import io.cairn.proxy.swift.SwiftPath;
import io.cairn.proxy.swift.SwiftResponses;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code DELETE ?multipart-manifest=delete} (Swift's {@code handle_multipart_delete} with bulk's {@code
 * handle_delete_iter}): the manifest's segments (sub-SLOs entered, their own manifests deleted after their
 * segments), then the manifest, each by a DELETE subrequest as the client, one at a time; the answer is 200
 * with bulk's result document ({@code Number Deleted}, {@code Number Not Found}, {@code Response Status},
 * {@code Errors}) in the format {@code Accept} picks.
 *
 * <p>Confined to the exchange's event loop.
 */
final class SloDelete extends BodilessOperation {
    /** One object to delete, or an SLO to open first; {@code error} when its manifest could not be read. */
    private static final class Target {
        final String name;
        boolean subSlo;
        int errorCode;
        String errorMessage = "";
        /** The manifest's {@code version-id} (the request's, for the manifest itself; Swift's {@code version_id}). */
        String versionQuery = "";

        Target(String name, boolean subSlo) {
            this.name = name;
            this.subSlo = subSlo;
        }
    }

    private final SwiftApp next;
    private final SloConfig config;
    private final ArrayDeque<Target> queue = new ArrayDeque<>();
    private final List<String[]> failed = new ArrayList<>();
    private @Nullable String format;
    private @Nullable Operation current;
    private long deleted;
    private long notFound;
    private boolean badGateway;
    private boolean over;

    SloDelete(Exchange exchange, SwiftApp next, SloConfig config) {
        super(exchange);
        this.next = next;
        this.config = config;
    }

    @Override
    protected void run() {
        format = LargeObjects.bestResultFormat(exchange.headers().get(HttpHeaderNames.ACCEPT));
        if (format == null) {
            finish("406 Not Acceptable", "");
            return;
        }
        SwiftPath p = exchange.path();
        Target manifest = new Target("/" + p.containerName() + "/" + p.objectName(), true);
        String versionId = LargeObjects.param(p.query(), "version-id");
        if (versionId != null) {
            manifest.versionQuery = "version-id=" + PercentCoding.quote(versionId, "");
        }
        queue.add(manifest);
        step();
    }

    /** {@code get_segments_to_delete_iter} and the deletes, one target at a time. */
    private void step() {
        if (over) {
            return;
        }
        if (queue.size() > (long) config.maxManifestSegments() * 10) {
            finish("400 Bad Request", "Too many buffered slo segments to delete.");
            return;
        }
        Target t = queue.poll();
        if (t == null) {
            done();
            return;
        }
        if (t.subSlo) {
            open(t);
            return;
        }
        if (t.errorCode != 0) {
            if (t.errorCode == 404) {
                notFound++;
            } else {
                failed.add(new String[] {SwiftPath.quote(t.name), t.errorMessage});
            }
            step();
            return;
        }
        delete(t);
    }

    /** {@code get_slo_segments}: reads an SLO's manifest; its segments go first, the SLO itself after them. */
    private void open(Target t) {
        HttpHeaders h = LargeObjects.subrequestHeaders(exchange.headers());
        h.set(HttpHeaderNames.RANGE, "bytes=-1");
        h.set("X-Backend-Ignore-Range-If-Metadata-Present", SloManifest.MARKER);
        current = Subrequests.call(
                exchange, next, HttpMethod.GET, path(t.name, withVersion("multipart-manifest=get", t)), h, null, r -> {
                    current = null;
                    t.subSlo = false;
                    int status = r.status().code();
                    boolean slo = LargeObjects.isTrue(r.headers().get(SloManifest.MARKER));
                    String body = r.content().toString(StandardCharsets.UTF_8);
                    r.release();
                    if (status >= 200 && status < 300 && slo) {
                        for (Map<String, Object> seg : SloManifest.readStored(body)) {
                            if (!seg.containsKey("data")) {
                                queue.add(new Target(
                                        String.valueOf(seg.get("name")),
                                        LargeObjects.isTrue(String.valueOf(seg.get("sub_slo")))));
                            }
                        }
                    } else {
                        setError(t, status, slo);
                    }
                    queue.add(t);
                    step();
                });
    }

    private static void setError(Target t, int status, boolean slo) {
        if (status >= 200 && status < 300 && !slo) {
            t.errorCode = 400;
            t.errorMessage = "Not an SLO manifest";
        } else if (status == 404) {
            t.errorCode = 404;
            t.errorMessage = "SLO manifest not found";
        } else if (status == 401) {
            t.errorCode = 401;
            t.errorMessage = "401 Unauthorized";
        } else {
            t.errorCode = 500;
            t.errorMessage = "Unable to load SLO manifest or segment.";
        }
    }

    private void delete(Target t) {
        HttpHeaders h = LargeObjects.subrequestHeaders(exchange.headers());
        current = Subrequests.call(exchange, next, HttpMethod.DELETE, path(t.name, t.versionQuery), h, null, r -> {
            current = null;
            int status = r.status().code();
            r.release();
            if (status / 100 == 2) {
                deleted++;
            } else if (status == 404) {
                notFound++;
            } else if (status == 401) {
                failed.add(new String[] {SwiftPath.quote(t.name), "401 Unauthorized"});
            } else {
                badGateway |= status / 100 == 5;
                failed.add(new String[] {
                    SwiftPath.quote(t.name), SwiftResponses.status(status).toString()
                });
            }
            step();
        });
    }

    private static String withVersion(String query, Target t) {
        return t.versionQuery.isEmpty() ? query : query + "&" + t.versionQuery;
    }

    private SwiftPath path(String name, String query) {
        String co = SloManifest.lstrip(name, '/');
        int slash = co.indexOf('/');
        SwiftPath p = exchange.path();
        return slash < 0
                ? new SwiftPath(p.version(), p.account(), co, "", query)
                : new SwiftPath(p.version(), p.account(), co.substring(0, slash), co.substring(slash + 1), query);
    }

    private void done() {
        if (!failed.isEmpty()) {
            finish(badGateway ? "502 Bad Gateway" : "400 Bad Request", "");
        } else if (deleted == 0 && notFound == 0) {
            finish("400 Bad Request", "Invalid bulk delete.");
        } else {
            finish("200 OK", "");
        }
    }

    private void finish(String status, String message) {
        if (over) {
            return;
        }
        over = true;
        Map<String, Object> doc = BulkResults.deleteSummary(status, message, deleted, notFound);
        String f = format == null ? "text/plain" : format;
        LargeObjects.sendChunked(exchange, 200, f, LargeObjects.resultBody(f, doc, failed, "delete"));
    }

    @Override
    public void clientClosed() {
        over = true;
        Operation c = current;
        if (c != null) {
            c.clientClosed();
        }
    }
}
