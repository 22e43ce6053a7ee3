package org.unimoj.augment.rewrite;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.random.RandomGenerator;
import net.sf.extjwnl.data.POS;
import org.unimoj.api.data.Caption;
import org.unimoj.api.text.SceneGraph;
import org.unimoj.augment.lexicon.Lexicon;
import org.unimoj.augment.lexicon.PredicateForm;
import org.unimoj.augment.parse.CaptionParser;
import org.unimoj.augment.parse.ParsedCaption;
import org.unimoj.augment.parse.Sentences;
import org.unimoj.augment.wordnet.Synset;
import org.unimoj.data.scene.Vocabulary;

/**
 * The built-in paraphraser: words of the caption's scene graph are replaced by synonyms the corpus
 * itself uses. Nouns and adjectives take the words of their first WordNet sense whose own first sense
 * it is too ("sofa" and "couch", "big" and "large"), or the domain's synonyms ("guy" for "man");
 * where the domain knows both words its meaning decides (WordNet's "bike" is a motorcycle first, the
 * world's a bicycle). Predicates take another wording of the same predicate ("carrying" for
 * "holding", "beside" for "next to"). Each paraphrase replaces a random non-empty subset of the
 * replaceable words. Thread-safe.
 */
public final class SynonymParaphraser implements Paraphraser {

    private final CaptionParser parser;
    private final Lexicon lexicon;
    private final CorpusVocabulary vocabulary;
    private final int max;
    private final Map<String, List<String>> nounCache = new ConcurrentHashMap<>();
    private final Map<String, List<String>> adjectiveCache = new ConcurrentHashMap<>();

    public SynonymParaphraser(CaptionParser parser, CorpusVocabulary vocabulary, int max) {
        this.parser = parser;
        this.lexicon = parser.lexicon();
        this.vocabulary = vocabulary;
        this.max = max;
    }

    /** One replaceable stretch of tokens and what may stand there. */
    private record Slot(int start, int end, List<List<String>> options) {}

    @Override
    public List<String> paraphrase(Caption caption, RandomGenerator random) {
        ParsedCaption p = Parses.ofText(caption.text(), parser);
        List<Slot> slots = slots(p);
        if (slots.isEmpty()) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (int attempt = 0; attempt < 4 * max && out.size() < max; attempt++) {
            List<String> tokens = new ArrayList<>(p.tokens());
            boolean any = false;
            int forced = random.nextInt(slots.size());
            // Right to left, so earlier spans stay valid.
            for (int s = slots.size() - 1; s >= 0; s--) {
                Slot slot = slots.get(s);
                if (s != forced && !random.nextBoolean()) {
                    continue;
                }
                List<String> with = slot.options().get(random.nextInt(slot.options().size()));
                tokens = Edits.replace(tokens, slot.start(), slot.end(), with);
                any = true;
            }
            if (any) {
                out.add(Sentences.write(Edits.fixArticles(tokens), p.question()));
            }
        }
        return List.copyOf(out);
    }

