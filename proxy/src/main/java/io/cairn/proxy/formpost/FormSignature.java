package io.cairn.proxy.formpost;

import io.cairn.proxy.tempurl.TempUrlSignature;
import java.util.List;

/**
 * The signature of a form (Swift's {@code _perform_subrequest}): the HMAC, under one of the TempURL keys, of {@code
 * <path>\n<redirect>\n<max_file_size>\n<max_file_count>\n<expires>} with the fields as given ({@code ''} for a
 * missing redirect, {@code 0} for the others), hex or {@code <digest>:<base64>}.
 *
 * <p>Thread-safety: stateless.
 */
final class FormSignature {
    private FormSignature() {}

    /** Swift's {@code hmac_body}. */
    static String message(String path, String redirect, String maxFileSize, String maxFileCount, String expires) {
        return path + "\n" + redirect + "\n" + maxFileSize + "\n" + maxFileCount + "\n" + expires;
    }

    /**
     * Whether {@code signature} is the HMAC of {@code message} under one of {@code keys} with a digest in {@code
     * allowed}.
     */
    static boolean valid(String signature, String message, List<String> keys, List<String> allowed) {
        TempUrlSignature.Parsed parsed = TempUrlSignature.parse(signature);
        if (parsed == null || !allowed.contains(parsed.algorithm())) {
            return false;
        }
        boolean valid = false;
        for (String key : keys) {
            // every key is tried, as Swift's loop does
            valid |= TempUrlSignature.sameConstantTime(
                    TempUrlSignature.hmacHex(key, message, parsed.algorithm()), parsed.hex());
        }
        return valid;
    }
}
