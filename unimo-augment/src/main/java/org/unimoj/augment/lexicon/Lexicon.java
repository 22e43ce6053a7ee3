package org.unimoj.augment.lexicon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.extjwnl.data.POS;
import org.unimoj.augment.wordnet.WordNet;
import org.unimoj.data.scene.Vocabulary;

/**
 * The words of captions and what they mean, from three sources, in this order of trust:
 * <ol>
 *   <li>a closed-class lexicon of English (determiners, numbers, auxiliaries, relative pronouns,
 *       prepositions, conjunctions) and multi-word prepositions ("in front of");</li>
 *   <li>a domain vocabulary ({@link Vocabulary}: the embedded world's nouns with the classes they
 *       denote, adjectives with their family and value, predicates with every wording), whose
 *       readings win where it knows a word;</li>
 *   <li>WordNet 3.1 for every other word: parts of speech, lemmas, synonyms and hypernyms.</li>
 * </ol>
 * It answers what a word can be ({@link #info}), how a predicate is worded ({@link #predicates},
 * {@link #predicate}), and whether two concepts are the same or one covers the other
 * ({@link #denotes}, {@link #sameAdjective}). Thread-safe; word readings are cached.
 */
public final class Lexicon {

    private static volatile Lexicon standard;

    /** Nouns that, before "of" at the start of a caption, only frame it: "a picture of ...". */
    private static final Set<String> FRAME_NOUNS = Set.of("picture", "photo", "photograph", "image", "view", "shot", "closeup", "close-up",
            "snapshot", "pic", "scene");

    /** Particles that join a verb into a phrasal predicate ("climbing up", "looking out"). */
    private static final Set<String> PARTICLES = Set.of("up", "down", "out", "off", "away", "over", "around", "back", "along", "through",
            "across", "in", "on", "into", "onto", "at", "with", "from", "to", "toward", "towards", "under", "near", "behind", "past", "by",
            "for", "of", "against", "inside", "outside", "above", "below", "beside", "between", "beneath", "underneath", "upon", "within",
            "about", "after", "atop", "among", "alongside");

    private static final List<String> MULTIWORD_PREPOSITIONS = List.of("in front of", "in back of", "close to", "near to", "out of",
            "inside of", "outside of", "on the side of", "in the middle of", "at the top of", "at the bottom of", "on the edge of",
            "at the edge of", "in between", "away from", "across from", "ahead of", "up to", "along with", "together with",
            "on the back of", "in the back of", "on the front of", "on the other side of", "in the center of", "at the end of");

    /** Collective nouns that quantify the noun after "of"; the value is the count they state (0: unstated plural). */
    private static final Map<String, Integer> COLLECTIVES = Map.ofEntries(Map.entry("group", 0), Map.entry("crowd", 0), Map.entry("couple", 2),
            Map.entry("pair", 2), Map.entry("bunch", 0), Map.entry("herd", 0), Map.entry("flock", 0), Map.entry("team", 0),
            Map.entry("line", 0), Map.entry("row", 0), Map.entry("pack", 0), Map.entry("lot", 0), Map.entry("lots", 0),
            Map.entry("number", 0), Map.entry("pile", 0), Map.entry("stack", 0), Map.entry("variety", 0), Map.entry("collection", 0),
            Map.entry("gang", 0), Map.entry("swarm", 0), Map.entry("troop", 0), Map.entry("litter", 0), Map.entry("handful", 0),
            Map.entry("set", 0), Map.entry("few", 0), Map.entry("dozen", 0), Map.entry("band", 0), Map.entry("family", 0));

    private static final Map<String, Integer> NUMBER_WORDS = numberWords();

    private final Vocabulary domain;
    private final WordNet wordNet;
    private final Map<String, WordClass> closed = new HashMap<>();
    private final PredicateLexicon predicates = new PredicateLexicon();
    private final Set<String> personLemmas = new HashSet<>();
    private final Map<String, WordInfo> infos = new ConcurrentHashMap<>();
    private final Map<String, Predicate> madePredicates = new ConcurrentHashMap<>();

