package io.cairn.proxy.s3api.xml;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * A request body's XML as a small tree (element local names, text, children), read with bounds: no DTD (so no
 * entities, no XXE, no entity-expansion bombs), at most {@link #MAX_DEPTH} levels and {@link #MAX_NODES}
 * elements; the caller bounds the bytes. Anything else is {@link Malformed}, which the operations answer as
 * {@code MalformedXML}.
 *
 * <p>Immutable once parsed.
 */
public final class XmlNode {
    public static final int MAX_DEPTH = 16;
    public static final int MAX_NODES = 100_000;

    private final String name;
    private final StringBuilder text = new StringBuilder();
    private final List<XmlNode> children = new ArrayList<>();

    private XmlNode(String name) {
        this.name = name;
    }

    /** A body that is not the XML S3 takes. */
    public static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    /** Parses {@code body} (UTF-8) into its root element. */
    public static XmlNode parse(byte[] body) throws Malformed {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        try {
            XMLStreamReader r = f.createXMLStreamReader(new ByteArrayInputStream(body));
            try {
                return read(r);
            } finally {
                r.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            throw new Malformed("not well-formed: " + e.getMessage());
        }
    }

    private static XmlNode read(XMLStreamReader r) throws XMLStreamException, Malformed {
        List<XmlNode> stack = new ArrayList<>();
        XmlNode root = null;
        int nodes = 0;
        while (r.hasNext()) {
            int ev = r.next();
            switch (ev) {
                case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE ->
                    throw new Malformed("DTDs and entities are not accepted");
                case XMLStreamConstants.START_ELEMENT -> {
                    if (++nodes > MAX_NODES || stack.size() >= MAX_DEPTH) {
                        throw new Malformed("too many or too deeply nested elements");
                    }
                    XmlNode n = new XmlNode(r.getLocalName());
                    if (stack.isEmpty()) {
                        if (root != null) {
                            throw new Malformed("more than one root element");
                        }
                        root = n;
                    } else {
                        stack.get(stack.size() - 1).children.add(n);
                    }
                    stack.add(n);
                }
                case XMLStreamConstants.END_ELEMENT -> stack.remove(stack.size() - 1);
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (!stack.isEmpty()) {
                        stack.get(stack.size() - 1).text.append(r.getText());
                    }
                }
                default -> {}
            }
        }
        if (root == null) {
            throw new Malformed("no root element");
        }
        return root;
    }

    public String name() {
        return name;
    }

    /** The element's own text. */
    public String text() {
        return text.toString();
    }

    public List<XmlNode> children() {
        return children;
    }

    /** The first child named {@code child}, or null. */
    public @Nullable XmlNode child(String child) {
        for (XmlNode c : children) {
            if (c.name.equals(child)) {
                return c;
            }
        }
        return null;
    }

    /** The children named {@code child}. */
    public List<XmlNode> all(String child) {
        List<XmlNode> out = new ArrayList<>();
        for (XmlNode c : children) {
            if (c.name.equals(child)) {
                out.add(c);
            }
        }
        return out;
    }

    /** The text of the first child named {@code child}, or null. */
    public @Nullable String childText(String child) {
        XmlNode c = child(child);
        return c == null ? null : c.text();
    }
}
