package org.unimoj.augment.rewrite;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.unimoj.api.rewrite.Granularity;
import org.unimoj.api.rewrite.Polarity;
import org.unimoj.api.rewrite.RewriteRequest;
import org.unimoj.api.rewrite.Rewriter;
import org.unimoj.api.rewrite.RewriterContext;
import org.unimoj.api.rewrite.RewriterProvider;
import org.unimoj.api.text.SceneGraph;
import org.unimoj.augment.lexicon.Predicate;
import org.unimoj.augment.lexicon.PredicateForm;
import org.unimoj.augment.parse.ParsedCaption;

/**
 * Phrase-level hard negatives of the paper: a relation's predicate is replaced by another predicate of
 * the corpus (drawn by frequency), written in the form the sentence needs: "is riding" becomes "is
 * next to", "rides" becomes "chases" or "is next to", "ridden by" becomes "chased by" (a predicate
 * without a passive is not used there). Settings: max (2), tries (8).
 */
public final class RelationSwap implements RewriterProvider {

    public static final String NAME = "relation-swap";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Granularity granularity() {
        return Granularity.PHRASE;
    }

    @Override
    public Polarity polarity() {
        return Polarity.NEGATIVE;
    }

    @Override
    public String description() {
        return "replace a relation's predicate by another of the corpus, in the sentence's form";
    }

    @Override
    public Rewriter create(RewriterContext context) {
        return new Swapper(this, context);
    }

    private static final class Swapper extends GraphRewriter {
        private final CorpusVocabulary vocabulary;

        Swapper(RewriterProvider p, RewriterContext context) {
            super(p, context, 2, 8);
            this.vocabulary = CorpusVocabulary.shared(context.captions(), parser);
        }

        @Override
        protected boolean applicable(ParsedCaption original) {
            return !original.relations().isEmpty();
        }

        @Override
        protected Candidate propose(ParsedCaption original, RewriteRequest request, RandomGenerator random, int attempt) {
            List<Integer> usable = new ArrayList<>();
            for (int k = 0; k < original.relations().size(); k++) {
                if (original.relations().get(k).form() != PredicateForm.PAST) {
                    usable.add(k);
                }
            }
            if (usable.isEmpty()) {
                return null;
            }
            int k = usable.get(pick(random, usable.size()));
            SceneGraph.Relation r = original.graph().relations().get(k);
            ParsedCaption.RelationSyntax syntax = original.relations().get(k);
            String to = vocabulary.predicates().draw(random, x -> !lexicon.samePredicate(x, r.predicate()));
            if (to == null) {
                return null;
            }
            List<String> words = wording(lexicon.predicate(to), syntax);
            if (words == null) {
                return null;
            }
            return Candidate.of(Edits.replace(original.tokens(), r.span().start(), r.span().end(), words), r.predicate() + " -> " + to);
        }

        /** The words of {@code p} where the old predicate was, or null if {@code p} cannot stand there. */
        private static List<String> wording(Predicate p, ParsedCaption.RelationSyntax syntax) {
            switch (syntax.form()) {
                case PARTICIPLE -> {
                    return syntax.aux() >= 0 && !p.progressive() ? null : p.participle();
                }
                case THIRD_PERSON, PLURAL_PRESENT -> {
                    if (p.hasVerb()) {
                        return p.words(syntax.form());
                    }
                    if (syntax.aux() >= 0 || syntax.role() != ParsedCaption.Role.MAIN || p.participle().isEmpty()) {
                        return null; // "does not ride" cannot become "does not next to"
                    }
                    List<String> w = new ArrayList<>();
                    w.add(Edits.be(syntax.form() == PredicateForm.PLURAL_PRESENT));
                    w.addAll(p.participle());
                    return w;
                }
                case PASSIVE -> {
                    return p.passive().isEmpty() ? null : p.passive();
                }
                default -> {
                    return null;
                }
            }
        }
    }
}