    public Lexicon(Vocabulary domain, WordNet wordNet) {
        this.domain = domain;
        this.wordNet = wordNet;
        closedClasses();
        for (Vocabulary.Predicate p : domain.predicates()) {
            addDomainPredicate(p);
        }
        for (String m : MULTIWORD_PREPOSITIONS) {
            List<String> words = List.of(m.split(" "));
            predicates.add(words, m, PredicateForm.PARTICIPLE);
            predicates.define(new Predicate(m, true, false, words, true, List.of(), List.of(), List.of()));
        }
        for (Vocabulary.Noun n : domain.nouns()) {
            boolean person = !n.classes().isEmpty();
            for (String c : n.classes()) {
                person &= domain.objectClass(c).supercategory().equals("person");
            }
            if (person) {
                personLemmas.add(n.lemma());
            }
        }
        personLemmas.addAll(List.of("person", "people", "child", "kid", "baby", "toddler", "adult", "teenager", "player", "someone",
                "somebody", "skier", "surfer", "biker", "rider", "climber", "swimmer", "runner", "worker", "crowd", "couple", "family"));
    }

    /** The embedded world's vocabulary, English closed classes and the shared WordNet; built once per JVM. */
    public static Lexicon standard() {
        Lexicon l = standard;
        if (l == null) {
            synchronized (Lexicon.class) {
                l = standard;
                if (l == null) {
                    l = new Lexicon(Vocabulary.WORLD, WordNet.shared());
                    standard = l;
                }
            }
        }
        return l;
    }

    public WordNet wordNet() {
        return wordNet;
    }

    public Vocabulary domain() {
        return domain;
    }

    private static Map<String, Integer> numberWords() {
        String[] words = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
            "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};
        Map<String, Integer> m = new HashMap<>();
        for (int i = 1; i < words.length; i++) {
            m.put(words[i], i);
        }
        return Map.copyOf(m);
    }

    private void closedClasses() {
        put(WordClass.DETERMINER, "a", "an", "the", "this", "these", "those", "his", "her", "their", "its", "my", "your", "our",
                "another", "each", "every", "any", "either", "neither");
        put(WordClass.NO, "no");
        put(WordClass.QUANTIFIER, "some", "several", "many", "few", "both", "all", "multiple", "numerous", "various", "other", "most",
                "more", "much", "plenty");
        put(WordClass.BE, "is", "are", "was", "were", "be", "am", "been", "'s");
        put(WordClass.BEING, "being");
        put(WordClass.DO, "does", "do", "did");
        put(WordClass.NOT, "not", "n't", "never");
        put(WordClass.RELATIVE, "who", "which", "that", "whose", "whom");
        put(WordClass.CONJUNCTION, "and", "or", "but", "while", "as", "&", "then", "so", "where", "when", "whilst", "yet");
        put(WordClass.THERE, "there");
        put(WordClass.PRONOUN, "he", "she", "it", "they", "him", "them", "himself", "herself", "itself", "themselves", "we", "us", "i",
                "me", "you", "one's", "what", "something", "someone", "somebody", "anyone", "everyone", "everybody", "nobody", "nothing",
                "anything", "everything", "each other", "here");
        put(WordClass.PREPOSITION, "about", "above", "across", "after", "against", "along", "alongside", "amid", "amidst", "among",
                "around", "at", "atop", "before", "behind", "below", "beneath", "beside", "besides", "between", "beyond", "by", "down",
                "during", "for", "from", "in", "inside", "into", "near", "of", "off", "on", "onto", "opposite", "outside", "over", "past",
                "through", "throughout", "to", "toward", "towards", "under", "underneath", "up", "upon", "with", "within", "without",
                "via", "like", "than", "out", "beneath");
        for (String n : NUMBER_WORDS.keySet()) {
            closed.put(n, WordClass.NUMBER);
        }
        for (String c : COLLECTIVES.keySet()) {
            closed.putIfAbsent(c, WordClass.OPEN);
        }
    }

    private void put(WordClass c, String... words) {
        for (String w : words) {
            closed.put(w, c);
        }
    }

    private void addDomainPredicate(Vocabulary.Predicate p) {
        List<String> participle = List.of();
        boolean progressive = true;
        List<String> third = List.of();
        List<String> plural = List.of();
        List<String> passive = List.of();
        for (Vocabulary.Wording w : p.wordings()) {
            predicates.add(w.participle(), p.name(), PredicateForm.PARTICIPLE);
            predicates.add(w.present3(), p.name(), PredicateForm.THIRD_PERSON);
            predicates.add(w.presentPl(), p.name(), PredicateForm.PLURAL_PRESENT);
            predicates.add(w.passive(), p.name(), PredicateForm.PASSIVE);
            if (participle.isEmpty() && !w.participle().isEmpty()) {
                participle = w.participle();
                progressive = w.progressive();
            }
            if (third.isEmpty() && !w.present3().isEmpty()) {
                third = w.present3();
                plural = w.presentPl();
            }
            if (passive.isEmpty() && !w.passive().isEmpty()) {
                passive = w.passive();
            }
        }
        predicates.define(new Predicate(p.name(), p.spatial(), p.name().equals("next to"), participle, progressive, third, plural, passive));
    }

