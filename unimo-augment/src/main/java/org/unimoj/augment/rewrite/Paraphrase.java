package org.unimoj.augment.rewrite;

import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
import org.unimoj.augment.parse.CaptionParser;
import org.unimoj.augment.parse.ParsedCaption;
import org.unimoj.augment.parse.Sentences;

/**
 * Sentence-level positives of the paper (its back-translation), through a {@link Paraphraser}.
 * Settings:
 * <ul>
 *   <li>{@code source}: "synonyms" (the built-in {@link SynonymParaphraser}; the default), "file"
 *       (a {@link ParaphraseFile}; the default when {@code file} is set), or the class name of a
 *       {@link Paraphraser} (a machine-translation engine);</li>
 *   <li>{@code file}: the paraphrase file;</li>
 *   <li>{@code check}: "equivalent" (default: a paraphrase is kept only if its scene graph says the
 *       same as the caption's) or "none" (trust the source);</li>
 *   <li>{@code max}: paraphrases kept per caption (2).</li>
 * </ul>
 */
public final class Paraphrase implements RewriterProvider {

    public static final String NAME = "paraphrase";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Granularity granularity() {
        return Granularity.SENTENCE;
    }

    @Override
    public Polarity polarity() {
        return Polarity.POSITIVE;
    }

    @Override
    public String description() {
        return "say the caption again in other words (WordNet synonyms, a paraphrase file, or an MT engine)";
    }

    @Override
    public Rewriter create(RewriterContext context) {
        CaptionParser parser = Settings.parser(context);
        int max = Settings.integer(context, NAME, "max", 2, 1, 100);
        String file = Settings.string(context, "file", null);
        String source = Settings.string(context, "source", file != null ? "file" : "synonyms");
        String check = Settings.string(context, "check", "equivalent");
        if (!check.equals("equivalent") && !check.equals("none")) {
            throw new IllegalArgumentException(Settings.key(NAME, "check") + " = " + check + ": must be 'equivalent' or 'none'");
        }
        Paraphraser paraphraser = switch (source) {
            case "synonyms" -> new SynonymParaphraser(parser, CorpusVocabulary.shared(context.captions(), parser), max);
            case "file" -> {
                if (file == null) {
                    throw new IllegalArgumentException(Settings.key(NAME, "source") + " = file needs " + Settings.key(NAME, "file"));
                }
                Path p = Path.of(file);
                if (!Files.isRegularFile(p)) {
                    throw new IllegalArgumentException(Settings.key(NAME, "file") + " = " + file + ": no such file");
                }
                yield ParaphraseFile.read(p);
            }
            default -> instantiate(source, context.settings());
        };
        return new Paraphrasing(paraphraser, parser, max, check.equals("equivalent"));
    }

    private static Paraphraser instantiate(String className, Map<String, String> settings) {
        try {
            Class<?> c = Class.forName(className, true, Thread.currentThread().getContextClassLoader() != null
                    ? Thread.currentThread().getContextClassLoader() : Paraphrase.class.getClassLoader());
            if (!Paraphraser.class.isAssignableFrom(c)) {
                throw new IllegalArgumentException(Settings.key(NAME, "source") + " = " + className + ": not a " + Paraphraser.class.getName());
            }
            try {
                Constructor<?> k = c.getConstructor(Map.class);
                return (Paraphraser) k.newInstance(settings);
            } catch (NoSuchMethodException e) {
                return (Paraphraser) c.getConstructor().newInstance();
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(Settings.key(NAME, "source") + " = " + className + ": cannot make it: " + e);
        }
    }

    /** The rewriter: paraphrases from the source, checked to mean the same unless told not to. */
    private static final class Paraphrasing implements Rewriter {
        private final Paraphraser paraphraser;
        private final CaptionParser parser;
        private final Entailment entailment;
        private final int max;
        private final boolean check;

        Paraphrasing(Paraphraser paraphraser, CaptionParser parser, int max, boolean check) {
            this.paraphraser = paraphraser;
            this.parser = parser;
            this.entailment = new Entailment(parser.lexicon());
            this.max = max;
            this.check = check;
        }

        @Override
        public List<Rewrite> rewrite(RewriteRequest request, RandomGenerator random) {
            List<String> candidates = paraphraser.paraphrase(request.caption(), random);
            if (candidates.isEmpty()) {
                return List.of();
            }
            ParsedCaption original = Parses.of(request, parser);
            String own = Sentences.write(original.tokens(), original.question());
            Set<String> seen = new LinkedHashSet<>();
            List<Rewrite> out = new ArrayList<>();
            for (String c : candidates) {
                if (out.size() >= max) {
                    break;
                }
                if (c.equals(request.caption().text()) || c.equals(own) || !seen.add(c)) {
                    continue;
                }
                if (check) {
                    ParsedCaption p = parser.parseCaption(c);
                    if (p.negated() != original.negated() || p.question() != original.question() || original.graph().objects().isEmpty()
                            || !entailment.equivalent(original.graph(), p.graph())) {
                        continue;
                    }
                }
                out.add(new Rewrite(c, NAME, Granularity.SENTENCE, Polarity.POSITIVE, "paraphrase"));
            }
            return out;
        }
    }
}