    private List<Slot> slots(ParsedCaption p) {
        List<Slot> slots = new ArrayList<>();
        SceneGraph g = p.graph();
        for (SceneGraph.Entity e : g.objects()) {
            if (e.span().length() != 1) {
                continue;
            }
            String written = p.tokens().get(e.span().start());
            boolean plural = lexicon.info(written).plural();
            List<List<String>> options = new ArrayList<>();
            for (String syn : nounSynonyms(e.name())) {
                String w = plural ? lexicon.plural(syn) : syn;
                if (!w.equals(written)) {
                    options.add(List.of(w.split(" ")));
                }
            }
            if (!options.isEmpty()) {
                slots.add(new Slot(e.span().start(), e.span().end(), options));
            }
        }
        for (SceneGraph.Attribute a : g.attributes()) {
            if (a.span().length() != 1 || !lexicon.info(a.value()).adjective()) {
                continue;
            }
            List<List<String>> options = new ArrayList<>();
            for (String syn : adjectiveSynonyms(a.value())) {
                options.add(List.of(syn));
            }
            if (!options.isEmpty()) {
                slots.add(new Slot(a.span().start(), a.span().end(), options));
            }
        }
        for (int k = 0; k < g.relations().size(); k++) {
            SceneGraph.Relation r = g.relations().get(k);
            PredicateForm form = p.relations().get(k).form();
            List<String> written = p.tokens().subList(r.span().start(), r.span().end());
            Set<List<String>> options = new LinkedHashSet<>();
            Vocabulary.Predicate dp = lexicon.domain().predicate(r.predicate());
            if (dp == null) {
                continue;
            }
            for (Vocabulary.Wording w : dp.wordings()) {
                List<String> words = switch (form) {
                    case PARTICIPLE -> p.relations().get(k).aux() >= 0 && !w.progressive() ? List.of() : w.participle();
                    case THIRD_PERSON -> w.present3();
                    case PLURAL_PRESENT -> w.presentPl();
                    case PASSIVE -> w.passive();
                    default -> List.of();
                };
                if (!words.isEmpty() && !words.equals(written)) {
                    options.add(words);
                }
            }
            if (!options.isEmpty()) {
                slots.add(new Slot(r.span().start(), r.span().end(), new ArrayList<>(options)));
            }
        }
        slots.sort((a, b) -> Integer.compare(a.start(), b.start()));
        // Overlapping slots cannot both change; keep the first.
        List<Slot> out = new ArrayList<>();
        int end = -1;
        for (Slot s : slots) {
            if (s.start() >= end) {
                out.add(s);
                end = s.end();
            }
        }
        return out;
    }

    private List<String> nounSynonyms(String lemma) {
        return nounCache.computeIfAbsent(lemma, this::findNounSynonyms);
    }

    private List<String> adjectiveSynonyms(String word) {
        return adjectiveCache.computeIfAbsent(word, this::findAdjectiveSynonyms);
    }

    private List<String> findNounSynonyms(String lemma) {
        Set<String> out = new LinkedHashSet<>();
        Set<String> classes = lexicon.nounClasses(lemma);
        if (classes != null) {
            for (Vocabulary.Noun n : lexicon.domain().nouns()) {
                if (!n.lemma().equals(lemma) && n.classes().equals(classes) && vocabulary.nounCount(n.lemma()) >= CorpusVocabulary.MIN_COUNT) {
                    out.add(n.lemma());
                }
            }
        }
        long[] senses = lexicon.wordNet().offsets(POS.NOUN, lemma);
        if (senses.length > 0) {
            Synset first = lexicon.wordNet().synset(POS.NOUN, senses[0]);
            for (String w : first.words()) {
                if (!w.equals(lemma) && vocabulary.nounCount(w) >= CorpusVocabulary.MIN_COUNT && lexicon.sameNoun(lemma, w)) {
                    out.add(w);
                }
            }
        }
        return List.copyOf(out);
    }

    private List<String> findAdjectiveSynonyms(String word) {
        Set<String> out = new LinkedHashSet<>();
        Vocabulary.Adjective a = lexicon.domain().adjective(word);
        if (a != null) {
            for (String w : lexicon.domain().adjectiveWords(a.family(), a.value())) {
                if (!w.equals(word) && vocabulary.adjectiveCount(w) >= CorpusVocabulary.MIN_COUNT) {
                    out.add(w);
                }
            }
        }
        long[] senses = lexicon.wordNet().offsets(POS.ADJECTIVE, word);
        if (senses.length > 0) {
            Synset first = lexicon.wordNet().synset(POS.ADJECTIVE, senses[0]);
            for (String w : first.words()) {
                if (!w.equals(word) && vocabulary.adjectiveCount(w) >= CorpusVocabulary.MIN_COUNT && lexicon.sameAdjective(word, w)) {
                    out.add(w);
                }
            }
        }
        return List.copyOf(out);
    }
}
