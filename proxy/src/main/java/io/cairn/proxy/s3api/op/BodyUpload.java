package io.cairn.proxy.s3api.op;

import io.cairn.proxy.s3api.S3Request;
import io.cairn.proxy.s3api.auth.AwsChunkedDecoder;
import io.cairn.proxy.s3api.auth.PayloadMode;
import io.cairn.proxy.s3api.auth.S3Auth;
import io.cairn.proxy.s3api.auth.SigV4;
import io.cairn.proxy.s3api.checksum.ChecksumAlgorithm;
import io.cairn.proxy.s3api.error.S3ErrorCode;
import io.cairn.proxy.s3api.error.S3Exception;
import io.cairn.proxy.swift.BodySource;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.Operation;
import io.cairn.proxy.swift.ResponseSink;
import io.cairn.proxy.swift.Subrequests;
import io.cairn.proxy.swift.SwiftApp;
import io.cairn.proxy.swift.SwiftPath;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Streams an S3 request body into a Swift PUT (PutObject, UploadPart): decodes aws-chunked bodies, checks the
 * payload's SHA-256, chunk signatures, trailers and the additional checksum ({@code x-amz-checksum-*} in a header
 * or the trailer) as the bytes pass, and holds back the last piece until every check passed, so a body that
 * fails one never completes the Swift PUT and nothing is stored. Back-pressure is the PUT's, applied to the
 * client channel.
 *
 * <p>Confined to the exchange's event loop.
 */
final class BodyUpload implements ResponseSink {
    private final Exchange ex;
    private final S3Request req;
    private final Consumer<FullHttpResponse> done;
    private final Consumer<S3Exception> failed;
    private final @Nullable AwsChunkedDecoder decoder;
    private final @Nullable MessageDigest sha256;
    private final @Nullable ChecksumAlgorithm algorithm;
    private final ChecksumAlgorithm.@Nullable Digest checksum;
    private final @Nullable String expectedChecksum;
    private @Nullable Operation put;
    private @Nullable ByteBuf held;
    private @Nullable HttpResponse head;
    private boolean over;
    private @Nullable String computedChecksum;
    /** SSE-C: the cipher the body passes through after every check of its plaintext. */
    private SseC.@Nullable Ctr encrypt;
    /** SSE-C: the plaintext's MD5, when a {@code Content-MD5} (which Swift cannot check on ciphertext) came. */
    private @Nullable MessageDigest md5;

    private byte @Nullable [] expectedMd5;

    /**
     * @param checks what the body must satisfy (from {@link #checksFor})
     * @param done the Swift PUT's answer (released by the caller)
     * @param failed a check failed or the client broke off: nothing was stored
     */
    BodyUpload(
            Exchange ex, S3Request req, Checks checks, Consumer<FullHttpResponse> done, Consumer<S3Exception> failed) {
        this.ex = ex;
        this.req = req;
        this.done = done;
        this.failed = failed;
        S3Auth auth = req.auth();
        PayloadMode mode = auth.payload();
        this.decoder = mode.chunked()
                ? new AwsChunkedDecoder(auth.chunkSigning(), mode.trailer(), checks.decodedLength(), this::forward)
                : null;
        this.sha256 = auth.payloadSha256() != null ? SigV4.sha256() : null;
        this.algorithm = checks.algorithm();
        this.checksum = checks.algorithm() == null ? null : checks.algorithm().newDigest();
        this.expectedChecksum = checks.expected();
    }

    /**
     * The additional checksum to compute and the value it must have (null when it comes in the trailer).
     *
     * @param decodedLength the body's length after aws-chunked decoding, or -1
     */
    record Checks(
            @Nullable ChecksumAlgorithm algorithm, @Nullable String expected, long decodedLength) {}

