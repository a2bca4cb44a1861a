package io.cairn.proxy.s3api.op;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.proxy.s3api.error.S3ErrorCode;
import io.cairn.proxy.s3api.error.S3Exception;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaggingTest {
    private static byte[] doc(String tags) {
        return ("<Tagging xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><TagSet>" + tags + "</TagSet></Tagging>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String tag(String key, String value) {
        return "<Tag><Key>" + key + "</Key><Value>" + value + "</Value></Tag>";
    }

    private static S3ErrorCode codeOf(Runnable r) {
        try {
            r.run();
        } catch (S3Exception e) {
            return e.code();
        }
        throw new AssertionError("no S3Exception");
    }

    @Test
    void shouldReadTagsInOrderWhenTheDocumentIsATagging() {
        Tagging t = Tagging.fromXml(doc(tag("ключ", "значение") + tag("a b", "")), Tagging.MAX_OBJECT_TAGS);
        assertThat(t.tags()).containsExactly(new Tagging.Tag("ключ", "значение"), new Tagging.Tag("a b", ""));
    }

    @Test
    void shouldRoundTripTheStoredFormWhenValuesNeedEscaping() {
        Tagging t = Tagging.fromXml(doc(tag("k=1 x", "v/ü+@:.") + tag("two", "2")), Tagging.MAX_OBJECT_TAGS);
        String stored = t.stored();
        assertThat(stored).doesNotContain("ü").isEqualTo("k%3D1%20x=v%2F%C3%BC%2B%40%3A.&two=2");
        assertThat(Tagging.fromStored(stored)).isEqualTo(t);
        assertThat(Tagging.count(stored)).isEqualTo(2);
        assertThat(Tagging.count("")).isZero();
        assertThat(Tagging.count(null)).isZero();
    }

    @Test
    void shouldReadTheHeaderFormWhenPutObjectCarriesXAmzTagging() {
        Tagging t = Tagging.fromHeader("color=red&size=%C3%BCber%20gro%C3%9F&empty=", Tagging.MAX_OBJECT_TAGS);
        assertThat(t.tags())
                .containsExactly(
                        new Tagging.Tag("color", "red"),
                        new Tagging.Tag("size", "über groß"),
                        new Tagging.Tag("empty", ""));
        assertThat(Tagging.fromHeader("", Tagging.MAX_OBJECT_TAGS).isEmpty()).isTrue();
        assertThat(Tagging.fromHeader(null, Tagging.MAX_OBJECT_TAGS).isEmpty()).isTrue();
    }

    @Test
    void shouldReadEscapedCharactersWhenTheDocumentUsesXmlsOwnEntities() {
        Tagging t = Tagging.fromXml(doc(tag("a&amp;b", "&lt;v&gt;")), 10);
        assertThat(t.tags()).containsExactly(new Tagging.Tag("a&b", "<v>"));
    }

    @Test
    void shouldRenderTheTaggingDocumentWhenAskedForTags() {
        String xml = new Tagging(List.of(new Tagging.Tag("a<b", "c&d"))).toXml();
        assertThat(xml)
                .isEqualTo("<?xml version='1.0' encoding='UTF-8'?>\n"
                        + "<Tagging xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><TagSet>"
                        + "<Tag><Key>a&lt;b</Key><Value>c&amp;d</Value></Tag></TagSet></Tagging>");
        assertThat(Tagging.EMPTY.toXml()).endsWith("<TagSet></TagSet></Tagging>");
    }

    @Test
    void shouldRefuseWithInvalidTagWhenALimitIsPassed() {
        StringBuilder eleven = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            eleven.append(tag("k" + i, "v"));
        }
        assertThatThrownBy(() -> Tagging.fromXml(doc(eleven.toString()), Tagging.MAX_OBJECT_TAGS))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.code()).isEqualTo(S3ErrorCode.InvalidTag);
                    assertThat(e.getMessage()).isEqualTo("Object tags cannot be greater than 10");
                });
        // a bucket takes 50
        assertThat(Tagging.fromXml(doc(eleven.toString()), Tagging.MAX_BUCKET_TAGS)
                        .tags())
                .hasSize(11);
        String key128 = "k".repeat(128);
        assertThat(Tagging.fromXml(doc(tag(key128, "v".repeat(256))), 10).tags())
                .hasSize(1);
        assertThat(codeOf(() -> Tagging.fromXml(doc(tag(key128 + "k", "v")), 10)))
                .isEqualTo(S3ErrorCode.InvalidTag);
        assertThat(codeOf(() -> Tagging.fromXml(doc(tag("k", "v".repeat(257))), 10)))
                .isEqualTo(S3ErrorCode.InvalidTag);
        // characters, not UTF-16 units or bytes: 128 four-byte characters are a valid key
        assertThat(Tagging.fromXml(doc(tag("😀".repeat(64) + "é".repeat(64), "v")), 10)
                        .tags())
                .hasSize(1);
        assertThat(codeOf(() -> Tagging.fromXml(doc(tag("k", "1") + tag("k", "2")), 10)))
                .isEqualTo(S3ErrorCode.InvalidTag);
        assertThat(codeOf(() -> Tagging.fromXml(doc(tag("", "v")), 10))).isEqualTo(S3ErrorCode.InvalidTag);
        assertThat(codeOf(() -> Tagging.fromXml(doc(tag("aws:x", "v")), 10))).isEqualTo(S3ErrorCode.InvalidTag);
        assertThat(codeOf(() -> Tagging.fromHeader("k=1&k=2", 10))).isEqualTo(S3ErrorCode.InvalidTag);
    }

    @Test
    void shouldRefuseWithMalformedXmlWhenTheDocumentIsNoTagging() {
        for (String bad : List.of(
                "",
                "not xml",
                "<Tagging><TagSet>",
                "<Tagging/>",
                "<Other><TagSet/></Other>",
                "<Tagging><TagSet><Tag><Key>k</Key></Tag></TagSet></Tagging>",
                "<Tagging><TagSet><Tag><Value>v</Value></Tag></TagSet></Tagging>",
                "<Tagging><TagSet><Other><Key>k</Key><Value>v</Value></Other></TagSet></Tagging>",
                "<?xml version=\"1.0\"?><!DOCTYPE t [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + "<Tagging><TagSet><Tag><Key>&x;</Key><Value>v</Value></Tag></TagSet></Tagging>",
                "<!DOCTYPE t [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
                        + "<Tagging><TagSet><Tag><Key>&b;</Key><Value>v</Value></Tag></TagSet></Tagging>")) {
            assertThat(codeOf(() -> Tagging.fromXml(bad.getBytes(StandardCharsets.UTF_8), 10)))
                    .as(bad)
                    .isEqualTo(S3ErrorCode.MalformedXML);
        }
    }
}
