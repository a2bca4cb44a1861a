package io.cairn.proxy.formpost;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * FormPost's signature, header parsing and answers against Swift 2.30.1. The signatures were made on Debian's
 * /usr/bin/python3 as Swift's formpost docs say ({@code hmac.new(key.encode('utf8'), '%s\n%s\n%s\n%s\n%s' % (path,
 * redirect, max_file_size, max_file_count, expires), digest)}) and each was then accepted by Swift's own {@code
 * swift.common.middleware.formpost.FormPost} (its {@code _get_keys} returning the key, a stub app answering the
 * PUTs): 201, 303 and 201 (/tmp/fp_vectors.py in the report).
 */
class FormPartsTest {
    private static final List<String> ALL = List.of("sha1", "sha256", "sha512");

    @Test
    void shouldAcceptSignaturesSwiftsFormPostAccepts() {
        assertThat(FormSignature.valid(
                        "a061d8909f37339075d1890546e2e8288b89c86f4a335474dfac1867de12d9f5",
                        FormSignature.message("/v1/AUTH_test/c", "", "1048576", "10", "4102444800"),
                        List.of("other", "secret"),
                        ALL))
                .isTrue();
        assertThat(FormSignature.valid(
                        "cbe094224752a174a5336c36358cfdc6fe7aa4ad",
                        FormSignature.message(
                                "/v1/AUTH_test/c/prefix_", "https://example.com/done?x=1", "100", "3", "4102444800"),
                        List.of("k\u00e9y"),
                        ALL))
                .isTrue();
        assertThat(FormSignature.valid(
                        "sha512:PmQORLEuHX0ywCWRMi8ws4+vTzYB77rZAxhHCxF032BlP4di4uqaMc7UyaBucd/gq8in/DfGw9paEGhvHGiiQA==",
                        FormSignature.message("/v1/AUTH_t\u00fcst/c\u00f6/dir/", "", "0", "1", "4102444800"),
                        List.of("secret"),
                        ALL))
                .isTrue();
    }

    @Test
    void shouldRefuseForgedWrongKeyOrDisallowedSignatures() {
        String message = FormSignature.message("/v1/AUTH_test/c", "", "1048576", "10", "4102444800");
        String good = "a061d8909f37339075d1890546e2e8288b89c86f4a335474dfac1867de12d9f5";
        assertThat(FormSignature.valid(good, message, List.of("wrong"), ALL)).isFalse();
        assertThat(FormSignature.valid(good, message, List.of(), ALL)).isFalse();
        assertThat(FormSignature.valid(good.toUpperCase(java.util.Locale.ROOT), message, List.of("secret"), ALL))
                .as("Swift compares hex as given")
                .isFalse();
        assertThat(FormSignature.valid(good, message, List.of("secret"), List.of("sha512")))
                .isFalse();
        assertThat(FormSignature.valid(good, message + "0", List.of("secret"), ALL))
                .isFalse();
        assertThat(FormSignature.valid("", message, List.of("secret"), ALL)).isFalse();
        assertThat(FormSignature.valid("sha256:!!", message, List.of("secret"), ALL))
                .isFalse();
    }

    @Test
    void shouldParseDispositionsAsSwiftsParseContentDisposition() {
        // values printed by swift.common.utils.parse_content_disposition
        assertThat(Disposition.parse("form-data; name=\"somefile\"; filename=\"test.html\""))
                .isEqualTo(new Disposition("form-data", Map.of("name", "somefile", "filename", "test.html")));
        assertThat(Disposition.parse("multipart/form-data; boundary=----WebKitFormBoundaryx"))
                .isEqualTo(new Disposition("multipart/form-data", Map.of("boundary", "----WebKitFormBoundaryx")));
        assertThat(Disposition.parse("multipart/form-data"))
                .isEqualTo(new Disposition("multipart/form-data", Map.of()));
        assertThat(Disposition.parse(" multipart/form-data ;boundary=\"q b\""))
                .isEqualTo(new Disposition("multipart/form-data", Map.of("boundary", "q b")));
        assertThat(Disposition.parse("form-data; a=1;  b=2")).isEqualTo(new Disposition("form-data", Map.of("a", "1")));
        assertThat(Disposition.parse("form-data; name=\"f\"; filename=\"na\u00efve \u00fc.txt\""))
                .isEqualTo(new Disposition("form-data", Map.of("name", "f", "filename", "na\u00efve \u00fc.txt")));
    }

    @Test
    void shouldAnswerAsSwiftsFormPost() {
        FullHttpResponse created = FormAnswers.result("201 Created", "", null, EmptyHttpHeaders.INSTANCE);
        assertThat(created.status().code()).isEqualTo(201);
        assertThat(created.content().toString(StandardCharsets.UTF_8)).isEqualTo("201 Created");
        assertThat(created.headers().get("Content-Type")).isEqualTo("text/plain");
        created.release();
        FullHttpResponse count =
                FormAnswers.result("400 Bad Request", "max file count exceeded", "", EmptyHttpHeaders.INSTANCE);
        assertThat(count.content().toString(StandardCharsets.UTF_8))
                .isEqualTo("400 Bad Request\r\nFormPost: Max File Count Exceeded");
        count.release();
        FullHttpResponse redirect = FormAnswers.result(
                "400 Bad Request", "max file count exceeded", "https://x.example/a?b=c", EmptyHttpHeaders.INSTANCE);
        assertThat(redirect.status().code()).isEqualTo(303);
        assertThat(redirect.headers().get("Location"))
                .isEqualTo("https://x.example/a?b=c&status=400&message=max%20file%20count%20exceeded");
        assertThat(redirect.content().toString(StandardCharsets.UTF_8))
                .isEqualTo("<html><body><p><a href=\"https://x.example/a?b=c&status=400&message=max%20file%20count"
                        + "%20exceeded\">Click to continue...</a></p></body></html>");
        redirect.release();
        FullHttpResponse unauthorized = FormAnswers.unauthorized("form expired");
        assertThat(unauthorized.content().toString(StandardCharsets.UTF_8)).isEqualTo("FormPost: Form Expired");
        assertThat(unauthorized.headers().get("Www-Authenticate")).isEqualTo("Swift realm=\"unknown\"");
        unauthorized.release();
        assertThat(FormAnswers.title("no files to process")).isEqualTo("No Files To Process");
    }
}