    /**
     * Reads the checksum headers ({@code x-amz-checksum-*}, {@code x-amz-sdk-checksum-algorithm}, {@code
     * x-amz-trailer}) and the decoded length of an aws-chunked body.
     */
    static Checks checksFor(S3Request req) {
        HttpHeaders h = req.clientHeaders();
        ChecksumAlgorithm algorithm = null;
        String expected = null;
        for (ChecksumAlgorithm a : ChecksumAlgorithm.values()) {
            String v = h.get(a.header());
            if (v != null) {
                if (algorithm != null) {
                    throw new S3Exception(
                            S3ErrorCode.InvalidRequest,
                            "Expecting a single x-amz-checksum- header. Multiple checksum" + " Types are not allowed.");
                }
                algorithm = a;
                expected = v.strip();
            }
        }
        String trailer = h.get("x-amz-trailer");
        if (algorithm == null && trailer != null) {
            algorithm = ChecksumAlgorithm.of(trailer.strip().replace("x-amz-checksum-", ""));
            if (algorithm == null) {
                throw S3Exception.invalidArgument(
                        "x-amz-trailer",
                        trailer,
                        "The value specified in the x-amz-trailer" + " header is not supported");
            }
        }
        String sdk = h.get("x-amz-sdk-checksum-algorithm");
        if (algorithm == null && sdk != null) {
            algorithm = ChecksumAlgorithm.of(sdk);
            if (algorithm == null) {
                throw S3Exception.invalidArgument(
                        "x-amz-sdk-checksum-algorithm", sdk, "Checksum algorithm provided is unsupported.");
            }
        }
        long decoded = -1;
        if (req.auth().payload().chunked()) {
            String d = h.get("x-amz-decoded-content-length");
            if (d == null) {
                throw new S3Exception(S3ErrorCode.MissingContentLength);
            }
            try {
                decoded = Long.parseLong(d.strip());
            } catch (NumberFormatException e) {
                throw S3Exception.invalidArgument("x-amz-decoded-content-length", d, null);
            }
        }
        return new Checks(algorithm, expected, decoded);
    }

    /** Starts the Swift PUT of {@code path} with {@code headers} through {@code app}. */
    void start(SwiftApp app, SwiftPath path, HttpHeaders headers) {
        Operation op = Subrequests.upload(ex, app, HttpMethod.PUT, path, headers, source, this);
        put = op;
        if (op != null) {
            op.start();
        }
    }

    /**
     * Encrypts the body with {@code ctr} (SSE-C) once its plaintext has been checked; {@code contentMd5} is the
     * plaintext's MD5 the client gave (null for none), checked here as Swift can check only the ciphertext's.
     */
    void encryptWith(SseC.Ctr ctr, byte @Nullable [] contentMd5) {
        encrypt = ctr;
        if (contentMd5 != null) {
            expectedMd5 = contentMd5;
            try {
                md5 = MessageDigest.getInstance("MD5");
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("MD5 is part of every JDK", e);
            }
        }
    }

    /** The subrequest to tell about the client. */
    @Nullable
    Operation operation() {
        return put;
    }

    /** One chunk of the client's body (released or passed on here). */
    void content(HttpContent content) {
        if (over) {
            content.release();
            return;
        }
        try {
            AwsChunkedDecoder d = decoder;
            if (d != null) {
                d.feed(content.content());
            } else if (content.content().isReadable()) {
                forward(content.content().retain());
            }
            if (content instanceof LastHttpContent) {
                finishBody();
            }
        } catch (S3Exception e) {
            fail(e);
        } finally {
            content.release();
        }
    }

    private void forward(ByteBuf piece) {
        if (over) {
            piece.release();
            return;
        }
        MessageDigest s = sha256;
        if (s != null) {
            s.update(piece.nioBuffer());
        }
        ChecksumAlgorithm.Digest c = checksum;
        if (c != null) {
            c.update(piece.nioBuffer());
        }
        MessageDigest m = md5;
        if (m != null) {
            m.update(piece.nioBuffer());
        }
        SseC.Ctr e = encrypt;
        ByteBuf previous = held;
        held = e == null ? piece : e.apply(piece);
        Operation op = put;
        if (previous != null) {
            if (op != null) {
                op.content(new DefaultHttpContent(previous));
            } else {
                previous.release();
            }
        }
    }

