package io.cairn.proxy.staticweb;

import io.cairn.common.path.PercentCoding;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HTML staticweb answers for a directory, exactly as Swift 2.30.1's {@code _listing} writes it (so pages,
 * their styles and scripts that parse them keep working): the listing table, and the page for a container whose
 * listings are off.
 *
 * <p>Stateless.
 */
final class ListingPage {
    private static final String DOCTYPE = "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\""
            + " \"http://www.w3.org/TR/html4/loose.dtd\">\n";

    private ListingPage() {}

    /**
     * The doctype and the page's head up to its stylesheet, as both Swift pages open: {@code openHead} up to the
     * title, then a link to {@code cssPath} when {@code css} is set, else the page's own {@code inlineStyle}.
     */
    private static StringBuilder head(String openHead, String label, String css, String cssPath, String inlineStyle) {
        StringBuilder b = new StringBuilder(DOCTYPE)
                .append(openHead)
                .append(escape(label))
                .append("</title>\n");
        if (!css.isEmpty()) {
            b.append("  <link rel=\"stylesheet\" type=\"text/css\" href=\"")
                    .append(cssPath)
                    .append("\" />\n");
        } else {
            b.append(inlineStyle);
        }
        return b;
    }

    /** The 404 body when {@code X-Container-Meta-Web-Listings} is not true. */
    static String disabled(String label, String css, String cssPath, String index) {
        StringBuilder b = head(
                "<html>\n<head>\n<title>Listing of ",
                label,
                css,
                cssPath,
                "  <style type=\"text/css\">\n   h1 {font-size: 1em; font-weight: bold;}\n   p {font-size: 2}\n"
                        + "  </style>\n");
        b.append("</head>\n<body>  <h1>Web Listing Disabled</h1>"
                + "   <p>The owner of this web site has disabled web listing."
                + "   <p>If you are the owner of this web site, you can enable"
                + "   web listing by setting X-Container-Meta-Web-Listings.</p>");
        if (!index.isEmpty()) {
            b.append(
                            "<h1>Index File Not Found</h1> <p>The owner of this web site has set  <b>X-Container-Meta-Web-Index: ")
                    .append(index)
                    .append("</b>.  However, this file is not found.</p>");
        }
        return b.append(" </body>\n</html>\n").toString();
    }

    /**
     * The listing of {@code items} (a JSON container listing with {@code delimiter=/}) under {@code prefix} ("" at
     * the container's root).
     */
    static String listing(String label, String css, String cssPath, String prefix, List<Map<String, Object>> items) {
        StringBuilder b = head(
                "<html>\n <head>\n  <title>Listing of ",
                label,
                css,
                cssPath,
                "  <style type=\"text/css\">\n"
                        + "   h1 {font-size: 1em; font-weight: bold;}\n"
                        + "   th {text-align: left; padding: 0px 1em 0px 1em;}\n"
                        + "   td {padding: 0px 1em 0px 1em;}\n"
                        + "   a {text-decoration: none;}\n"
                        + "  </style>\n");
        b.append(" </head>\n <body>\n  <h1 id=\"title\">Listing of ")
                .append(escape(label))
                .append("</h1>\n  <table id=\"listing\">\n   <tr id=\"heading\">\n"
                        + "    <th class=\"colname\">Name</th>\n"
                        + "    <th class=\"colsize\">Size</th>\n"
                        + "    <th class=\"coldate\">Date</th>\n"
                        + "   </tr>\n");
        if (!prefix.isEmpty()) {
            b.append("   <tr id=\"parent\" class=\"item\">\n"
                    + "    <td class=\"colname\"><a href=\"../\">../</a></td>\n"
                    + "    <td class=\"colsize\">&nbsp;</td>\n"
                    + "    <td class=\"coldate\">&nbsp;</td>\n"
                    + "   </tr>\n");
        }
        for (Map<String, Object> item : items) {
            if (item.get("subdir") instanceof String subdir) {
                String rel = strip(subdir, prefix);
                b.append("   <tr class=\"item subdir\">\n    <td class=\"colname\"><a href=\"")
                        .append(PercentCoding.quote(rel, "/"))
                        .append("\">")
                        .append(escape(rel))
                        .append("</a></td>\n    <td class=\"colsize\">&nbsp;</td>\n"
                                + "    <td class=\"coldate\">&nbsp;</td>\n   </tr>\n");
            }
        }
        for (Map<String, Object> item : items) {
            if (item.get("name") instanceof String name) {
                appendObject(b, strip(name, prefix), item);
            }
        }
        return b.append("  </table>\n </body>\n</html>\n").toString();
    }

    private static void appendObject(StringBuilder b, String name, Map<String, Object> item) {
        String type = String.valueOf(item.getOrDefault("content_type", ""));
        StringBuilder classes = new StringBuilder();
        for (String t : type.split("/", -1)) {
            if (classes.length() > 0) {
                classes.append(' ');
            }
            classes.append("type-").append(escape(t.toLowerCase(Locale.ROOT)));
        }
        String modified = escape(String.valueOf(item.getOrDefault("last_modified", "")));
        int dot = modified.indexOf('.');
        modified = (dot < 0 ? modified : modified.substring(0, dot)).replace('T', ' ');
        Object bytes = item.get("bytes");
        b.append("   <tr class=\"item ")
                .append(classes)
                .append("\">\n    <td class=\"colname\"><a href=\"")
                .append(PercentCoding.quote(name, "/"))
                .append("\">")
                .append(escape(name))
                .append("</a></td>\n    <td class=\"colsize\">")
                .append(humanReadable(bytes instanceof Number n ? n.doubleValue() : 0))
                .append("</td>\n    <td class=\"coldate\">")
                .append(modified)
                .append("</td>\n   </tr>\n");
    }

    /** Python's {@code name[len(prefix):]}. */
    private static String strip(String name, String prefix) {
        int cut = prefix.codePointCount(0, prefix.length());
        return cut >= name.codePointCount(0, name.length()) ? "" : name.substring(name.offsetByCodePoints(0, cut));
    }

    /** Swift's {@code human_readable}: powers of 1024 with banker's rounding at each step, {@code 2Ki}, {@code 10Mi}. */
    static String humanReadable(double value) {
        String suffixes = "KMGTPEZY";
        double v = value;
        int index = -1;
        while (v >= 1024 && index + 1 < suffixes.length()) {
            index++;
            v = Math.rint(v / 1024);
        }
        if (index == -1) {
            return Long.toString((long) v);
        }
        return (long) Math.rint(v) + "" + suffixes.charAt(index) + "i";
    }

    /** Python's {@code html.escape(s, quote=True)}. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#x27;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
