package io.cairn.proxy.s3api.xml;

/**
 * Writes the small XML documents S3 answers with, escaping text as lxml does ({@code & < >}, and in text the
 * characters XML 1.0 cannot carry are dropped).
 *
 * <p>Not thread-safe; one per document.
 */
public final class XmlWriter {
    /** S3's namespace, on the root element of success documents (s3api's {@code use_s3ns}). */
    public static final String S3_NS = "http://s3.amazonaws.com/doc/2006-03-01/";

    private final StringBuilder sb = new StringBuilder(256);

    /** {@code <?xml version='1.0' encoding='UTF-8'?>} and a newline, as lxml writes it. */
    public XmlWriter declaration() {
        sb.append("<?xml version='1.0' encoding='UTF-8'?>\n");
        return this;
    }

    public XmlWriter open(String name) {
        sb.append('<').append(name).append('>');
        return this;
    }

    /** The root element with S3's namespace. */
    public XmlWriter openRoot(String name) {
        sb.append('<').append(name).append(" xmlns=\"").append(S3_NS).append("\">");
        return this;
    }

    public XmlWriter close(String name) {
        sb.append("</").append(name).append('>');
        return this;
    }

    /** {@code <name>text</name>} ({@code <name/>} for empty text). */
    public XmlWriter element(String name, String text) {
        if (text.isEmpty()) {
            sb.append('<').append(name).append("/>");
            return this;
        }
        sb.append('<').append(name).append('>');
        escape(text);
        sb.append("</").append(name).append('>');
        return this;
    }

    /** Raw markup (already well-formed). */
    public XmlWriter raw(String markup) {
        sb.append(markup);
        return this;
    }

    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '\r' -> sb.append("&#13;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || Character.isSurrogate(c)) {
                        sb.append(c);
                    }
                }
            }
        }
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