    private void finishBody() {
        AwsChunkedDecoder d = decoder;
        if (d != null) {
            d.finish();
        }
        MessageDigest s = sha256;
        String want = req.auth().payloadSha256();
        if (s != null && want != null) {
            String got = SigV4.hex(s.digest());
            if (!got.equals(want)) {
                throw new S3Exception(S3ErrorCode.XAmzContentSHA256Mismatch)
                        .with("ClientComputedContentSHA256", want)
                        .with("S3ComputedContentSHA256", got);
            }
        }
        checkChecksum(d);
        MessageDigest m = md5;
        byte[] wantMd5 = expectedMd5;
        if (m != null && wantMd5 != null && !MessageDigest.isEqual(m.digest(), wantMd5)) {
            throw new S3Exception(S3ErrorCode.BadDigest);
        }
        Operation op = put;
        ByteBuf last = held;
        held = null;
        if (op == null) {
            if (last != null) {
                last.release();
            }
            return;
        }
        op.content(last == null ? LastHttpContent.EMPTY_LAST_CONTENT : new DefaultLastHttpContent(last));
    }

    private void checkChecksum(@Nullable AwsChunkedDecoder d) {
        ChecksumAlgorithm a = algorithm;
        ChecksumAlgorithm.Digest c = checksum;
        if (a == null || c == null) {
            return;
        }
        String got = Base64.getEncoder().encodeToString(c.digest());
        String want = expectedChecksum;
        if (want == null && d != null) {
            want = d.trailers().get(a.header());
        }
        if (want == null) {
            // x-amz-sdk-checksum-algorithm without a value: S3 computes and stores it
            computedChecksum = got;
            return;
        }
        if (!got.equals(want)) {
            throw new S3Exception(
                    S3ErrorCode.BadDigest,
                    "The " + a.wireName() + " you specified did not match the calculated " + "checksum.");
        }
        computedChecksum = got;
    }

    /** The verified (or computed) checksum, once the body is whole. */
    @Nullable
    String checksumValue() {
        return computedChecksum;
    }

    @Nullable
    ChecksumAlgorithm algorithm() {
        return algorithm;
    }

    private void fail(S3Exception e) {
        if (over) {
            return;
        }
        over = true;
        ByteBuf h = held;
        held = null;
        if (h != null) {
            h.release();
        }
        Operation op = put;
        put = null;
        if (op != null) {
            op.clientClosed();
        }
        failed.accept(e);
    }

    /** The client went away: abort the PUT. */
    void clientClosed() {
        fail(new S3Exception(S3ErrorCode.IncompleteBody));
    }

    /** The PUT paces the client channel through this source. */
    private final BodySource source = new BodySource() {
        @Override
        public void pause() {
            ex.channel().config().setAutoRead(false);
        }

        @Override
        public void resume() {
            if (!ex.requestComplete()) {
                ex.channel().config().setAutoRead(true);
                ex.channel().read();
            }
        }

        @Override
        public void ready() {
            if (HttpUtil.is100ContinueExpected(ex.request()) && !ex.requestComplete()) {
                ex.channel()
                        .writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
            }
        }

        @Override
        public void abort() {
            // the PUT failed: its answer (to this sink) says why
        }
    };

    // ResponseSink: the PUT's answer

    @Override
    public void respond(FullHttpResponse response) {
        if (over) {
            response.release();
            return;
        }
        over = true;
        ByteBuf h = held;
        held = null;
        if (h != null) {
            h.release();
        }
        done.accept(response);
    }

    @Override
    public void startResponse(HttpResponse h) {
        head = h;
    }

    @Override
    public void writeBody(HttpContent content) {
        content.release();
    }

    @Override
    public void endResponse(LastHttpContent last) {
        last.release();
        HttpResponse h = head;
        if (h != null) {
            respond(new DefaultFullHttpResponse(
                    h.protocolVersion(),
                    h.status(),
                    Unpooled.EMPTY_BUFFER,
                    h.headers(),
                    io.netty.handler.codec.http.EmptyHttpHeaders.INSTANCE));
        }
    }

    @Override
    public void abort() {
        fail(new S3Exception(S3ErrorCode.InternalError));
    }

    @Override
    public boolean isWritable() {
        return true;
    }
}
