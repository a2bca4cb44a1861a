package io.cairn.compute.system;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error leaves as OpenStack's {@code {"error": {"code", "title", "message"}}}: refusals the code raises
 * ({@link ApiException}), what WebFlux refuses (unknown route, wrong method, unreadable JSON) and unexpected
 * failures (500, logged with the stack; the client sees no internals).
 */
@Component
@Order(-2) // before Boot's DefaultErrorWebExceptionHandler (-1)
public final class ErrorResponses implements WebExceptionHandler {
    private static final System.Logger LOG = System.getLogger(ErrorResponses.class.getName());

    private final JsonMapper json;
    private final ApiEndpoints endpoints;

    public ErrorResponses(JsonMapper json, ApiEndpoints endpoints) {
        this.json = json;
        this.endpoints = endpoints;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "failure after the response started: "
                            + exchange.getRequest().getPath(),
                    ex);
            return Mono.error(ex);
        }
        HttpStatusCode status;
        String message;
        if (ex instanceof ApiException api) {
            status = api.status();
            message = api.getMessage() == null ? "" : api.getMessage();
        } else if (ex instanceof StoreException) {
            // the object store behind the image service failed; its message names the request, no secrets
            LOG.log(System.Logger.Level.WARNING, "object store failure: " + ex.getMessage());
            status = HttpStatus.SERVICE_UNAVAILABLE;
            message = "The image store is unavailable: " + ex.getMessage();
        } else if (ex instanceof ServerWebInputException input) {
            status = HttpStatus.BAD_REQUEST;
            message = "Malformed request: " + reasonOf(input, "the body could not be read");
        } else if (ex instanceof ResponseStatusException rse) {
            status = rse.getStatusCode();
            message = reasonOf(rse, "");
        } else {
            LOG.log(
                    System.Logger.Level.ERROR,
                    "unexpected failure on " + exchange.getRequest().getMethod() + " "
                            + exchange.getRequest().getPath(),
                    ex);
            status = HttpStatus.INTERNAL_SERVER_ERROR;
            message = "An unexpected error prevented the server from fulfilling your request.";
        }
        if (NovaErrors.isCompute(exchange.getRequest().getPath().value())) {
            return writeNova(response, status, message);
        }
        return write(response, status, message, endpoints.identityUrl());
    }

    /** The compute API's errors take Nova's shape ({@code {"itemNotFound": {"code", "message"}}}). */
    private Mono<Void> writeNova(ServerHttpResponse response, HttpStatusCode status, String message) {
        byte[] body = json.writeValueAsBytes(NovaErrors.body(status.value(), message));
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        response.getHeaders().setContentLength(body.length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    private static String reasonOf(ResponseStatusException e, String fallback) {
        @Nullable String reason = e.getReason();
        return reason == null ? fallback : reason;
    }

    private Mono<Void> write(ServerHttpResponse response, HttpStatusCode status, String message, String identityUrl) {
        HttpStatus known = HttpStatus.resolve(status.value());
        String title = known == null ? "Error" : known.getReasonPhrase();
        byte[] body = json.writeValueAsBytes(
                Map.of("error", Map.of("code", status.value(), "title", title, "message", message)));
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        response.getHeaders().setContentLength(body.length);
        if (status.value() == HttpStatus.UNAUTHORIZED.value()) {
            response.getHeaders().set("WWW-Authenticate", "Keystone uri=\"" + identityUrl + "\"");
        }
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }
}
