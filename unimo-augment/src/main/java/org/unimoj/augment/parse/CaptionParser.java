package org.unimoj.augment.parse;

import java.util.ArrayList;
import java.util.List;
import net.sf.extjwnl.data.POS;
import org.unimoj.api.text.SceneGraph;
import org.unimoj.api.text.SceneGraphParser;
import org.unimoj.api.text.Span;
import org.unimoj.augment.lexicon.Lexicon;
import org.unimoj.augment.lexicon.Predicate;
import org.unimoj.augment.lexicon.PredicateForm;
import org.unimoj.augment.lexicon.PredicateLexicon;
import org.unimoj.augment.lexicon.VerbForm;
import org.unimoj.augment.lexicon.WordClass;
import org.unimoj.augment.lexicon.WordInfo;

/**
 * A rule-based scene-graph parser for captions. One left-to-right pass over the tokens finds noun
 * phrases (determiners, numbers and collectives such as "a group of", modifiers, a head noun or a
 * WordNet compound), predicates (the lexicon's wordings, prepositions, verbs with their particles,
 * passives with "by") and the words that tie them (is/are, who/which/that, and, there, not); a
 * small state machine then attaches each predicate to its subject:
 * <ul>
 *   <li>after "is/are" or as a finite verb, to the clause's subject (all of them when coordinated:
 *       "a cat and a girl are below a kite");</li>
 *   <li>after a relative pronoun, to the noun phrase before it;</li>
 *   <li>as a reduced modifier ("a man riding a horse", "a cup on a table"), to the noun phrase just before it;</li>
 *   <li>in a passive ("ridden by"), the other way round.</li>
 * </ul>
 * Adjectives before a noun and after "is/are" become attributes; a verb without an object becomes an
 * attribute of its subject, as SPICE's parser does. "and" after an object starts a new clause, before
 * the verb it coordinates subjects. Objects are head-noun lemmas, counts 1, n for a numeral, 0 for an
 * unstated plural; relations carry canonical predicate names. Questions ("is the man riding a
 * horse") and negations ("no man is ...", "is not") are parsed like statements and flagged.
 * Thread-safe and allocation-light: one parse is a few microseconds.
 */
public final class CaptionParser implements SceneGraphParser {

    private static volatile CaptionParser standard;

    private final Lexicon lexicon;

