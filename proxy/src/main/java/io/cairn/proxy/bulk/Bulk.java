package io.cairn.proxy.bulk;

import io.cairn.common.concurrent.NamedThreadFactory;
import io.cairn.common.config.ConfigSection;
import io.cairn.proxy.swift.Answer;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.Middleware;
import io.cairn.proxy.swift.Operation;
import io.cairn.proxy.swift.QueryParams;
import io.cairn.proxy.swift.SwiftApp;
import io.cairn.proxy.swift.SwiftResponses;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code bulk} filter: {@code PUT ?extract-archive=FORMAT} ({@link ExtractArchive}) and {@code POST|DELETE
 * ?bulk-delete} ({@link BulkDelete}); everything else passes. It sits above server-side copy (Swift's sample
 * pipeline puts it between {@code tempurl} and the auth filter), so its writes and deletes go through the whole
 * pipeline as the caller's own requests would.
 *
 * <p>Immutable; the archive reads run on its worker threads (daemon threads, idle ones end after a minute).
 */
public final class Bulk implements Middleware {
    private final BulkConfig config;
    private final Executor worker;

    Bulk(BulkConfig config, Executor worker) {
        this.config = config;
        this.worker = worker;
    }

    /** {@code [filter:bulk]}; unknown keys go to {@code warnings}. */
    public static Bulk from(ConfigSection section, List<String> warnings) {
        ExecutorService pool = new ThreadPoolExecutor(
                0, 64, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), NamedThreadFactory.numbered("bulk-archive"));
        return new Bulk(BulkConfig.from(section, warnings), pool);
    }

    @Override
    public boolean aboveCopy() {
        return true;
    }

    @Override
    public void registerInfo(Map<String, Object> info) {
        Map<String, Object> upload = new LinkedHashMap<>();
        upload.put("max_containers_per_extraction", config.maxContainers());
        upload.put("max_failed_extractions", config.maxFailedExtractions());
        info.put("bulk_upload", upload);
        Map<String, Object> delete = new LinkedHashMap<>();
        delete.put("max_deletes_per_request", config.maxDeletes());
        delete.put("max_failed_deletes", config.maxFailedDeletes());
        info.put("bulk_delete", delete);
    }

    @Override
    public @Nullable Operation operationFor(Exchange ex, SwiftApp next) {
        String query = ex.path().query();
        if (!query.contains("extract-archive") && !query.contains("bulk-delete")) {
            return next.operationFor(ex);
        }
        Map<String, String> params = QueryParams.parse(query);
        String m = ex.method().name();
        String extract = params.get("extract-archive");
        @Nullable String format = BulkResults.bestFormat(ex.headers().get(HttpHeaderNames.ACCEPT));
        if (params.containsKey("bulk-delete") && (m.equals("POST") || m.equals("DELETE"))) {
            return new BulkDelete(ex, next, config, format);
        }
        if (extract != null && m.equals("PUT")) {
            String type = strip(extract.toLowerCase(Locale.ROOT));
            String compression = switch (type) {
                case "tar" -> "";
                case "tar.gz" -> "gz";
                case "tar.bz2" -> "bz2";
                default -> null;
            };
            if (compression == null) {
                return Answer.afterBody(ex, SwiftResponses.withText(400, "Unsupported archive format"));
            }
            return new ExtractArchive(ex, next, config, compression, format, worker);
        }
        return next.operationFor(ex);
    }

    /** {@code s.strip('.')}. */
    private static String strip(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && s.charAt(a) == '.') {
            a++;
        }
        while (b > a && s.charAt(b - 1) == '.') {
            b--;
        }
        return s.substring(a, b);
    }
}
