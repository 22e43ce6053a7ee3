package org.unimoj.augment.rewrite;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.unimoj.api.data.Caption;
import org.unimoj.api.text.SceneGraph;
import org.unimoj.augment.parse.CaptionParser;
import org.unimoj.augment.parse.ParsedCaption;
import org.unimoj.augment.parse.Sentences;

/**
 * The parses of a caption collection, in its order: the scene graph of every caption and whether it
 * is a plain statement (not negated, not a question). Made once per collection and shared by every
 * rewriter created from it (the vocabulary, the TF-IDF negatives that check retrieved captions), so
 * no caption is parsed twice; a job that has parsed the collection already registers its parses.
 * Immutable.
 */
public final class ParsedCorpus {

    /** The parses of the last few collections, by identity; weak, so a dropped collection is not kept alive. */
    private static final List<Map.Entry<WeakReference<Object>, ParsedCorpus>> SHARED = new ArrayList<>();

    private final List<SceneGraph> graphs;
    private final BitSet statements;

    public ParsedCorpus(List<SceneGraph> graphs, BitSet statements) {
        this.graphs = List.copyOf(graphs);
        this.statements = (BitSet) statements.clone();
    }

    /** Parses {@code captions} on the common pool's threads. */
    public static ParsedCorpus parse(List<Caption> captions, CaptionParser parser) {
        List<ParsedCaption> parses = captions.parallelStream().map(c -> parser.parseTokens(Sentences.tokens(c.text()))).toList();
        return of(parses);
    }

    /** From full parses, in collection order. */
    public static ParsedCorpus of(List<ParsedCaption> parses) {
        List<SceneGraph> graphs = new ArrayList<>(parses.size());
        BitSet statements = new BitSet(parses.size());
        for (int i = 0; i < parses.size(); i++) {
            ParsedCaption p = parses.get(i);
            graphs.add(p.graph());
            if (!p.negated() && !p.question()) {
                statements.set(i);
            }
        }
        return new ParsedCorpus(graphs, statements);
    }

    /** The parses of {@code captions} (made now if no one registered or made them before). */
    public static ParsedCorpus shared(Iterable<Caption> captions, CaptionParser parser) {
        synchronized (SHARED) {
            ParsedCorpus p = lookup(captions);
            if (p == null) {
                List<Caption> list = new ArrayList<>();
                captions.forEach(list::add);
                p = parse(list, parser);
                put(captions, p);
            }
            return p;
        }
    }

    /** Makes {@code parses} the shared parses of {@code captions}. */
    public static void register(Iterable<Caption> captions, ParsedCorpus parses) {
        synchronized (SHARED) {
            put(captions, parses);
        }
    }

    /** Forgets the parses of {@code captions}. */
    public static void forget(Iterable<Caption> captions) {
        synchronized (SHARED) {
            SHARED.removeIf(e -> e.getKey().get() == null || e.getKey().get() == captions);
        }
    }

    private static ParsedCorpus lookup(Object captions) {
        SHARED.removeIf(e -> e.getKey().get() == null);
        for (Map.Entry<WeakReference<Object>, ParsedCorpus> e : SHARED) {
            if (e.getKey().get() == captions) {
                return e.getValue();
            }
        }
        return null;
    }

    private static void put(Object captions, ParsedCorpus p) {
        SHARED.removeIf(e -> e.getKey().get() == null || e.getKey().get() == captions);
        if (SHARED.size() >= 4) {
            SHARED.remove(0);
        }
        SHARED.add(Map.entry(new WeakReference<>(captions), p));
    }

    public int size() {
        return graphs.size();
    }

    public List<SceneGraph> graphs() {
        return graphs;
    }

    public SceneGraph graph(int i) {
        return graphs.get(i);
    }

    /** Whether caption {@code i} is a plain statement (neither negated nor a question). */
    public boolean statement(int i) {
        return statements.get(i);
    }
}
