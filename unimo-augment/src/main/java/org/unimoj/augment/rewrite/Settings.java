package org.unimoj.augment.rewrite;

import org.unimoj.api.rewrite.RewriterContext;
import org.unimoj.augment.parse.CaptionParser;

/** Reading a rewriter's settings ({@code unimo.augment.rewriters.<name>.<key>}), with one-line errors naming the key. */
final class Settings {

    private Settings() {}

    /** The context's parser when it is this module's; else the standard one (rewriters need its syntax, not only the graph). */
    static CaptionParser parser(RewriterContext context) {
        return context.parser() instanceof CaptionParser p ? p : CaptionParser.standard();
    }

    static int integer(RewriterContext context, String rewriter, String key, int fallback, int min, int max) {
        String v = context.settings().get(key);
        if (v == null) {
            return fallback;
        }
        try {
            int x = Integer.parseInt(v.trim());
            if (x < min || x > max) {
                throw new IllegalArgumentException(key(rewriter, key) + " = " + v + ": must be between " + min + " and " + max);
            }
            return x;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key(rewriter, key) + " = " + v + ": not a whole number");
        }
    }

    static String string(RewriterContext context, String key, String fallback) {
        String v = context.settings().get(key);
        return v == null ? fallback : v.trim();
    }

    static String key(String rewriter, String key) {
        return "unimo.augment.rewriters." + rewriter + "." + key;
    }
}
