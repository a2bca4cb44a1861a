package io.cairn.common.path;

import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Swift 2.30.1's request checks on names and metadata, answering exactly as Swift does: each method
 * returns null when Swift would accept, else the status and body Swift sends. Sources: {@code
 * proxy/server.py handle_request} and the storage servers' {@code __call__} (path UTF-8, 412), {@code
 * proxy/controllers/account.py}, {@code container.py} and {@code constraints.check_object_creation}
 * (name lengths, 400), {@code request_helpers.validate_internal_*} (reserved namespace, 400) and
 * {@code constraints.check_metadata} (400).
 *
 * <p>Names are decoded Java strings and lengths count code points (Python 3 {@code len(str)}); headers
 * and paths are wire strings (see {@link Names}), and metadata lengths count bytes, as Swift's WSGI
 * strings do.
 *
 * <p>Thread-safety: immutable.
 */
public final class NameValidator {
    /** Swift's {@code MISPLACED_OBJECTS_ACCOUNT}, exempt from the object reserved-namespace rules. */
    public static final String MISPLACED_OBJECTS_ACCOUNT = ".misplaced_objects";

    private final Constraints constraints;

    public NameValidator(Constraints constraints) {
        this.constraints = constraints;
    }

    /** The limits this validator applies. */
    public Constraints constraints() {
        return constraints;
    }

    /**
     * The request path (wire form, still percent-decoded as WSGI's {@code PATH_INFO}) must be valid UTF-8
     * without NUL unless reserved names are allowed: 412 {@code Invalid UTF8 or contains NULL}.
     */
    public @Nullable ConstraintViolation checkPath(CharSequence wirePath, boolean allowReservedNames) {
        if (Names.checkUtf8(wirePath, allowReservedNames)) {
            return null;
        }
        return new ConstraintViolation(ConstraintViolation.PRECONDITION_FAILED, "Invalid UTF8 or contains NULL");
    }

    /** {@code Account name length of N longer than M}; the limit doubles for auto-create accounts. */
    public @Nullable ConstraintViolation checkAccountName(String account) {
        return checkLength("Account", account, constraints.maxAccountNameLength() * multiplier(account));
    }

    /** {@code Container name length of N longer than M}; the limit doubles in auto-create accounts. */
    public @Nullable ConstraintViolation checkContainerName(String account, String container) {
        return checkLength("Container", container, constraints.maxContainerNameLength() * multiplier(account));
    }

    /** {@code Object name length of N longer than M}. */
    public @Nullable ConstraintViolation checkObjectName(String object) {
        return checkLength("Object", object, constraints.maxObjectNameLength());
    }

    private int multiplier(String account) {
        return account.startsWith(constraints.autoCreateAccountPrefix()) ? 2 : 1;
    }

    private static @Nullable ConstraintViolation checkLength(String type, String name, int limit) {
        int length = name.codePointCount(0, name.length());
        if (length <= limit) {
            return null;
        }
        return badRequest(type + " name length of " + length + " longer than " + limit);
    }

    /**
     * Swift's {@code validate_internal_obj} / {@code _container} / {@code _account} (for requests that
     * may use reserved names): a name containing NUL must start with it, and an object is in the
     * reserved namespace exactly when its container is (except in auto-create accounts and {@code
     * .misplaced_objects}).
     *
     * @param container null or empty to check only the account
     * @param object null or empty to check only account and container
     */
    public @Nullable ConstraintViolation checkReservedNames(
            String account, @Nullable String container, @Nullable String object) {
        if (misplacedReserved(account)) {
            return badRequest("Invalid reserved-namespace account");
        }
        if (container == null || container.isEmpty()) {
            return null;
        }
        if (misplacedReserved(container)) {
            return badRequest("Invalid reserved-namespace container");
        }
        if (object == null
                || object.isEmpty()
                || account.startsWith(constraints.autoCreateAccountPrefix())
                || account.equals(MISPLACED_OBJECTS_ACCOUNT)) {
            return null;
        }
        if (misplacedReserved(object)) {
            return badRequest("Invalid reserved-namespace object");
        }
        if (Names.isReserved(container) && !Names.isReserved(object)) {
            return badRequest("Invalid user-namespace object in reserved-namespace container");
        }
        if (Names.isReserved(object) && !Names.isReserved(container)) {
            return badRequest("Invalid reserved-namespace object in user-namespace container");
        }
        return null;
    }

