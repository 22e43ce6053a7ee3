package org.unimoj.augment.rewrite;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.unimoj.api.rewrite.Granularity;
import org.unimoj.api.rewrite.Polarity;
import org.unimoj.api.rewrite.RewriteRequest;
import org.unimoj.api.rewrite.Rewriter;
import org.unimoj.api.rewrite.RewriterContext;
import org.unimoj.api.rewrite.RewriterProvider;
import org.unimoj.api.text.SceneGraph;
import org.unimoj.api.text.Span;
import org.unimoj.augment.lexicon.WordClass;
import org.unimoj.augment.parse.ParsedCaption;

/**
 * Length change that makes the caption false (a hard negative): an adjective of a family the object
 * is not described by yet is added before its noun ("a dog" becomes "a small dog"), and kept only if
 * the image's graph does not back it (the image has no small dog). Settings: max (1), tries (6).
 */
public final class AddAttribute implements RewriterProvider {

    public static final String NAME = "add-attribute";

    /** Families whose words are added; "other" adjectives of real captions are too varied to add blindly. */
    private static final Set<String> FAMILIES = Set.of("colour", "size", "material", "pattern");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Granularity granularity() {
        return Granularity.WORD;
    }

    @Override
    public Polarity polarity() {
        return Polarity.NEGATIVE;
    }

    @Override
    public String description() {
        return "add an adjective the image does not bear out (colour, size, material, pattern)";
    }

    @Override
    public Rewriter create(RewriterContext context) {
        return new Adder(this, context);
    }

    private static final class Adder extends GraphRewriter {
        private final CorpusVocabulary vocabulary;
        private final List<String> families;

        Adder(RewriterProvider p, RewriterContext context) {
            super(p, context, 1, 6);
            this.vocabulary = CorpusVocabulary.shared(context.captions(), parser);
            List<String> f = new ArrayList<>();
            for (String family : List.of("colour", "size", "material", "pattern")) {
                if (FAMILIES.contains(family) && !vocabulary.adjectives(family).isEmpty()) {
                    f.add(family);
                }
            }
            this.families = List.copyOf(f);
        }

        @Override
        protected boolean applicable(ParsedCaption original) {
            return !families.isEmpty();
        }

        @Override
        protected Candidate propose(ParsedCaption original, RewriteRequest request, RandomGenerator random, int attempt) {
            SceneGraph g = original.graph();
            int e = pick(random, g.objects().size());
            Set<String> present = new HashSet<>();
            for (SceneGraph.Attribute a : g.attributes()) {
                if (a.object() == e) {
                    present.add(lexicon.adjectiveFamily(a.value()));
                }
            }
            List<String> open = new ArrayList<>();
            boolean person = lexicon.isPerson(g.objects().get(e).name());
            for (String f : families) {
                // No colour is added to people: "a black man" would describe skin, not clothes.
                if (!present.contains(f) && !(person && f.equals("colour"))) {
                    open.add(f);
                }
            }
            if (open.isEmpty()) {
                return null;
            }
            String family = open.get(pick(random, open.size()));
            String word = vocabulary.adjectives(family).draw(random, x -> true);
            if (word == null) {
                return null;
            }
            Span phrase = original.phrases().get(e);
            int at = phrase.start();
            while (at < g.objects().get(e).span().start() && lexicon.info(original.tokens().get(at)).closed() != WordClass.OPEN) {
                at++;
            }
            return Candidate.of(Edits.insert(original.tokens(), at, List.of(word)), "add '" + word + "' to " + g.objects().get(e).name());
        }
    }
}
