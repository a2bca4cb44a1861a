package io.cairn.proxy.bulk;

import io.cairn.common.path.Names;
import io.cairn.common.path.PercentCoding;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.Operation;
import io.cairn.proxy.swift.Subrequests;
import io.cairn.proxy.swift.SwiftApp;
import io.cairn.proxy.swift.SwiftPath;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST|DELETE ?bulk-delete} (Swift's {@code handle_delete_iter}): the body is a newline list of quoted
 * {@code container/object} or {@code container} names; objects are deleted first, then containers, {@code
 * delete_concurrency} at a time, each as the caller; the answer is the result document (deleted, not found, and
 * each failure as {@code [quoted name, status]} in the order the deletes were sent).
 *
 * <p>Confined to the exchange's event loop.
 */
final class BulkDelete implements Operation {
    private final Exchange exchange;
    private final SwiftApp next;
    private final BulkConfig config;
    private final ResultStream out;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final List<Name> names = new ArrayList<>();
    private final ArrayDeque<Name> queue = new ArrayDeque<>();
    /** The containers, deleted once every object delete has been answered (Swift's second pile). */
    private final ArrayDeque<Name> containers = new ArrayDeque<>();

    private final ArrayDeque<InFlight> inFlight = new ArrayDeque<>();
    private final List<String[]> failed = new ArrayList<>();
    private int deleted;
    private int notFound;
    private boolean badGateway;
    private boolean reading = true;
    private boolean done;
    private @Nullable String refusal;
    private int refusalStatus;

    /**
     * One name of the list: decoded (invalid UTF-8 kept apart, as Swift's surrogate escapes), and quoted from its
     * bytes as the document lists it.
     */
    private record Name(String text, String quoted, boolean valid) {
        static Name of(byte[] bytes) {
            return new Name(
                    new String(bytes, StandardCharsets.UTF_8),
                    PercentCoding.quote(bytes),
                    Names.checkUtf8(bytes, 0, bytes.length, false));
        }
    }

    /** One delete sent, and its answer once it came. */
    private static final class InFlight {
        final Name name;

        @Nullable
        Operation op;

        @Nullable
        FullHttpResponse answer;

        InFlight(Name name) {
            this.name = name;
        }
    }

    BulkDelete(Exchange exchange, SwiftApp next, BulkConfig config, @Nullable String format) {
        this.exchange = exchange;
        this.next = next;
        this.config = config;
        this.out = new ResultStream(exchange, format, config.yieldFrequencySeconds());
    }

    @Override
    public void start() {
        HttpHeaders h = exchange.headers();
        if (out.format() == null) {
            refuse(406, "");
        } else if (!h.get("Content-Type", "text/plain").startsWith("text/plain") && h.contains("Content-Type")) {
            refuse(406, "");
        } else if (!h.contains("Content-Length")
                && !h.get("Transfer-Encoding", "").equalsIgnoreCase("chunked")) {
            refuse(411, "");
        }
        if (exchange.requestComplete()) {
            bodyEnded();
        }
    }

    /** An error raised while reading the list: it becomes the document's status, the body is dropped. */
    private void refuse(int status, String body) {
        if (refusal == null) {
            refusal = body;
            refusalStatus = status;
        }
    }

    @Override
    public void content(HttpContent content) {
        boolean last = content instanceof LastHttpContent;
        if (reading && refusal == null) {
            take(content.content());
        }
        content.release();
        if (last) {
            bodyEnded();
        }
    }

    /** {@code get_objs_to_delete}, as the body arrives. */
    private void take(ByteBuf data) {
        while (data.isReadable() && refusal == null) {
            byte b = data.readByte();
            if (b == '\n') {
                addName(line.toByteArray());
                line.reset();
            } else {
                line.write(b);
            }
            if (names.size() > config.maxDeletes()) {
                refuse(413, "Maximum Bulk Deletes: " + config.maxDeletes() + " per request");
            } else if (line.size() > BulkConfig.MAX_PATH_LENGTH * 2) {
                refuse(400, "Invalid File Name");
            }
        }
    }

    private void addName(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1).strip();
        names.add(Name.of(PercentCoding.unquoteToBytes(text)));
    }

    private void bodyEnded() {
        if (!reading) {
            return;
        }
        reading = false;
        if (refusal == null && line.size() > 0) {
            byte[] rest = line.toByteArray();
            line.reset();
            if (!new String(rest, StandardCharsets.ISO_8859_1).strip().isEmpty()) {
                addName(rest);
            }
            if (names.size() > config.maxDeletes()) {
                refuse(413, "Maximum Bulk Deletes: " + config.maxDeletes() + " per request");
            }
        }
        out.start();
        if (refusal != null) {
            finish(ResultStream.status(refusalStatus), refusal);
            return;
        }
        for (Name n : names) {
            if (!n.text().isEmpty() && strip(n.text()).contains("/")) {
                queue.add(n);
            }
        }
        for (Name n : names) {
            if (!n.text().isEmpty() && !strip(n.text()).contains("/")) {
                containers.add(n);
            }
        }
        pump();
    }

    /** {@code name.strip('/')}. */
    private static String strip(String n) {
        int a = 0;
        int b = n.length();
        while (a < b && n.charAt(a) == '/') {
            a++;
        }
        while (b > a && n.charAt(b - 1) == '/') {
            b--;
        }
        return n.substring(a, b);
    }

    /** Starts deletes up to the concurrency, and handles answers in the order the deletes were sent. */
    private void pump() {
        while (!inFlight.isEmpty() && inFlight.peek().answer != null) {
            InFlight f = inFlight.poll();
            FullHttpResponse r = f.answer;
            if (r != null) {
                process(f.name, r);
            }
        }
        if (done) {
            return;
        }
        boolean tooManyFailures = failed.size() >= config.maxFailedDeletes();
        while (!tooManyFailures && inFlight.size() < config.deleteConcurrency() && !queue.isEmpty()) {
            send(queue.poll());
            tooManyFailures = failed.size() >= config.maxFailedDeletes();
        }
        if (!inFlight.isEmpty()) {
            return;
        }
        if (tooManyFailures) {
            queue.clear();
            containers.clear();
            finish(ResultStream.status(400), "Max delete failures exceeded");
        } else if (!containers.isEmpty()) {
            queue.addAll(containers);
            containers.clear();
            pump();
        } else if (queue.isEmpty()) {
            complete();
        }
    }

    private void send(Name name) {
        SwiftPath p = exchange.path();
        if (!name.valid()) {
            failed.add(new String[] {name.quoted(), ResultStream.status(412)});
            return;
        }
        String[] parts = lstrip(name.text()).split("/", 2);
        SwiftPath target = new SwiftPath(
                p.version(), p.account(), parts[0], parts.length > 1 && !parts[1].isEmpty() ? parts[1] : null, "");
        InFlight f = new InFlight(name);
        inFlight.add(f);
        HttpHeaders h = new DefaultHttpHeaders();
        String token = exchange.headers().get("X-Auth-Token");
        if (token != null) {
            h.set("X-Auth-Token", token);
        }
        f.op = Subrequests.call(exchange, next, HttpMethod.DELETE, target, h, Unpooled.EMPTY_BUFFER, r -> {
            f.answer = r;
            f.op = null;
            pump();
        });
    }

    private static String lstrip(String n) {
        int a = 0;
        while (a < n.length() && n.charAt(a) == '/') {
            a++;
        }
        return n.substring(a);
    }

    /** {@code _process_delete}. */
    private void process(Name name, FullHttpResponse r) {
        int status = r.status().code();
        String line = r.status().toString();
        r.release();
        if (status / 100 == 2) {
            deleted++;
        } else if (status == 404) {
            notFound++;
        } else if (status == 401) {
            failed.add(new String[] {name.quoted(), ResultStream.status(401)});
        } else {
            badGateway |= status / 100 == 5;
            failed.add(new String[] {name.quoted(), line});
        }
    }

    private void complete() {
        if (!failed.isEmpty()) {
            finish(ResultStream.status(badGateway ? 502 : 400), "");
        } else if (deleted == 0 && notFound == 0) {
            finish(ResultStream.status(400), "Invalid bulk delete.");
        } else {
            finish(ResultStream.status(200), "");
        }
    }

    private void finish(String status, String body) {
        if (done) {
            return;
        }
        done = true;
        out.finish(BulkResults.deleteSummary(status, body, deleted, notFound), failed, "delete");
    }

    @Override
    public void clientClosed() {
        done = true;
        out.close();
        queue.clear();
        containers.clear();
        for (InFlight f : inFlight) {
            Operation op = f.op;
            if (op != null) {
                op.clientClosed();
            }
            FullHttpResponse r = f.answer;
            if (r != null) {
                r.release();
            }
        }
        inFlight.clear();
    }

    @Override
    public void clientWritabilityChanged() {}
}