    private static boolean misplacedReserved(String name) {
        return name.indexOf(Names.RESERVED) > 0;
    }

    /**
     * Swift's {@code check_metadata}: walks all request headers in the order received (wire form) and
     * returns the first violation: a header value over {@code max_header_size}, an empty metadata name,
     * non-UTF-8 account/container metadata, a name or value too long, too many items, or too much in
     * total.
     *
     * <p>Header names appear in messages as Swift's WSGI layer rebuilds them ({@code
     * x-object-meta-foo_bar} → {@code X-Object-Meta-Foo-Bar}); only ASCII letters change case.
     */
    public @Nullable ConstraintViolation checkMetadata(
            Iterable<? extends Map.Entry<String, String>> headers, MetadataTarget target) {
        String prefix = target.prefix();
        int count = 0;
        long size = 0;
        for (Map.Entry<String, String> header : headers) {
            String key = header.getKey();
            String value = header.getValue();
            if (value.length() > constraints.maxHeaderSize()) {
                String name = wsgiHeaderName(key);
                return badRequest("Header value too long: "
                        + name.substring(0, Math.min(name.length(), constraints.maxMetaNameLength())));
            }
            if (!key.regionMatches(true, 0, prefix, 0, prefix.length())) {
                continue;
            }
            String metaName = wsgiHeaderName(key).substring(prefix.length());
            if (metaName.isEmpty()) {
                return badRequest("Metadata name cannot be empty");
            }
            if (target.requiresUtf8()
                    && (!Names.checkUtf8(metaName, false) || (!value.isEmpty() && !Names.checkUtf8(value, false)))) {
                return badRequest("Metadata must be valid UTF-8");
            }
            count++;
            size += metaName.length() + value.length();
            @Nullable ConstraintViolation v = checkOneItem(prefix, metaName, value, count, size);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private @Nullable ConstraintViolation checkOneItem(
            String prefix, String metaName, String value, int count, long size) {
        if (metaName.length() > constraints.maxMetaNameLength()) {
            return badRequest("Metadata name too long: " + prefix + metaName);
        }
        if (value.length() > constraints.maxMetaValueLength()) {
            return badRequest(
                    "Metadata value longer than " + constraints.maxMetaValueLength() + ": " + prefix + metaName);
        }
        if (count > constraints.maxMetaCount()) {
            return badRequest("Too many metadata items; max " + constraints.maxMetaCount());
        }
        if (size > constraints.maxMetaOverallSize()) {
            return badRequest("Total metadata too large; max " + constraints.maxMetaOverallSize());
        }
        return null;
    }

    /**
     * A header name as Swift sees it after the WSGI round trip: the server's {@code HTTP_} +
     * {@code upper()} with {@code -} as {@code _}, then swob's {@code _} as {@code -} and Python's
     * {@code str.title()} — on the wire chars (latin-1, as Netty and WSGI decode them), so non-ASCII letters
     * change case as Python changes them ({@code ß} becomes {@code Ss}). Checked against Python for every
     * pair of latin-1 chars by {@code WsgiHeaderNameGoldenTest}.
     */
    public static String wsgiHeaderName(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(upper.length());
        boolean previousCased = false;
        for (int i = 0; i < upper.length(); i++) {
            char c = upper.charAt(i);
            if (c == '_') {
                c = '-';
            }
            boolean cased = Character.isUpperCase(c) || Character.isLowerCase(c) || Character.isTitleCase(c);
            if (!cased) {
                out.append(c);
            } else if (previousCased) {
                out.append(Character.toLowerCase(c));
            } else {
                out.append(Character.toTitleCase(c));
            }
            previousCased = cased;
        }
        return out.toString();
    }

    private static ConstraintViolation badRequest(String body) {
        return new ConstraintViolation(ConstraintViolation.BAD_REQUEST, body);
    }
}
