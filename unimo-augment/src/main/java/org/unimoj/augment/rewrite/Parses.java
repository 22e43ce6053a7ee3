package org.unimoj.augment.rewrite;

import java.util.List;
import org.unimoj.api.rewrite.RewriteRequest;
import org.unimoj.augment.parse.CaptionParser;
import org.unimoj.augment.parse.ParsedCaption;
import org.unimoj.augment.parse.Sentences;

/**
 * The full parse of a request's caption. Every rewriter of a job rewrites the same caption on the same
 * thread one after the other, so the last parse per thread is kept and reused.
 */
final class Parses {

    private record Entry(List<String> tokens, ParsedCaption parse) {}

    private static final ThreadLocal<Entry> LAST = new ThreadLocal<>();

    private Parses() {}

    static ParsedCaption of(RewriteRequest request, CaptionParser parser) {
        List<String> tokens = request.graph().tokens().isEmpty() ? Sentences.tokens(request.caption().text()) : request.graph().tokens();
        return of(tokens, parser);
    }

    /** The parse of a caption's text (a paraphraser sees only the caption). */
    static ParsedCaption ofText(String text, CaptionParser parser) {
        return of(Sentences.tokens(text), parser);
    }

    private static ParsedCaption of(List<String> tokens, CaptionParser parser) {
        Entry e = LAST.get();
        if (e != null && (e.tokens() == tokens || e.tokens().equals(tokens))) {
            return e.parse();
        }
        ParsedCaption p = parser.parseTokens(tokens);
        LAST.set(new Entry(tokens, p));
        return p;
    }
}