    public CaptionParser(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** The parser over {@link Lexicon#standard()}. */
    public static CaptionParser standard() {
        CaptionParser p = standard;
        if (p == null) {
            synchronized (CaptionParser.class) {
                p = standard;
                if (p == null) {
                    p = new CaptionParser(Lexicon.standard());
                    standard = p;
                }
            }
        }
        return p;
    }

    public Lexicon lexicon() {
        return lexicon;
    }

    @Override
    public SceneGraph parse(String sentence) {
        return parseCaption(sentence).graph();
    }

    /** The full parse of a raw sentence. */
    public ParsedCaption parseCaption(String sentence) {
        return parseTokens(Sentences.tokens(sentence));
    }

    /** The full parse of Karpathy tokens. */
    public ParsedCaption parseTokens(List<String> tokens) {
        return new Run(expandContractions(tokens)).parse();
    }

    private static List<String> expandContractions(List<String> tokens) {
        boolean any = false;
        for (String t : tokens) {
            if (t.endsWith("n't")) {
                any = true;
                break;
            }
        }
        if (!any) {
            return tokens;
        }
        List<String> out = new ArrayList<>(tokens.size() + 2);
        for (String t : tokens) {
            if (t.endsWith("n't") && t.length() > 3) {
                String stem = t.equals("can't") ? "can" : t.equals("won't") ? "will" : t.substring(0, t.length() - 3);
                out.add(stem);
                out.add("not");
            } else {
                out.add(t);
            }
        }
        return out;
    }

    /** What the next predicate attaches to. */
    private enum Owner { NONE, MAIN, RELATIVE, THERE, QUESTION, DO }

    /** A matched predicate: its tokens, canonical name and form. */
    private record PredicateMatch(int start, int end, String name, PredicateForm form, boolean verb) {}

    /** A matched noun phrase. */
    private record NounPhrase(int start, int headStart, int headEnd, List<Integer> modifiers, String lemma, int count, boolean negative) {}

    /** A predicate waiting for its object. */
    private record Pending(List<Integer> written, PredicateMatch match, int aux, int being, int relative, ParsedCaption.Role role) {}

    /** The state of one parse. */
    private final class Run {
        private final List<String> t;
        private final int n;
        private final WordInfo[] info;
        /** Per entity that is a relation's object, that relation's written subjects (entity ids < tokens, so n bounds them). */
        private final List<Integer>[] objectSubjects;
        private final List<SceneGraph.Entity> entities = new ArrayList<>();
        private final List<Span> phrases = new ArrayList<>();
        private final List<Boolean> plural = new ArrayList<>();
        private final List<SceneGraph.Attribute> attributes = new ArrayList<>();
        private final List<SceneGraph.Relation> relations = new ArrayList<>();
        private final List<ParsedCaption.RelationSyntax> syntax = new ArrayList<>();
        private final List<ParsedCaption.Clause> clauses = new ArrayList<>();
        private boolean negated;
        private boolean question;

        // Clause state.
        private List<Integer> clauseSubjects = new ArrayList<>();
        private boolean clauseHasVerb;
        private int clauseAux = -1;
        private boolean clauseExistential;
        private int clauseRelation = -1;
        private int clauseStart;
        private boolean clauseOpen;
        // Attachment state.
        private int lastNp = -1;
        private int relativeHead = -1;
        private int relativeToken = -1;
        private boolean relativePending;
        private Owner owner = Owner.NONE;
        private int auxToken = -1;
        private int beingToken = -1;
        private Pending pending;
        private boolean afterAnd;
        private boolean adjectiveMode;
        private boolean thereMode;
        private boolean questionSubject;
        private boolean pronounSubject;
        /** The subject of "does ... ride": a bare verb ends it. */
        private boolean doSubject;

        Run(List<String> tokens) {
            this.t = tokens;
            this.n = tokens.size();
            this.info = new WordInfo[n];
            @SuppressWarnings("unchecked")
            List<Integer>[] o = new List[n + 1];
            this.objectSubjects = o;
            for (int i = 0; i < n; i++) {
                info[i] = lexicon.info(tokens.get(i));
            }
        }

        private WordClass cls(int i) {
            return i < n ? info[i].closed() : null;
        }

        ParsedCaption parse() {
            int i = skipFrame(0);
            if (i < n && (cls(i) == WordClass.BE || cls(i) == WordClass.DO)) {
                question = true;
                questionSubject = true;
                clauseAux = i;
                owner = cls(i) == WordClass.DO ? Owner.DO : Owner.QUESTION;
                doSubject = owner == Owner.DO;
                auxToken = i;
                i++;
            }
            clauseStart = 0;
            while (i < n) {
                i = step(i);
            }
            flushPending();
            closeClause(n);
            return new ParsedCaption(t, new SceneGraph(t, entities, attributes, relations), phrases, syntax, clauses, negated, question);
        }

        /** Skips a framing prefix: "a picture of", "a black and white photo of", "an image of". */
        private int skipFrame(int from) {
            int j = from;
            if (j < n && cls(j) == WordClass.DETERMINER) {
                j++;
            }
            int k = j;
            while (k < n && k - j < 4 && !lexicon.isFrameNoun(t.get(k)) && (info[k].adjective() || t.get(k).equals("and")
                    || t.get(k).equals("close") || t.get(k).equals("up"))) {
                k++;
            }
            if (k < n && (lexicon.isFrameNoun(t.get(k)) || k + 1 < n && t.get(k).equals("close") && t.get(k + 1).equals("up"))) {
                int of = t.get(k).equals("close") ? k + 2 : k + 1;
                if (of < n && t.get(of).equals("of") && of + 1 < n) {
                    return of + 1;
                }
            }
            return from;
        }

        private int step(int i) {
            String w = t.get(i);
            WordInfo wi = info[i];
            switch (wi.closed()) {
                case THERE -> {
                    flushPending();
                    if (afterAnd || clauseHasVerb) {
                        startClause(i);
                    }
                    afterAnd = false;
                    thereMode = true;
                    clauseExistential = true;
                    return i + 1;
                }
                case BE -> {
                    return be(i);
                }
                case BEING -> {
                    if (owner != Owner.NONE) {
                        beingToken = i;
                    }
                    return i + 1;
                }
                case DO -> {
                    flushPending();
                    if (lastNp >= 0 || !clauseSubjects.isEmpty()) {
                        owner = relativePending ? Owner.RELATIVE : Owner.DO;
                        relativePending = false;
                        auxToken = i;
                        if (owner == Owner.DO) {
                            clauseAux = i;
                        }
                    }
                    return i + 1;
                }
                case NOT -> {
                    negated = true;
                    return i + 1;
                }
                case RELATIVE -> {
                    if (w.equals("that") && lastNp < 0) {
                        break; // a determiner: "that dog"
                    }
                    flushPending();
                    if (lastNp >= 0) {
                        relativeHead = lastNp;
                        relativeToken = i;
                        relativePending = true;
                        owner = Owner.NONE;
                    }
                    return i + 1;
                }
                case CONJUNCTION -> {
                    if (adjectiveMode && i + 1 < n && isPredicativeAdjective(i + 1)) {
                        return i + 1;
                    }
                    flushPending();
                    afterAnd = true;
                    adjectiveMode = false;
                    owner = Owner.NONE;
                    relativePending = false;
                    thereMode = false;
                    return i + 1;
                }
                case PRONOUN -> {
                    flushPending();
                    if (afterAnd || clauseSubjects.isEmpty()) {
                        if (afterAnd && clauseHasVerb) {
                            startClause(i);
                        }
                        pronounSubject = true;
                        afterAnd = false;
                    }
                    lastNp = -1;
                    return i + 1;
                }
                default -> {
                }
            }
            // Adjectives said of the subject after "is/are": "the dog is brown", "which is yellow and small".
            if ((owner == Owner.MAIN || owner == Owner.RELATIVE || owner == Owner.QUESTION) && pending == null
                    && wi.domain() && wi.adjective() && !startsNounPhraseAfterAdjective(i)) {
                return predicativeAdjective(i);
            }
            if (predicatePosition()) {
                PredicateMatch m = matchPredicate(i);
                if (m != null) {
                    startPredicate(m);
                    return m.end();
                }
            }
            if ((owner == Owner.MAIN || owner == Owner.RELATIVE || owner == Owner.QUESTION) && pending == null
                    && isPredicativeAdjective(i)) {
                return predicativeAdjective(i);
            }
            NounPhrase np = matchNounPhrase(i);
            if (np != null) {
                nounPhrase(np);
                return np.headEnd();
            }
            return i + 1;
        }

        private boolean isPredicativeAdjective(int i) {
            WordInfo wi = info[i];
            return wi.isOpen() && wi.adjective() && !startsNounPhraseAfterAdjective(i);
        }

        /** Whether the adjective at {@code i} starts a noun phrase ("a red ball", "red balls") rather than standing alone. */
        private boolean startsNounPhraseAfterAdjective(int i) {
            int j = i + 1;
            while (j < n && info[j].isOpen() && info[j].adjective() && !info[j].isNoun()) {
                j++;
            }
            return j < n && info[j].isOpen() && (info[j].isNoun() || !info[j].known()) && !(info[j].isVerb()
                    && info[j].verbForm() == VerbForm.PARTICIPLE);
        }

        private int predicativeAdjective(int i) {
            List<Integer> owners = owner == Owner.RELATIVE ? List.of(relativeHead) : clauseSubjects;
            for (int e : owners) {
                if (e >= 0) {
                    attributes.add(new SceneGraph.Attribute(e, t.get(i), new Span(i, i + 1)));
                }
            }
            if (owner != Owner.RELATIVE) {
                clauseHasVerb = true;
            }
            adjectiveMode = true;
            return i + 1;
        }

        private int be(int i) {
            flushPending();
            adjectiveMode = false;
            if (thereMode && owner == Owner.NONE) {
                owner = Owner.THERE;
                clauseAux = i;
                return i + 1;
            }
            if (relativePending) {
                owner = Owner.RELATIVE;
                relativePending = false;
            } else if (clauseHasVerb && lastNp >= 0) {
                // "is" after a complete clause without "and" or a pronoun: a relative without its pronoun.
                owner = Owner.RELATIVE;
                relativeHead = lastNp;
                relativeToken = -1;
            } else {
                owner = Owner.MAIN;
                if (clauseSubjects.isEmpty() && lastNp >= 0) {
                    clauseSubjects.add(lastNp);
                }
                clauseAux = i;
            }
            auxToken = i;
            beingToken = -1;
            return i + 1;
        }

        private boolean predicatePosition() {
            if (pending != null) {
                return false;
            }
            return owner == Owner.MAIN || owner == Owner.RELATIVE || owner == Owner.QUESTION && !questionSubject || owner == Owner.DO && !questionSubject
                    || relativePending || lastNp >= 0 || pronounSubject;
        }

        /** Whether the subject the next finite verb agrees with is plural. */
        private boolean subjectPlural() {
            if (relativePending) {
                return relativeHead >= 0 && plural.get(relativeHead);
            }
            if (!clauseHasVerb && !clauseSubjects.isEmpty()) {
                return clauseSubjects.size() > 1 || plural.get(clauseSubjects.get(0));
            }
            return lastNp >= 0 && plural.get(lastNp);
        }

        private boolean finiteAllowed() {
            return owner == Owner.NONE && (relativePending || !clauseHasVerb || pronounSubject) || owner == Owner.DO;
        }

        private boolean formFits(PredicateForm f, boolean isVerb) {
            switch (owner) {
                case MAIN, RELATIVE, QUESTION -> {
                    return f == PredicateForm.PARTICIPLE || f == PredicateForm.PASSIVE || f == PredicateForm.PAST;
                }
                case DO -> {
                    return f == PredicateForm.PLURAL_PRESENT;
                }
                case THERE -> {
                    return false;
                }
                default -> {
                    if (f == PredicateForm.PARTICIPLE || f == PredicateForm.PASSIVE) {
                        return !relativePending || !isVerb;
                    }
                    if (!finiteAllowed()) {
                        return f == PredicateForm.PAST;
                    }
                    boolean pl = subjectPlural();
                    return f == PredicateForm.THIRD_PERSON && !pl || f == PredicateForm.PLURAL_PRESENT && pl || f == PredicateForm.PAST;
                }
            }
        }

        /** The predicate starting at {@code i}: a lexicon wording, else a preposition or a verb with its particles. */
        private PredicateMatch matchPredicate(int i) {
            for (PredicateLexicon.Match m : lexicon.predicates().matchesAt(t, i)) {
                Predicate p = lexicon.predicate(m.predicate());
                boolean verb = p.hasVerb();
                if (formFits(m.form(), verb)) {
                    int end = i + m.length();
                    if (verb && m.form() != PredicateForm.PASSIVE && end < n && isParticleBeforeObject(end) && !lastWordIsPreposition(i, end)) {
                        // "riding on a horse": the wording plus a particle the lexicon does not list.
                        int e2 = end + 1;
                        String name = m.predicate() + " " + t.get(end);
                        return new PredicateMatch(i, e2, name, m.form(), true);
                    }
                    return new PredicateMatch(i, end, m.predicate(), m.form(), verb);
                }
            }
            WordInfo wi = info[i];
            if (wi.closed() == WordClass.PREPOSITION) {
                if (owner == Owner.DO || owner == Owner.THERE) {
                    return null;
                }
                if (relativePending && owner == Owner.NONE) {
                    return null;
                }
                return new PredicateMatch(i, i + 1, t.get(i), PredicateForm.PARTICIPLE, false);
            }
            if (wi.isOpen() && wi.isVerb()) {
                return matchVerb(i, wi);
            }
            return null;
        }

        private boolean lastWordIsPreposition(int from, int end) {
            return info[end - 1].closed() == WordClass.PREPOSITION;
        }

        /** Whether {@code j} holds a particle or preposition that an object noun phrase follows. */
        private boolean isParticleBeforeObject(int j) {
            if (j >= n || !lexicon.isParticle(t.get(j))) {
                return false;
            }
            return j + 1 < n && (info[j + 1].closed() == WordClass.DETERMINER || info[j + 1].closed() == WordClass.NUMBER
                    || info[j + 1].closed() == WordClass.QUANTIFIER || info[j + 1].isOpen() && (info[j + 1].isNoun() || info[j + 1].adjective()));
        }

        private PredicateMatch matchVerb(int i, WordInfo wi) {
            VerbForm vf = wi.verbForm();
            PredicateForm form;
            switch (vf) {
                case PARTICIPLE -> form = PredicateForm.PARTICIPLE;
                case THIRD_PERSON -> form = PredicateForm.THIRD_PERSON;
                case BASE -> form = PredicateForm.PLURAL_PRESENT;
                default -> form = PredicateForm.PAST;
            }
            if (form == PredicateForm.THIRD_PERSON || form == PredicateForm.PLURAL_PRESENT) {
                // A word that is more often a noun is no verb here ("a man with shoes", not "shoes" as a verb).
                if (wi.verbTags() <= 0 && wi.nounTags() > 0) {
                    return null;
                }
            }
            if (form == PredicateForm.PAST && wi.adjective() && !wi.domain() && (owner == Owner.MAIN || owner == Owner.RELATIVE)
                    && !(i + 1 < n && (t.get(i + 1).equals("by") || isParticleBeforeObject(i + 1)))) {
                return null; // "is tired": an adjective
            }
            if (!formFits(form, true)) {
                return null;
            }
            int j = i + 1;
            while (j < n && info[j].isOpen() && info[j].adverb() && j - i < 3) {
                j++; // "running quickly through"
            }
            List<String> words = new ArrayList<>(3);
            String head = form == PredicateForm.PARTICIPLE || form == PredicateForm.PAST && owner != Owner.NONE ? t.get(i)
                    : org.unimoj.augment.lexicon.Inflection.participle(wi.verbLemma());
            words.add(head);
            int end = i + 1;
            if (form == PredicateForm.PAST && j < n && t.get(j).equals("by")) {
                return new PredicateMatch(i, j + 1, org.unimoj.augment.lexicon.Inflection.participle(wi.verbLemma()), PredicateForm.PASSIVE, true);
            }
            int particles = 0;
            while (j < n && particles < 2) {
                List<PredicateLexicon.Match> ms = lexicon.predicates().matchesAt(t, j);
                PredicateLexicon.Match prep = null;
                for (PredicateLexicon.Match m : ms) {
                    if (!lexicon.predicate(m.predicate()).hasVerb() && m.form() == PredicateForm.PARTICIPLE && m.length() > 1) {
                        prep = m;
                        break;
                    }
                }
                if (prep != null) {
                    for (int k = j; k < j + prep.length(); k++) {
                        words.add(t.get(k));
                    }
                    j += prep.length();
                    end = j;
                    particles++;
                    continue;
                }
                if (lexicon.isParticle(t.get(j)) || info[j].closed() == WordClass.PREPOSITION) {
                    words.add(t.get(j));
                    j++;
                    end = j;
                    particles++;
                    continue;
                }
                break;
            }
            if (form == PredicateForm.PAST && end < n && t.get(end).equals("by")) {
                words.set(0, org.unimoj.augment.lexicon.Inflection.participle(wi.verbLemma()));
                return new PredicateMatch(i, end + 1, String.join(" ", words), PredicateForm.PASSIVE, true);
            }
            return new PredicateMatch(i, end, String.join(" ", words), form, true);
        }

        private void startPredicate(PredicateMatch m) {
            List<Integer> written;
            ParsedCaption.Role role;
            int aux = auxToken;
            int being = beingToken;
            int relTok = -1;
            boolean finite = m.form() == PredicateForm.THIRD_PERSON || m.form() == PredicateForm.PLURAL_PRESENT
                    || m.form() == PredicateForm.PAST && owner == Owner.NONE && !relativePending && !clauseHasVerb;
            if (owner == Owner.RELATIVE || relativePending) {
                written = List.of(relativeHead);
                role = ParsedCaption.Role.RELATIVE;
                relTok = relativeToken;
                relativePending = false;
            } else if (owner == Owner.MAIN || owner == Owner.QUESTION || owner == Owner.DO || finite && !clauseHasVerb) {
                written = pronounSubject && clauseSubjects.isEmpty() ? List.of() : List.copyOf(clauseSubjects);
                role = ParsedCaption.Role.MAIN;
                clauseHasVerb = true;
                if (owner == Owner.NONE) {
                    aux = -1;
                    being = -1;
                }
            } else {
                written = lastNp >= 0 ? List.of(lastNp) : List.of();
                if (m.verb() && m.form() == PredicateForm.PARTICIPLE && lastNp >= 0 && objectSubjects[lastNp] != null) {
                    // "a woman kneeling in the snow attaching a harness": a verb after an object is the first subject's.
                    written = objectSubjects[lastNp];
                }
                role = ParsedCaption.Role.REDUCED;
                aux = -1;
                being = -1;
            }
            pending = new Pending(written, m, aux, being, relTok, role);
            owner = Owner.NONE;
            auxToken = -1;
            beingToken = -1;
            adjectiveMode = false;
        }

        /** A predicate without an object: a verb says something of its subject (SPICE's attribute), a bare preposition nothing. */
        private void flushPending() {
            if (pending == null) {
                return;
            }
            Pending p = pending;
            pending = null;
            if (p.match().verb() && p.match().form() != PredicateForm.PASSIVE) {
                String value = p.match().name();
                for (int e : p.written()) {
                    if (e >= 0) {
                        attributes.add(new SceneGraph.Attribute(e, value, new Span(p.match().start(), p.match().end())));
                    }
                }
            }
        }

        private void nounPhrase(NounPhrase np) {
            int e = entities.size();
            entities.add(new SceneGraph.Entity(np.lemma(), np.count(), new Span(np.headStart(), np.headEnd())));
            phrases.add(new Span(np.start(), np.headEnd()));
            plural.add(np.count() != 1);
            negated |= np.negative();
            for (int m : np.modifiers()) {
                attributes.add(new SceneGraph.Attribute(e, t.get(m), new Span(m, m + 1)));
            }
            adjectiveMode = false;
            if (pending != null) {
                Pending p = pending;
                pending = null;
                boolean passive = p.match().form() == PredicateForm.PASSIVE;
                for (int w : p.written()) {
                    if (w < 0) {
                        continue;
                    }
                    int s = passive ? e : w;
                    int o = passive ? w : e;
                    if (s == o) {
                        continue;
                    }
                    relations.add(new SceneGraph.Relation(s, p.match().name(), o, new Span(p.match().start(), p.match().end())));
                    if (!passive) {
                        objectSubjects[e] = p.written();
                    }
                    syntax.add(new ParsedCaption.RelationSyntax(p.match().form(), p.aux(), p.being(), p.relative(), p.role(), p.written()));
                    if (p.role() == ParsedCaption.Role.MAIN && clauseRelation < 0) {
                        clauseRelation = relations.size() - 1;
                    }
                }
                lastNp = e;
                pronounSubject = false;
                return;
            }
            if (thereMode) {
                clauseSubjects = new ArrayList<>(List.of(e));
                clauseHasVerb = true;
                thereMode = false;
                questionSubject = false;
                owner = Owner.NONE;
            } else if (questionSubject) {
                clauseSubjects = new ArrayList<>(List.of(e));
                doSubject = false;
                questionSubject = false;
            } else if (afterAnd) {
                if (clauseHasVerb || pronounSubject) {
                    startClause(np.start());
                    clauseSubjects.add(e);
                } else {
                    clauseSubjects.add(e);
                }
                afterAnd = false;
            } else if (owner == Owner.MAIN || owner == Owner.RELATIVE) {
                owner = Owner.NONE; // "this is a dog": a copula with a noun phrase states no relation
                clauseHasVerb = true;
            } else if (clauseSubjects.isEmpty() && !pronounSubject) {
                clauseSubjects.add(e);
            }
            pronounSubject = false;
            lastNp = e;
        }

        private void startClause(int at) {
            closeClause(at);
            clauseSubjects = new ArrayList<>();
            clauseHasVerb = false;
            clauseAux = -1;
            clauseExistential = false;
            clauseRelation = -1;
            clauseStart = at;
            relativeHead = -1;
            relativePending = false;
        }

        private void closeClause(int end) {
            if (!clauseSubjects.isEmpty() || clauseRelation >= 0) {
                clauses.add(new ParsedCaption.Clause(clauseSubjects, clauseAux, clauseExistential, clauseRelation, clauseStart, end));
            }
            clauseSubjects = new ArrayList<>();
        }

        /** A noun phrase at {@code i}: determiners, numbers, collectives, modifiers and a head noun; or null. */
        private NounPhrase matchNounPhrase(int i) {
            int j = i;
            int count = -1;
            boolean negative = false;
            boolean quantified = false;
            int collective = -1;
            while (j < n) {
                WordClass c = info[j].closed();
                String w = t.get(j);
                if (c == WordClass.DETERMINER || c == WordClass.RELATIVE && w.equals("that") && j == i) {
                    j++;
                } else if (c == WordClass.NO) {
                    negative = true;
                    j++;
                } else if (c == WordClass.NUMBER) {
                    count = lexicon.number(w);
                    j++;
                } else if (c == WordClass.QUANTIFIER) {
                    quantified = true;
                    j++;
                } else if (lexicon.collective(w) >= 0 && j + 1 < n && t.get(j + 1).equals("of") && j + 2 < n && (j > i || w.equals("lots"))
                        && !info[j + 2].closed().equals(WordClass.PRONOUN)) {
                    collective = lexicon.collective(w);
                    quantified = true;
                    j += 2;
                } else {
                    break;
                }
            }
            int start = j;
            int head = -1;
            boolean headPlural = false;
            List<Integer> words = new ArrayList<>(4);
            while (j < n) {
                WordInfo wi = info[j];
                String w = t.get(j);
                if (!wi.isOpen()) {
                    if (w.equals("and") && !words.isEmpty() && (head < 0 || head == words.get(words.size() - 1) && info[head].adjective())
                            && j + 1 < n && info[j + 1].isOpen() && info[j + 1].adjective() && info[words.get(words.size() - 1)].adjective()
                            && startsNounPhraseAfterAdjective(j + 1)) {
                        j++; // "a black and white dog"
                        continue;
                    }
                    break;
                }
                if (head >= 0 && endsNounPhrase(j, wi, headPlural, info[head])) {
                    break;
                }
                if (wi.isNoun() || !wi.known()) {
                    words.add(j);
                    head = j;
                    headPlural = wi.plural();
                    j++;
                    if (w.endsWith("'s") || w.endsWith("s'")) {
                        break; // a possessor ends its phrase: "a man's dog"
                    }
                    continue;
                }
                if (wi.adjective() || wi.isVerb() && (wi.verbForm() == VerbForm.PARTICIPLE || wi.verbForm() == VerbForm.PAST)) {
                    if (head >= 0 && !(info[head].adjective() && wi.adjective())) {
                        break; // but "a black huge car": the noun so far was an adjective too
                    }
                    words.add(j);
                    j++;
                    continue;
                }
                break;
            }
            if (head < 0) {
                return null;
            }
            int headStart = head;
            // Words after the head that were taken as modifiers are not part of the phrase.
            List<Integer> modifiers = new ArrayList<>();
            for (int k : words) {
                if (k < head) {
                    modifiers.add(k);
                }
            }
            String lemma = nounLemma(head);
            // WordNet compounds: "tennis ball", "ice cream".
            if (!modifiers.isEmpty() && !info[head].domain()) {
                int m = modifiers.get(modifiers.size() - 1);
                if (m == head - 1 && info[m].isNoun() && !info[m].domain()) {
                    String compound = t.get(m) + " " + lemma;
                    if (lexicon.wordNet().contains(POS.NOUN, compound)) {
                        lemma = compound;
                        headStart = m;
                        modifiers.remove(modifiers.size() - 1);
                    }
                }
            }
            int c;
            if (negative) {
                c = 1; // "no dogs": there is not even one
            } else if (count >= 0) {
                c = count;
            } else if (collective > 0) {
                c = collective;
            } else if (headPlural || collective == 0) {
                c = 0;
            } else {
                c = 1;
            }
            return new NounPhrase(i, headStart, head + 1, modifiers, lemma, c, negative);
        }

        private String nounLemma(int i) {
            WordInfo wi = info[i];
            String w = t.get(i);
            if (wi.isNoun()) {
                return wi.nounLemma();
            }
            if (w.endsWith("'s")) {
                return w.substring(0, w.length() - 2);
            }
            if (w.endsWith("s'")) {
                return w.substring(0, w.length() - 1);
            }
            return w;
        }

        /** Whether the word at {@code j}, after a head noun, starts something else: a predicate, a verb, an adjective. */
        private boolean endsNounPhrase(int j, WordInfo wi, boolean headPlural, WordInfo headInfo) {
            if (doSubject && (wi.isVerb() && wi.verbForm() == VerbForm.BASE)) {
                return true;
            }
            for (PredicateLexicon.Match m : lexicon.predicates().matchesAt(t, j)) {
                PredicateForm f = m.form();
                if (doSubject && f == PredicateForm.PLURAL_PRESENT || f == PredicateForm.PARTICIPLE || f == PredicateForm.PASSIVE || f == PredicateForm.THIRD_PERSON && !headPlural
                        || f == PredicateForm.PLURAL_PRESENT && headPlural) {
                    return true;
                }
            }
            if (wi.domain() && wi.isNoun()) {
                return false;
            }
            if (headInfo.adjective() && wi.adjective() && !(wi.isVerb() && wi.verbForm() == VerbForm.PARTICIPLE)) {
                return false; // "a black huge car", "a green striped ball": the "head" so far was an adjective
            }
            if (wi.isVerb()) {
                switch (wi.verbForm()) {
                    case PARTICIPLE -> {
                        return true;
                    }
                    case THIRD_PERSON -> {
                        if (!headPlural && wi.verbTags() > 0) {
                            return true;
                        }
                    }
                    case BASE -> {
                        if (headPlural && wi.verbTags() > 0 && 2 * wi.verbTags() >= wi.nounTags()) {
                            return true;
                        }
                    }
                    case PAST -> {
                        if (!wi.isNoun()) {
                            return true;
                        }
                    }
                    default -> {
                    }
                }
            }
            if (!wi.isNoun() && wi.known()) {
                return true;
            }
            return false;
        }
    }
}
