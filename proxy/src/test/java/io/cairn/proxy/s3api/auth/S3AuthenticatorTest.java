package io.cairn.proxy.s3api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.proxy.s3api.error.S3ErrorCode;
import io.cairn.proxy.s3api.error.S3Exception;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * SigV4 and SigV2 against AWS's published examples (S3 API reference: "Signature Calculations for the
 * Authorization Header", the GET Object example; "Signing and Authenticating REST Requests", the SigV2 GET
 * example), and the refusals s3api makes.
 */
class S3AuthenticatorTest {
    static final String ACCESS = "AKIAIOSFODNN7EXAMPLE";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final Clock MAY_2013 = Clock.fixed(Instant.parse("2013-05-24T00:00:00Z"), ZoneOffset.UTC);

    private static S3Authenticator authenticator(Clock clock) {
        return new S3Authenticator("us-east-1", 900, k -> k.equals(ACCESS) ? SECRET : null, clock);
    }

    private static HttpHeaders getObjectHeaders(String signature) {
        HttpHeaders h = new DefaultHttpHeaders();
        h.set("Host", "examplebucket.s3.amazonaws.com");
        h.set("Range", "bytes=0-9");
        h.set("x-amz-content-sha256", SigV4.EMPTY_SHA256);
        h.set("x-amz-date", "20130524T000000Z");
        h.set(
                "Authorization",
                "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
                        + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=" + signature);
        return h;
    }

    @Test
    void shouldAcceptAwsGetObjectExampleWhenSignedWithSigV4Header() {
        HttpHeaders h = getObjectHeaders("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
        S3Auth auth = authenticator(MAY_2013)
                .authenticate(new S3Authenticator.Signed("GET", "/test.txt", S3Query.parse(""), h, "examplebucket"));
        assertThat(auth.accessKey()).isEqualTo(ACCESS);
        assertThat(auth.payload()).isEqualTo(PayloadMode.SIGNED);
        assertThat(auth.payloadSha256()).isEqualTo(SigV4.EMPTY_SHA256);
    }

    @Test
    void shouldRefuseWithSignatureDoesNotMatchWhenOneSignatureCharacterDiffers() {
        HttpHeaders h = getObjectHeaders("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb42");
        assertThatThrownBy(() -> authenticator(MAY_2013)
                        .authenticate(new S3Authenticator.Signed("GET", "/test.txt", S3Query.parse(""), h, null)))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.code()).isEqualTo(S3ErrorCode.SignatureDoesNotMatch);
                    assertThat(e.details()).containsKey("CanonicalRequest");
                });
    }

    @Test
    void shouldRefuseWithRequestTimeTooSkewedWhenTheClockIsAnHourAway() {
        HttpHeaders h = getObjectHeaders("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
        Clock later = Clock.fixed(Instant.parse("2013-05-24T01:00:00Z"), ZoneOffset.UTC);
        assertThatThrownBy(() -> authenticator(later)
                        .authenticate(new S3Authenticator.Signed("GET", "/test.txt", S3Query.parse(""), h, null)))
                .isInstanceOfSatisfying(
                        S3Exception.class, e -> assertThat(e.code()).isEqualTo(S3ErrorCode.RequestTimeTooSkewed));
    }

    @Test
    void shouldRefuseUnsignedMetadataHeadersWhenSignedWithSigV4() {
        HttpHeaders h = getObjectHeaders("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
        h.set("x-amz-meta-color", "red");
        assertThatThrownBy(() -> authenticator(MAY_2013)
                        .authenticate(new S3Authenticator.Signed("GET", "/test.txt", S3Query.parse(""), h, null)))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.code()).isEqualTo(S3ErrorCode.AccessDenied);
                    assertThat(e.getMessage())
                            .isEqualTo("There were headers present in the request which were not signed");
                });
    }

    @Test
    void shouldRefuseAScopeOfAnotherRegionWithSwiftsMessage() {
        HttpHeaders h = getObjectHeaders("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
        h.set("Authorization", h.get("Authorization").replace("us-east-1", "eu-west-1"));
        assertThatThrownBy(() -> authenticator(MAY_2013)
                        .authenticate(new S3Authenticator.Signed("GET", "/test.txt", S3Query.parse(""), h, null)))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.code()).isEqualTo(S3ErrorCode.AuthorizationHeaderMalformed);
                    assertThat(e.getMessage())
                            .isEqualTo("The authorization header is malformed; the region 'eu-west-1' is wrong;"
                                    + " expecting 'us-east-1'");
                });
    }

    @Test
    void shouldAcceptAwsSigV2ExampleWhenSignedInTheHeader() {
        // AWS's "Signing and Authenticating REST Requests" (SigV2) GET example, virtual-hosted bucket johnsmith
        Clock march2007 = Clock.fixed(Instant.parse("2007-03-27T19:36:42Z"), ZoneOffset.UTC);
        HttpHeaders h = new DefaultHttpHeaders();
        h.set("Host", "johnsmith.s3.amazonaws.com");
        h.set("Date", "Tue, 27 Mar 2007 19:36:42 +0000");
        h.set("Authorization", "AWS AKIAIOSFODNN7EXAMPLE:bWq2s1WEIj+Ydj0vQ697zp+IXMU=");
        S3Auth auth = authenticator(march2007)
                .authenticate(
                        new S3Authenticator.Signed("GET", "/photos/puppy.jpg", S3Query.parse(""), h, "johnsmith"));
        assertThat(auth.accessKey()).isEqualTo(ACCESS);
        assertThat(auth.payload()).isEqualTo(PayloadMode.UNSIGNED);
    }

    @Test
    void shouldRefuseAnExpiredPresignedUrl() {
        S3Query q = S3Query.parse("X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524"
                + "%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400"
                + "&X-Amz-SignedHeaders=host&X-Amz-Signature="
                + "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404");
        HttpHeaders h = new DefaultHttpHeaders().set("Host", "examplebucket.s3.amazonaws.com");
        Clock twoDaysLater = Clock.fixed(Instant.parse("2013-05-26T00:00:00Z"), ZoneOffset.UTC);
        assertThatThrownBy(() -> authenticator(twoDaysLater)
                        .authenticate(new S3Authenticator.Signed("GET", "/test.txt", q, h, "examplebucket")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.code()).isEqualTo(S3ErrorCode.AccessDenied);
                    assertThat(e.getMessage()).isEqualTo("Request has expired");
                });
    }

    @Test
    void shouldAcceptAwsPresignedUrlExampleWithinItsLifetime() {
        // AWS's "Authenticating Requests: Using Query Parameters" example
        S3Query q = S3Query.parse("X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524"
                + "%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400"
                + "&X-Amz-SignedHeaders=host&X-Amz-Signature="
                + "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404");
        HttpHeaders h = new DefaultHttpHeaders().set("Host", "examplebucket.s3.amazonaws.com");
        S3Auth auth = authenticator(MAY_2013)
                .authenticate(new S3Authenticator.Signed("GET", "/test.txt", q, h, "examplebucket"));
        assertThat(auth.payload()).isEqualTo(PayloadMode.UNSIGNED);
    }
}
