package io.cairn.cli.conformance;

import io.cairn.cli.RawHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Where one step's answer from a cluster differs from Swift's: a list of {@link Atom}s, each one aspect. When the
 * statuses differ the step has the one atom {@code status} (its headers and body differ as a consequence; they are
 * shown, not counted).
 *
 * <p>Thread-safety: stateless.
 */
final class Comparison {
    private Comparison() {}

    /**
     * One difference. {@code aspect} is {@code status}, {@code error} (one side got no complete response), {@code
     * body}, or {@code header:<lower-case name>:missing} (Swift sent it, the other did not), {@code :extra} (the
     * other way round), {@code :value}; {@code swift} and {@code other} are the normalised values.
     */
    record Atom(String aspect, String swift, String other) {}

    /** The differences between Swift's outcome and another cluster's for the same request. */
    static List<Atom> compare(Req req, Outcome swift, Outcome other) {
        RawHttp.Response s = swift.response();
        RawHttp.Response o = other.response();
        if (s == null || o == null) {
            String se = s == null ? "no response: " + swift.error() : s.statusLine();
            String oe = o == null ? "no response: " + other.error() : o.statusLine();
            return s == null && o == null ? List.of() : List.of(new Atom("error", se, oe));
        }
        Normalized ns = Normalized.of(s, req);
        Normalized no = Normalized.of(o, req);
        if (!ns.statusLine().equals(no.statusLine())) {
            return List.of(new Atom("status", ns.statusLine(), no.statusLine()));
        }
        return details(ns, no);
    }

    /** Header and body differences of two normalised responses (whatever their statuses). */
    static List<Atom> details(Normalized ns, Normalized no) {
        List<Atom> atoms = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(ns.headers().keySet());
        names.addAll(no.headers().keySet());
        for (String name : names) {
            List<String> sv = ns.headers().get(name);
            List<String> ov = no.headers().get(name);
            if (sv == null) {
                atoms.add(new Atom("header:" + name + ":extra", "", String.join(" | ", Objects.requireNonNull(ov))));
            } else if (ov == null) {
                atoms.add(new Atom("header:" + name + ":missing", String.join(" | ", sv), ""));
            } else if (!sv.equals(ov)) {
                atoms.add(new Atom("header:" + name + ":value", String.join(" | ", sv), String.join(" | ", ov)));
            }
        }
        if (!ns.body().equals(no.body())) {
            atoms.add(new Atom("body", ns.body(), no.body()));
        }
        return atoms;
    }
}
