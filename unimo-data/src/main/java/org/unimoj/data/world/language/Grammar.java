package org.unimoj.data.world.language;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.unimoj.api.text.Span;
import org.unimoj.data.scene.Vocabulary;

/**
 * The constructions of the caption grammar (see WORLD.md for the rules a parser can rely on):
 * <ul>
 *   <li>clauses: {@code NP is/are PARTICIPLE NP} (progressive; the only form of spatial
 *       predicates), {@code NP PRESENT NP} ("rides"), {@code NP is/are [being] PASSIVE NP}
 *       ("is being ridden by"; subject and object of the relation swap);</li>
 *   <li>modifiers that follow a noun phrase: reduced ({@code NP PARTICIPLE NP},
 *       {@code NP PASSIVE NP}) and relative ({@code NP who/that/which is/are PARTICIPLE NP},
 *       {@code NP that/which is/are ADJ [and ADJ]}); a modifier always belongs to the noun just
 *       before it;</li>
 *   <li>existentials ({@code there is/are NP [modifier]}), prefixes ("a photo of"), and
 *       coordination with "and" of noun phrases or clauses.</li>
 * </ul>
 * Relation spans cover the predicate's words (participle, finite verb or passive with "by"),
 * never auxiliaries, "being" or relative pronouns.
 */
public final class Grammar {

    /** How a predicate is worded in a clause. */
    public enum Form { PROGRESSIVE, PRESENT, PASSIVE }

    private static final Set<String> PERSON_NOUNS = Set.of("man", "woman", "boy", "girl", "person", "child", "guy", "lady");
    private static final Set<String> DYNAMIC = Set.of("riding", "chasing", "eating", "walking", "holding");

    private final Vocabulary v = Vocabulary.WORLD;
    private final SplittableRandom r;

    public Grammar(SplittableRandom r) {
        this.r = r;
    }

    /** The forms a predicate can take in a clause. */
    public List<Form> forms(String predicate) {
        List<Form> out = new ArrayList<>();
        for (Form f : Form.values()) {
            if (!wordings(predicate, f).isEmpty()) {
                out.add(f);
            }
        }
        return out;
    }

    private List<Vocabulary.Wording> wordings(String predicate, Form f) {
        List<Vocabulary.Wording> out = new ArrayList<>();
        for (Vocabulary.Wording w : v.predicate(predicate).wordings()) {
            boolean ok = switch (f) {
                case PROGRESSIVE -> w.progressive() && !w.participle().isEmpty();
                case PRESENT -> !w.present3().isEmpty();
                case PASSIVE -> !w.passive().isEmpty();
            };
            if (ok) {
                out.add(w);
            }
        }
        return out;
    }