    /** The closed class of {@code word}; {@link WordClass#OPEN} for content words and unknown words. */
    public WordClass closedClass(String word) {
        WordClass c = closed.get(word);
        if (c != null) {
            return c;
        }
        if (isDigits(word)) {
            return WordClass.NUMBER;
        }
        return WordClass.OPEN;
    }

    /** The number a numeral states ("two" 2, "12" 12), or -1. */
    public int number(String word) {
        Integer n = NUMBER_WORDS.get(word);
        if (n != null) {
            return n;
        }
        if (isDigits(word) && word.length() < 6) {
            return Integer.parseInt(word);
        }
        return -1;
    }

    private static boolean isDigits(String w) {
        if (w.isEmpty()) {
            return false;
        }
        for (int i = 0; i < w.length(); i++) {
            if (w.charAt(i) < '0' || w.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** The count a collective noun before "of" states ("pair" 2, "group" 0), or -1 if {@code word} is not one. */
    public int collective(String word) {
        Integer c = COLLECTIVES.get(word);
        return c == null ? -1 : c;
    }

    public boolean isFrameNoun(String word) {
        return FRAME_NOUNS.contains(word);
    }

    public boolean isParticle(String word) {
        return PARTICLES.contains(word);
    }

    public PredicateLexicon predicates() {
        return predicates;
    }

    /**
     * How to word predicate {@code name}: the domain's wordings, a multi-word preposition, or forms
     * made by rule for a verb ("climbing up": "climbs up", "climb up", passive "climbed up by" for a
     * regular verb) or a preposition ("in": participle "in" only).
     */
    public Predicate predicate(String name) {
        Predicate p = predicates.predicate(name);
        if (p != null) {
            return p;
        }
        p = madePredicates.get(name);
        if (p == null) {
            p = makePredicate(name);
            if (madePredicates.size() < 1 << 16) {
                madePredicates.put(name, p);
            }
        }
        return p;
    }

    private Predicate makePredicate(String name) {
        String[] words = name.split(" ");
        String head = words[0];
        List<String> rest = List.of(words).subList(1, words.length);
        if (head.endsWith("ing") && head.length() > 4) {
            List<String> lemmas = wordNet.baseForms(POS.VERB, head);
            String lemma = lemmas.isEmpty() ? null : lemmas.get(lemmas.size() - 1);
            for (String l : lemmas) {
                if (!l.equals(head)) {
                    lemma = l;
                    break;
                }
            }
            if (lemma != null && !lemma.equals(head)) {
                List<String> third = new ArrayList<>();
                third.add(Inflection.thirdPerson(lemma));
                third.addAll(rest);
                List<String> plural = new ArrayList<>();
                plural.add(lemma);
                plural.addAll(rest);
                List<String> passive = new ArrayList<>();
                if (wordNet.exceptionBases(POS.VERB, lemma + "ed").isEmpty() && !irregularPast(lemma) && rest.isEmpty()) {
                    passive.add(regularPast(lemma));
                    passive.add("by");
                }
                return new Predicate(name, false, false, List.of(words), true, third, plural, passive);
            }
        }
        return new Predicate(name, true, false, List.of(words), true, List.of(), List.of(), List.of());
    }

    private boolean irregularPast(String lemma) {
        for (String form : List.of(lemma + "ed", lemma + "d")) {
            if (wordNet.baseForms(POS.VERB, form).contains(lemma)) {
                return false;
            }
        }
        return true;
    }

    private static String regularPast(String lemma) {
        if (lemma.endsWith("e")) {
            return lemma + "d";
        }
        if (lemma.endsWith("y") && lemma.length() > 1 && !Inflection.isVowel(lemma.charAt(lemma.length() - 2))) {
            return lemma.substring(0, lemma.length() - 1) + "ied";
        }
        return lemma + "ed";
    }

    /** What {@code word} (lower case) can be, out of context. */
    public WordInfo info(String word) {
        WordInfo i = infos.get(word);
        if (i == null) {
            i = compute(word);
            if (infos.size() < 1 << 20) {
                infos.put(word, i);
            }
        }
        return i;
    }

    private WordInfo compute(String w) {
        WordClass c = closedClass(w);
        if (c != WordClass.OPEN) {
            return new WordInfo(w, c, null, false, -1, false, -1, null, null, -1, false, false);
        }
        Vocabulary.Noun dn = domain.noun(w);
        Vocabulary.Adjective da = domain.adjective(w);
        boolean inDomain = dn != null || da != null;
        String nounLemma = null;
        boolean plural = false;
        int nounTags = -1;
        if (dn != null) {
            nounLemma = dn.lemma();
            plural = w.equals(dn.plural()) && !w.equals(dn.lemma());
            nounTags = Math.max(1, wordNet.taggedSenses(POS.NOUN, dn.lemma()));
        } else {
            List<String> nouns = wordNet.baseForms(POS.NOUN, w);
            for (String n : nouns) {
                if (nounLemma == null) {
                    nounLemma = n;
                }
                // Only -s forms and the exception plurals ("men", "children", "feet") are plurals.
                if (!n.equals(w) && (w.endsWith("s") || wordNet.exceptionBases(POS.NOUN, w).contains(n))) {
                    nounLemma = n;
                    plural = true;
                    break;
                }
            }
            if (plural && !w.endsWith("s") && !wordNet.exceptionBases(POS.NOUN, w).contains(nounLemma)) {
                plural = false;
            }
            if (nounLemma != null && !nounLemma.equals(w) && !plural) {
                nounLemma = nouns.contains(w) ? w : null;
            }
            if (nounLemma != null) {
                nounTags = wordNet.taggedSenses(POS.NOUN, nounLemma);
            }
        }
        boolean adjective = da != null;
        int adjTags = da != null ? 5 : -1;
        if (da == null && dn == null) {
            List<String> adjs = wordNet.baseForms(POS.ADJECTIVE, w);
            if (!adjs.isEmpty()) {
                adjective = true;
                adjTags = wordNet.taggedSenses(POS.ADJECTIVE, adjs.get(0));
            }
        }
        String verbLemma = null;
        VerbForm form = null;
        int verbTags = -1;
        List<String> verbs = wordNet.baseForms(POS.VERB, w);
        if (!verbs.isEmpty() && (da == null || w.endsWith("ing") || w.endsWith("ed"))) {
            verbLemma = verbs.get(0);
            for (String v : verbs) {
                if (!v.equals(w)) {
                    verbLemma = v;
                    break;
                }
            }
            if (verbLemma.equals(w)) {
                form = VerbForm.BASE;
            } else if (w.endsWith("ing")) {
                form = VerbForm.PARTICIPLE;
            } else if (w.endsWith("s") && !wordNet.exceptionBases(POS.VERB, w).contains(verbLemma)) {
                form = VerbForm.THIRD_PERSON;
            } else {
                form = VerbForm.PAST;
            }
            verbTags = wordNet.taggedSenses(POS.VERB, verbLemma);
        }
        boolean adverb = false;
        if (nounLemma == null && verbLemma == null && !adjective) {
            adverb = !wordNet.baseForms(POS.ADVERB, w).isEmpty();
        }
        return new WordInfo(w, WordClass.OPEN, nounLemma, plural, nounTags, adjective, adjTags, verbLemma, form, verbTags, adverb, inDomain);
    }

    /** The plural of noun lemma {@code lemma}: the domain's, else by rule. */
    public String plural(String lemma) {
        Vocabulary.Noun n = domain.noun(lemma);
        if (n != null && n.lemma().equals(lemma)) {
            return n.plural();
        }
        return Inflection.plural(lemma);
    }

    /** Whether the noun lemma names people (so a relative clause takes "who"). */
    public boolean isPerson(String lemma) {
        return personLemmas.contains(lemma) || !domainKnowsNoun(lemma) && lemma.indexOf(' ') < 0
                && hypernym("person", lemma);
    }

    private boolean domainKnowsNoun(String lemma) {
        return domain.noun(lemma) != null;
    }

    private boolean hypernym(String general, String specific) {
        return wordNet.isHypernym(POS.NOUN, general, specific);
    }

    /** The classes a domain noun denotes, or null when the domain does not know the noun. */
    public Set<String> nounClasses(String lemma) {
        Vocabulary.Noun n = domain.noun(lemma);
        return n == null ? null : n.classes();
    }

    /**
     * Whether noun {@code general} is true of everything noun {@code specific} is: the same lemma,
     * a domain noun whose classes include all of the other's ("animal" of "dog", "sofa" of "couch"),
     * or, where the domain does not know both, a WordNet synonym in the first senses or a hypernym.
     */
    public boolean denotes(String general, String specific) {
        if (general.equals(specific)) {
            return true;
        }
        Set<String> g = nounClasses(general);
        Set<String> s = nounClasses(specific);
        if (g != null && s != null) {
            return g.containsAll(s);
        }
        return wordNet.shareSynset(POS.NOUN, general, specific, 1) || hypernym(general, specific);
    }

    /** Whether two noun lemmas mean the same: each denotes the other. */
    public boolean sameNoun(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        Set<String> x = nounClasses(a);
        Set<String> y = nounClasses(b);
        if (x != null && y != null) {
            return x.equals(y);
        }
        return wordNet.shareSynset(POS.NOUN, a, b, 1);
    }

    /** Whether one noun denotes the other either way (synonyms, hypernyms, hyponyms): a swap of them need not change the truth. */
    public boolean relatedNouns(String a, String b) {
        return denotes(a, b) || denotes(b, a);
    }

    /** The adjective's family: the domain's ("colour", "size", "material", "pattern", "state"), "colour" for a WordNet colour, else "other". */
    public String adjectiveFamily(String word) {
        Vocabulary.Adjective a = domain.adjective(word);
        if (a != null) {
            return a.family();
        }
        if (word.endsWith("ing")) {
            return "action";
        }
        if (hypernym("chromatic color", word) || hypernym("achromatic color", word)) {
            return "colour";
        }
        return "other";
    }

    /** The value an adjective states: the domain's canonical value ("big" to "large"), else the word. */
    public String adjectiveValue(String word) {
        Vocabulary.Adjective a = domain.adjective(word);
        return a == null ? word : a.value();
    }

    /** Whether an adjective's value can be decided from an image (the domain's non-visual family "state" cannot). */
    public boolean visualAdjective(String word) {
        Vocabulary.Adjective a = domain.adjective(word);
        return a == null || a.visual();
    }

    /** Whether two adjectives state the same value: the domain's value, else a shared first WordNet sense. */
    public boolean sameAdjective(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        Vocabulary.Adjective x = domain.adjective(a);
        Vocabulary.Adjective y = domain.adjective(b);
        if (x != null && y != null) {
            return x.family().equals(y.family()) && x.value().equals(y.value());
        }
        if (x != null || y != null) {
            return false;
        }
        return wordNet.shareSynset(POS.ADJECTIVE, a, b, 1);
    }

    /** Whether the domain knows the predicate and says it cannot be seen ("belongs to"). */
    public boolean visualPredicate(String name) {
        Vocabulary.Predicate p = domain.predicate(name);
        return p == null || p.visual();
    }

    /** The predicate that holds in the other direction, when the domain defines one ("left of" and "right of"); else null. */
    public String inverse(String predicate) {
        return switch (predicate) {
            case "left of" -> "right of";
            case "right of" -> "left of";
            case "above" -> "below";
            case "below" -> "above";
            case "next to" -> "next to";
            default -> null;
        };
    }

    /**
     * Whether two predicates mean the same: the same canonical name, or verbs whose lemmas share their
     * first WordNet sense with the same particles ("sitting on" and "seated on" are not the same;
     * canonical names already merge the domain's wordings).
     */
    public boolean samePredicate(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        String[] x = a.split(" ");
        String[] y = b.split(" ");
        if (x.length != y.length) {
            return false;
        }
        for (int i = 1; i < x.length; i++) {
            if (!x[i].equals(y[i])) {
                return false;
            }
        }
        for (String lx : wordNet.baseForms(POS.VERB, x[0])) {
            for (String ly : wordNet.baseForms(POS.VERB, y[0])) {
                if (lx.equals(ly) || wordNet.shareSynset(POS.VERB, lx, ly, 1)) {
                    return true;
                }
            }
        }
        return false;
    }
}
