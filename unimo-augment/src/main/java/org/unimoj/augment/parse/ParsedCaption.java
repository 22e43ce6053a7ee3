package org.unimoj.augment.parse;

import java.util.List;
import java.util.Objects;
import org.unimoj.api.text.SceneGraph;
import org.unimoj.api.text.Span;
import org.unimoj.augment.lexicon.PredicateForm;

/**
 * A caption as the parser understood it: its scene graph plus the syntax a rewriter needs to change
 * it and write it again (where each noun phrase starts, how each relation is worded, which clauses
 * there are, whether the sentence is negated or a question).
 *
 * @param tokens    the tokens (Karpathy's: lower case, no punctuation)
 * @param graph     the scene graph; its spans index {@code tokens}
 * @param phrases   per entity, its noun phrase: from the determiner (or first modifier) to the end of the head noun
 * @param relations per relation of the graph, how it is worded
 * @param clauses   the clauses with a finite verb, an existential "there is", or a bare noun phrase, in order
 * @param negated   whether the sentence is negated ("no man is ...", "is not", "does not", "there is no")
 * @param question  whether it is a yes/no question ("is the man riding a horse")
 */
public record ParsedCaption(List<String> tokens, SceneGraph graph, List<Span> phrases, List<RelationSyntax> relations, List<Clause> clauses,
                            boolean negated, boolean question) {

    public ParsedCaption {
        tokens = List.copyOf(tokens);
        Objects.requireNonNull(graph, "graph");
        phrases = List.copyOf(phrases);
        relations = List.copyOf(relations);
        clauses = List.copyOf(clauses);
        if (phrases.size() != graph.objects().size() || relations.size() != graph.relations().size()) {
            throw new IllegalArgumentException("syntax does not match the graph");
        }
    }

    /** Where a relation sits in a clause. */
    public enum Role {
        /** The predicate of a clause: "the man is riding a horse", "a man rides a horse". */
        MAIN,
        /** A relative clause: "a man who is riding a horse". */
        RELATIVE,
        /** A reduced modifier right after its noun: "a man riding a horse", "a cup on a table". */
        REDUCED
    }

    /**
     * How one relation is worded.
     *
     * @param form     the predicate's form as written
     * @param aux      the token of its "is/are" (or "does"), -1 if none
     * @param being    the token of "being" in a progressive passive, -1 if none
     * @param relative the token of its relative pronoun, -1 if none
     * @param role     where it sits
     * @param written  the entities written before the predicate (the relation's subjects, or its object in a passive)
     */
    public record RelationSyntax(PredicateForm form, int aux, int being, int relative, Role role, List<Integer> written) {
        public RelationSyntax {
            written = List.copyOf(written);
        }
    }

    /**
     * A clause.
     *
     * @param subjects    its subject entities (several when coordinated)
     * @param aux         its "is/are/does" token, -1 if none (a present-tense verb, an existential or a bare noun phrase)
     * @param existential whether it is "there is/are ..."
     * @param relation    index of its main relation, -1 if none
     * @param start       its first token
     * @param end         one past its last token
     */
    public record Clause(List<Integer> subjects, int aux, boolean existential, int relation, int start, int end) {
        public Clause {
            subjects = List.copyOf(subjects);
        }
    }

    /** The sentence as written from the tokens: first letter upper case, a full stop (a question mark for a question). */
    public String text() {
        return Sentences.write(tokens, question);
    }
}
