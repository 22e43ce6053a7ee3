package org.unimoj.tasks.metrics.spice;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.unimoj.api.text.SceneGraph;
import org.unimoj.api.text.SceneGraphParser;
import org.unimoj.tasks.metrics.Scores;
import org.unimoj.augment.wordnet.WordNet;

/**
 * SPICE (Anderson et al., 2016) as the SPICE 1.0 scorer computes its "All" score: the candidate and each
 * reference are parsed into scene graphs, the references' tuples are merged into one set (duplicates
 * removed), and a candidate tuple is a true positive when some reference tuple has the same arity and
 * element-wise equal lemmas or shared WordNet synsets. Per image, F1 of tuple precision and recall; the
 * corpus SPICE is the mean over images.
 *
 * <p>The scene-graph parser is a constructor argument ({@link SceneGraphParser}), so scores depend on
 * it: SPICE 1.0 parses with the Stanford scene-graph parser. Differences from SPICE 1.0: duplicates are
 * merged by lemma only (SPICE also merges graph nodes during parsing), synsets come from WordNet 3.1 by
 * role ({@link ConceptSynsets#wordNet}), and the IDF-weighted variant and tuple-category breakdowns are
 * not computed. Captions are passed to the parser as given (pycocoevalcap passes its tokenized form).
 */
public final class Spice {

    private final SceneGraphParser parser;
    private final ConceptSynsets synsets;

    /** SPICE with WordNet 3.1 synonyms. */
    public Spice(SceneGraphParser parser) {
        this(parser, ConceptSynsets.wordNet(WordNet.shared()));
    }

    public Spice(SceneGraphParser parser, ConceptSynsets synsets) {
        this.parser = Objects.requireNonNull(parser, "parser");
        this.synsets = Objects.requireNonNull(synsets, "synsets");
    }

    /** "SPICE" (mean F), "SPICE-precision" and "SPICE-recall" (means over images). */
    public Scores score(Map<String, List<String>> refs, Map<String, String> cands) {
        Map<String, SpiceEvaluation> per = perImage(refs, cands);
        double f = 0;
        double p = 0;
        double r = 0;
        for (SpiceEvaluation e : per.values()) {
            f += e.f();
            p += e.precision();
            r += e.recall();
        }
        int n = per.size();
        return Scores.builder().put("SPICE", f / n).put("SPICE-precision", p / n).put("SPICE-recall", r / n).build();
    }

    /** The evaluation of every candidate, in the candidates' order. */
    public Map<String, SpiceEvaluation> perImage(Map<String, List<String>> refs, Map<String, String> cands) {
        if (cands.isEmpty()) {
            throw new IllegalArgumentException("no candidate captions to score");
        }
        Map<String, SpiceEvaluation> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : cands.entrySet()) {
            List<String> r = refs.get(e.getKey());
            if (r == null || r.isEmpty()) {
                throw new IllegalArgumentException("candidate '" + e.getKey() + "' has no references");
            }
            out.put(e.getKey(), evaluate(e.getValue(), r));
        }
        return out;
    }

    /** SPICE of one candidate against its references. */
    public SpiceEvaluation evaluate(String candidate, List<String> references) {
        List<SpiceTuple> test = tuples(List.of(parser.parse(candidate)));
        List<SceneGraph> refGraphs = new ArrayList<>();
        for (String ref : references) {
            refGraphs.add(parser.parse(ref));
        }
        List<SpiceTuple> ref = tuples(refGraphs);
        return match(test, ref);
    }

    /** SPICE's {@code match_similar}: each candidate tuple counts once if any reference tuple is similar. */
    static SpiceEvaluation match(List<SpiceTuple> test, List<SpiceTuple> ref) {
        int tp = 0;
        for (SpiceTuple t : test) {
            for (SpiceTuple r : ref) {
                if (t.similarTo(r)) {
                    tp++;
                    break;
                }
            }
        }
        return SpiceEvaluation.of(tp, test.size(), ref.size());
    }

    /** The merged, duplicate-free, sorted tuples of some scene graphs. */
    List<SpiceTuple> tuples(List<SceneGraph> graphs) {
        Map<String, SpiceTuple> merged = new LinkedHashMap<>();
        for (SceneGraph g : graphs) {
            for (SceneGraph.Entity o : g.objects()) {
                add(merged, new SpiceTuple(List.of(concept(o.name(), ConceptSynsets.Role.OBJECT))));
            }
            for (SceneGraph.Attribute a : g.attributes()) {
                add(merged, new SpiceTuple(List.of(
                        concept(g.objects().get(a.object()).name(), ConceptSynsets.Role.OBJECT),
                        concept(a.value(), ConceptSynsets.Role.ATTRIBUTE))));
            }
            for (SceneGraph.Relation rel : g.relations()) {
                add(merged, new SpiceTuple(List.of(
                        concept(g.objects().get(rel.subject()).name(), ConceptSynsets.Role.OBJECT),
                        concept(rel.predicate(), ConceptSynsets.Role.RELATION),
                        concept(g.objects().get(rel.object()).name(), ConceptSynsets.Role.OBJECT))));
            }
        }
        List<SpiceTuple> out = new ArrayList<>(merged.values());
        out.sort(Comparator.comparing(SpiceTuple::key));
        return out;
    }

    private static void add(Map<String, SpiceTuple> merged, SpiceTuple t) {
        merged.putIfAbsent(t.key(), t);
    }

    private SpiceTuple.Concept concept(String lemma, ConceptSynsets.Role role) {
        String l = lemma.trim().toLowerCase(Locale.ROOT);
        return new SpiceTuple.Concept(l, synsets.synsets(l, role));
    }
}
