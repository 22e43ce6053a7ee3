package org.unimoj.augment.rewrite;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.unimoj.api.rewrite.Granularity;
import org.unimoj.api.rewrite.Polarity;
import org.unimoj.api.rewrite.Rewrite;
import org.unimoj.api.rewrite.RewriteRequest;
import org.unimoj.api.rewrite.Rewriter;
import org.unimoj.api.rewrite.RewriterContext;
import org.unimoj.api.rewrite.RewriterProvider;
import org.unimoj.augment.graph.Entailment;
import org.unimoj.augment.graph.GraphSupport;
import org.unimoj.augment.lexicon.Lexicon;
import org.unimoj.augment.parse.CaptionParser;
import org.unimoj.augment.parse.ParsedCaption;
import org.unimoj.augment.parse.Sentences;

/**
 * A rewriter that edits a caption's tokens along its parse and keeps an edit only if the parse of the
 * result passes the check of its polarity: a negative must not be backed by the image's graph
 * ({@link GraphSupport}: unsupported, and decidable), a positive must be entailed by the caption
 * ({@link Entailment}). Subclasses propose edits; this class re-parses, checks, removes duplicates
 * and stops at {@code max} rewrites (setting "max") or {@code tries} proposals (setting "tries").
 * Immutable, so thread-safe.
 */
abstract class GraphRewriter implements Rewriter {

    protected final String name;
    protected final Granularity granularity;
    protected final Polarity polarity;
    protected final CaptionParser parser;
    protected final Lexicon lexicon;
    protected final GraphSupport support;
    protected final Entailment entailment;
    protected final int max;
    protected final int tries;

    GraphRewriter(RewriterProvider provider, RewriterContext context, int defaultMax, int defaultTries) {
        this.name = provider.name();
        this.granularity = provider.granularity();
        this.polarity = provider.polarity();
        this.parser = Settings.parser(context);
        this.lexicon = parser.lexicon();
        this.support = new GraphSupport(lexicon);
        this.entailment = new Entailment(lexicon);
        this.max = Settings.integer(context, name, "max", defaultMax, 1, 100);
        this.tries = Settings.integer(context, name, "tries", defaultTries, 1, 1000);
    }

    @Override
    public final List<Rewrite> rewrite(RewriteRequest request, RandomGenerator random) {
        ParsedCaption original = Parses.of(request, parser);
        if (original.graph().objects().isEmpty() || !applicable(original)) {
            return List.of();
        }
        List<Rewrite> out = new ArrayList<>(max);
        Set<String> seen = new HashSet<>();
        seen.add(Sentences.write(original.tokens(), original.question()));
        for (int attempt = 0; attempt < tries && out.size() < max; attempt++) {
            Candidate c = propose(original, request, random, attempt);
            if (c == null) {
                continue;
            }
            String text = Sentences.write(c.tokens(), c.question());
            if (!seen.add(text)) {
                continue;
            }
            ParsedCaption p = parser.parseTokens(c.tokens());
            if (accept(original, p, request)) {
                out.add(new Rewrite(text, name, granularity, polarity, c.detail()));
            }
        }
        return out;
    }

    /** Whether the caption offers anything to change (an attribute to swap, a relation to drop); checked before any proposal. */
    protected boolean applicable(ParsedCaption original) {
        return true;
    }

    /** One proposal (randomised), or null when this draw found nothing. */
    protected abstract Candidate propose(ParsedCaption original, RewriteRequest request, RandomGenerator random, int attempt);

    /** The check of this rewriter's polarity. */
    protected boolean accept(ParsedCaption original, ParsedCaption rewritten, RewriteRequest request) {
        if (rewritten.negated() || rewritten.question() || rewritten.graph().objects().isEmpty()) {
            return false;
        }
        if (polarity == Polarity.NEGATIVE) {
            return support.check(request.imageGraph(), rewritten.graph()) == GraphSupport.Support.UNSUPPORTED;
        }
        return entailment.entails(original.graph(), rewritten.graph());
    }

    protected static int pick(RandomGenerator random, int n) {
        return n <= 1 ? 0 : random.nextInt(n);
    }
}
