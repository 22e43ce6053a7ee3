package org.unimoj.augment.rewrite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.unimoj.api.rewrite.RewriterProvider;

/**
 * The rewriters found with {@link ServiceLoader} (this module's built-ins and any plugin jar on the
 * class path) and the names that select them, singly or by group, so an ablation can switch each
 * source on and off:
 * <ul>
 *   <li>{@code sentence}: paraphrase, tfidf-negative (the paper's sentence level);</li>
 *   <li>{@code scene-graph}: object-swap, attribute-swap, relation-swap (the paper's phrase and word level);</li>
 *   <li>{@code word-order}, {@code length} (drop-attribute, drop-relation, add-attribute), {@code pattern}
 *       (negation, question): the moves the paper left out;</li>
 *   <li>{@code all}: every rewriter found; {@code none}: no rewriter.</li>
 * </ul>
 */
public final class Rewriters {

    /** Group name to its members, in the order they run. */
    public static final Map<String, List<String>> GROUPS = groups();

    private Rewriters() {}

    private static Map<String, List<String>> groups() {
        Map<String, List<String>> g = new LinkedHashMap<>();
        g.put("sentence", List.of(Paraphrase.NAME, TfidfNegative.NAME));
        g.put("scene-graph", List.of(ObjectSwap.NAME, AttributeSwap.NAME, RelationSwap.NAME));
        g.put("length", List.of(DropAttribute.NAME, DropRelation.NAME, AddAttribute.NAME));
        g.put("pattern", List.of(Negation.NAME, Question.NAME));
        return java.util.Collections.unmodifiableMap(g);
    }

    /** Every provider visible from {@code loader}, by name, in service-file order. */
    public static Map<String, RewriterProvider> available(ClassLoader loader) {
        Map<String, RewriterProvider> out = new LinkedHashMap<>();
        for (RewriterProvider p : ServiceLoader.load(RewriterProvider.class, loader)) {
            out.putIfAbsent(p.name(), p);
        }
        return out;
    }

    public static Map<String, RewriterProvider> available() {
        return available(Rewriters.class.getClassLoader());
    }

    /**
     * The providers that {@code names} (rewriter or group names, "all", "none") select from
     * {@code available}, in the order of {@code available}. An unknown name is an error that lists the known ones.
     */
    public static List<RewriterProvider> select(List<String> names, Map<String, RewriterProvider> available) {
        Set<String> wanted = new LinkedHashSet<>();
        for (String raw : names) {
            String n = raw.trim();
            if (n.isEmpty() || n.equals("none")) {
                continue;
            }
            if (n.equals("all")) {
                wanted.addAll(available.keySet());
            } else if (GROUPS.containsKey(n)) {
                wanted.addAll(GROUPS.get(n));
            } else if (available.containsKey(n)) {
                wanted.add(n);
            } else {
                throw new IllegalArgumentException("unknown rewriter '" + n + "'; known: " + String.join(", ", available.keySet())
                        + "; groups: " + String.join(", ", GROUPS.keySet()) + ", all, none");
            }
        }
        List<RewriterProvider> out = new ArrayList<>();
        for (Map.Entry<String, RewriterProvider> e : available.entrySet()) {
            if (wanted.contains(e.getKey())) {
                out.add(e.getValue());
            }
        }
        for (String w : wanted) {
            if (!available.containsKey(w)) {
                throw new IllegalArgumentException("rewriter '" + w + "' of a group is not available");
            }
        }
        return out;
    }
}