    private List<Vocabulary.Wording> participles(String predicate) {
        List<Vocabulary.Wording> out = new ArrayList<>();
        for (Vocabulary.Wording w : v.predicate(predicate).wordings()) {
            if (!w.participle().isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    /** The canonical wording most of the time, another one otherwise. */
    private Vocabulary.Wording pick(List<Vocabulary.Wording> ws) {
        if (ws.isEmpty()) {
            throw new IllegalArgumentException("no wording");
        }
        return ws.size() == 1 || r.nextInt(10) < 6 ? ws.get(0) : ws.get(1 + r.nextInt(ws.size() - 1));
    }

    public boolean canModifyByParticiple(String predicate) {
        return !participles(predicate).isEmpty();
    }

    public boolean canRelativize(String predicate) {
        return !wordings(predicate, Form.PROGRESSIVE).isEmpty();
    }

    public boolean hasPassive(String predicate) {
        return !wordings(predicate, Form.PASSIVE).isEmpty();
    }

    public int np(SentenceBuilder sb, Mention m) {
        return sb.nounPhrase(m.phrase());
    }

    private static String be(boolean plural) {
        return plural ? "are" : "is";
    }

    /** A clause stating {@code f} in {@code form}. */
    public void clause(SentenceBuilder sb, Fact f, Form form) {
        switch (form) {
            case PROGRESSIVE: {
                int s = np(sb, f.subject());
                sb.word(be(f.subject().plural()));
                Span span = sb.phrase(pick(wordings(f.predicate(), form)).participle());
                int o = np(sb, f.object());
                sb.relation(s, f.predicate(), o, span);
                return;
            }
            case PRESENT: {
                int s = np(sb, f.subject());
                Vocabulary.Wording w = pick(wordings(f.predicate(), form));
                Span span = sb.phrase(f.subject().plural() ? w.presentPl() : w.present3());
                int o = np(sb, f.object());
                sb.relation(s, f.predicate(), o, span);
                return;
            }
            default: {
                int o = np(sb, f.object());
                sb.word(be(f.object().plural()));
                if (DYNAMIC.contains(f.predicate()) && r.nextBoolean()) {
                    sb.word("being");
                }
                Span span = sb.phrase(pick(wordings(f.predicate(), form)).passive());
                int s = np(sb, f.subject());
                sb.relation(s, f.predicate(), o, span);
            }
        }
    }

    /** The verb phrase of {@code f} after its already written subject {@code s}: "is riding NP" or "rides NP". */
    public void predicate(SentenceBuilder sb, int s, Fact f, boolean allowPresent) {
        List<Vocabulary.Wording> present = wordings(f.predicate(), Form.PRESENT);
        Span span;
        if (allowPresent && !present.isEmpty() && r.nextInt(3) == 0) {
            Vocabulary.Wording w = pick(present);
            span = sb.phrase(f.subject().plural() ? w.presentPl() : w.present3());
        } else {
            sb.word(be(f.subject().plural()));
            span = sb.phrase(pick(wordings(f.predicate(), Form.PROGRESSIVE)).participle());
        }
        int o = np(sb, f.object());
        sb.relation(s, f.predicate(), o, span);
    }

    /** {@code NP PARTICIPLE NP}: the subject with a reduced modifier ("a man riding a horse", "a cup on a table"). */
    public int reduced(SentenceBuilder sb, Fact f) {
        int s = np(sb, f.subject());
        Span span = sb.phrase(pick(participles(f.predicate())).participle());
        int o = np(sb, f.object());
        sb.relation(s, f.predicate(), o, span);
        return s;
    }

    /** {@code NP PASSIVE NP}: the object with a reduced passive modifier ("a horse ridden by a man"). */
    public int reducedPassive(SentenceBuilder sb, Fact f) {
        int o = np(sb, f.object());
        Span span = sb.phrase(pick(wordings(f.predicate(), Form.PASSIVE)).passive());
        int s = np(sb, f.subject());
        sb.relation(s, f.predicate(), o, span);
        return o;
    }

    private String relativePronoun(NounPhrase head) {
        if (PERSON_NOUNS.contains(head.lemma())) {
            return r.nextInt(3) == 0 ? "that" : "who";
        }
        return r.nextBoolean() ? "that" : "which";
    }

    /** A relative clause after the already written entity {@code head} (the fact's subject): "who is riding NP". */
    public void relative(SentenceBuilder sb, int head, Fact f) {
        sb.word(relativePronoun(f.subject().phrase()), be(f.subject().plural()));
        Span span = sb.phrase(pick(wordings(f.predicate(), Form.PROGRESSIVE)).participle());
        int o = np(sb, f.object());
        sb.relation(head, f.predicate(), o, span);
    }

    /** {@code NP who/that/which is PARTICIPLE NP}. */
    public int withRelative(SentenceBuilder sb, Fact f) {
        int s = np(sb, f.subject());
        relative(sb, s, f);
        return s;
    }

    /** A relative clause on the fact's object that continues into a second fact about it: "NP is riding NP that is next to NP". */
    public void relativeOnObject(SentenceBuilder sb, Fact first, Fact second) {
        int s = np(sb, first.subject());
        List<Vocabulary.Wording> present = wordings(first.predicate(), Form.PRESENT);
        Span span;
        if (!present.isEmpty() && r.nextInt(3) == 0) {
            Vocabulary.Wording w = pick(present);
            span = sb.phrase(first.subject().plural() ? w.presentPl() : w.present3());
        } else {
            sb.word(be(first.subject().plural()));
            span = sb.phrase(pick(wordings(first.predicate(), Form.PROGRESSIVE)).participle());
        }
        int o = np(sb, first.object());
        sb.relation(s, first.predicate(), o, span);
        relative(sb, o, second);
    }

    /** {@code NP that/which is ADJ [and ADJ]}: adjectives said of the noun rather than before it. */
    public int predicative(SentenceBuilder sb, Mention m, List<String> adjectives) {
        int e = np(sb, m);
        sb.word(relativePronoun(m.phrase()), be(m.plural()));
        for (int i = 0; i < adjectives.size(); i++) {
            if (i > 0) {
                sb.word("and");
            }
            sb.adjective(e, adjectives.get(i));
        }
        return e;
    }

    /** One of the fixed prefixes ("a photo of"), or nothing. */
    public void maybePrefix(SentenceBuilder sb, double p) {
        if (r.nextDouble() < p) {
            sb.word(Vocabulary.PREFIXES.get(r.nextInt(Vocabulary.PREFIXES.size())));
        }
    }

    /** "there is" / "there are". */
    public void there(SentenceBuilder sb, boolean plural) {
        sb.word("there", be(plural));
    }
}
