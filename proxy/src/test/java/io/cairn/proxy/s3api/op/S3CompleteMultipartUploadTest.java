package io.cairn.proxy.s3api.op;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class S3CompleteMultipartUploadTest {
    @Test
    void locationHostKeepsOnePortOfBotosDoubledOne() {
        assertThat(S3CompleteMultipartUpload.hostAndFirstPort("127.0.0.1:8080:8080"))
                .isEqualTo("127.0.0.1:8080");
        assertThat(S3CompleteMultipartUpload.hostAndFirstPort("[::1]:8080:8080"))
                .isEqualTo("[::1]:8080");
    }

    @Test
    void locationHostWithoutOrWithOnePortIsKept() {
        assertThat(S3CompleteMultipartUpload.hostAndFirstPort("example.net")).isEqualTo("example.net");
        assertThat(S3CompleteMultipartUpload.hostAndFirstPort("example.net:80")).isEqualTo("example.net:80");
        assertThat(S3CompleteMultipartUpload.hostAndFirstPort("[::1]")).isEqualTo("[::1]");
        assertThat(S3CompleteMultipartUpload.hostAndFirstPort("[::1]:8080")).isEqualTo("[::1]:8080");
    }
}
