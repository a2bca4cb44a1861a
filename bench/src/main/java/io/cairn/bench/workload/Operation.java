package io.cairn.bench.workload;

/** The Swift API operations the generator issues; each names its HTTP method and the statuses that mean success. */
public enum Operation {
    /** Object upload: {@code PUT /v1/acct/cont/obj}, 201. */
    PUT("PUT"),
    /** Object download: {@code GET /v1/acct/cont/obj}, 200. */
    GET("GET"),
    /** Object metadata: {@code HEAD /v1/acct/cont/obj}, 200. */
    HEAD("HEAD"),
    /** Object removal: {@code DELETE /v1/acct/cont/obj}, 204. */
    DELETE("DELETE"),
    /** One page of a container listing: {@code GET /v1/acct/cont?format=json&limit=L&marker=M}, 200 (204 if empty). */
    LIST("GET");

    private final String method;

    Operation(String method) {
        this.method = method;
    }

    /** The HTTP method. */
    public String method() {
        return method;
    }

    /** Whether {@code status} is the success answer for this operation. */
    public boolean isSuccess(int status) {
        return switch (this) {
            case PUT -> status == 201;
            case GET, HEAD -> status == 200;
            case DELETE -> status == 204;
            case LIST -> status == 200 || status == 204;
        };
    }
}
