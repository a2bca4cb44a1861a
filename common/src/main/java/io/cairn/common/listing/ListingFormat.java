package io.cairn.common.listing;

/** The three listing body formats; Swift picks one from the negotiated content type's suffix. */
public enum ListingFormat {
    PLAIN,
    JSON,
    XML;

    /** Swift's rule in {@code create_listing}: {@code …/xml} → XML, {@code …/json} → JSON, else plain. */
    public static ListingFormat ofContentType(String contentType) {
        if (contentType.endsWith("/xml")) {
            return XML;
        }
        if (contentType.endsWith("/json")) {
            return JSON;
        }
        return PLAIN;
    }
}
