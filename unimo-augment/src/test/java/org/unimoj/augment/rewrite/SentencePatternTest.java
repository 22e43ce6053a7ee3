package org.unimoj.augment.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.unimoj.api.data.Caption;
import org.unimoj.api.rewrite.Polarity;
import org.unimoj.api.rewrite.Rewrite;
import org.unimoj.api.rewrite.RewriteRequest;
import org.unimoj.api.rewrite.Rewriter;
import org.unimoj.api.rewrite.RewriterContext;
import org.unimoj.api.text.SceneGraph;
import org.unimoj.augment.graph.ImageGraphs;
import org.unimoj.augment.lexicon.Lexicon;
import org.unimoj.augment.parse.CaptionParser;

/** The sentence-level moves, word order and length on hand-picked sentences: grammar (agreement, articles, do-support) and polarity. */
class SentencePatternTest {

    private static final CaptionParser PARSER = CaptionParser.standard();

    /** The rewrites of {@code text} by rewriter {@code name}, the image being what the caption (and {@code alsoTrue}) say. */
    private static List<String> rewrite(String name, String text, String... alsoTrue) {
        List<Caption> corpus = new ArrayList<>();
        corpus.add(new Caption("0", "img", text));
        for (String s : List.of("A cat is chasing a dog.", "A woman is holding a red cup.", "Two dogs are sitting on a bench.",
                "A small white cat.", "A man is next to a table.", "A girl is riding a black horse.")) {
            for (int i = 0; i < 3; i++) {
                corpus.add(new Caption("c" + corpus.size(), "other" + corpus.size(), s));
            }
        }
        Rewriter r = Rewriters.available().get(name).create(new RewriterContext(PARSER, corpus, Map.of("max", "5", "tries", "40"), 1));
        List<SceneGraph> graphs = new ArrayList<>();
        graphs.add(PARSER.parse(text));
        for (String s : alsoTrue) {
            graphs.add(PARSER.parse(s));
        }
        RewriteRequest req = new RewriteRequest(corpus.get(0), PARSER.parse(text), ImageGraphs.union(graphs, Lexicon.standard()));
        List<String> out = new ArrayList<>();
        for (Rewrite w : r.rewrite(req, new SplittableRandom(3))) {
            out.add(w.text());
            assertEquals(name, w.rewriter());
        }
        return out;
    }

    @Test
    void negationDeniesTheFirstClause() {
        assertEquals(List.of("The man is not riding a horse."), rewrite(Negation.NAME, "The man is riding a horse."));
        assertEquals(List.of("No man is riding a horse."), rewrite(Negation.NAME, "A man is riding a horse."));
        assertEquals(List.of("No girls are sitting on a bench."), rewrite(Negation.NAME, "Two girls are sitting on a bench."));
        assertEquals(List.of("The man does not ride a horse."), rewrite(Negation.NAME, "The man rides a horse."));
        assertEquals(List.of("There is no black cat."), rewrite(Negation.NAME, "A picture of a black cat."));
        assertEquals(List.of("There is no dog under a table."), rewrite(Negation.NAME, "There is a dog under a table."));
        assertTrue(PARSER.parseCaption("The man does not ride a horse.").negated());
    }

    @Test
    void questionsAskWhatTheCaptionSays() {
        assertEquals(List.of("Is the man riding a horse?"), rewrite(Question.NAME, "The man is riding a horse."));
        assertEquals(List.of("Is there a man riding a horse?"), rewrite(Question.NAME, "A man is riding a horse."));
        assertEquals(List.of("Does the man ride a horse?"), rewrite(Question.NAME, "The man rides a horse."));
        assertEquals(List.of("Are there two dogs?"), rewrite(Question.NAME, "Two dogs."));
        assertEquals(List.of("Is there a dog under a table?"), rewrite(Question.NAME, "There is a dog under a table."));
        assertEquals(List.of(), rewrite(Question.NAME, "A cat is on a mat and a dog is under a table."), "two clauses are not asked");
    }

    @Test
    void wordOrderSwapsTheRolesAndKeepsAgreement() {
        assertEquals(List.of("A horse is riding two girls."), rewrite(WordOrder.NAME, "Two girls are riding a horse."));
        assertEquals(List.of("A horse rides the man."), rewrite(WordOrder.NAME, "The man rides a horse."));
        assertEquals(List.of("A horse which is riding the man."), rewrite(WordOrder.NAME, "The man who is riding a horse."));
        assertEquals(List.of(), rewrite(WordOrder.NAME, "A man next to a table."), "next to is symmetric");
        assertEquals(List.of(), rewrite(WordOrder.NAME, "A cup to the left of a plate.", "A plate to the left of a cup."),
                "a swap the image bears out is no negative");
    }

    @Test
    void lengthChangesKeepOrBreakTheTruth() {
        assertEquals(List.of("A dog."), rewrite(DropAttribute.NAME, "A black dog."));
        assertEquals(List.of("A book which is small."), rewrite(DropAttribute.NAME, "A book which is yellow and small.").subList(0, 1));
        assertEquals(List.of(), rewrite(DropAttribute.NAME, "Two black dogs."), "two black dogs does not entail two dogs");
        assertEquals(List.of("A man."), rewrite(DropRelation.NAME, "A man riding a horse."));
        assertEquals(List.of("The pizza."), rewrite(DropRelation.NAME, "The pizza is looked at by a child."));
        for (String s : rewrite(AddAttribute.NAME, "A dog is chasing a cat.")) {
            assertTrue(s.matches("An? \\w+ (dog is chasing a cat|dog is chasing an? \\w+ cat)\\.") || s.matches("A dog is chasing an? \\w+ cat\\."), s);
        }
        assertEquals(Polarity.NEGATIVE, Rewriters.available().get(AddAttribute.NAME).polarity());
    }

    @Test
    void swapsTakeTheRightFormOfTheNewWord() {
        for (String s : rewrite(ObjectSwap.NAME, "Two dogs are sitting on a bench.")) {
            String[] w = s.split(" ");
            boolean subjectSwapped = !w[1].equals("dogs");
            assertTrue(!subjectSwapped || Lexicon.standard().info(w[1]).plural(), "the new subject keeps the plural: " + s);
            assertTrue(s.matches("Two \\w+ are sitting on an? \\w+\\."), s);
        }
        for (String s : rewrite(ObjectSwap.NAME, "A woman is holding a red cup.")) {
            assertTrue(!s.contains(" a a") && !s.contains(" an c") && !s.contains(" a e"), s);
        }
        for (String s : rewrite(RelationSwap.NAME, "A cat chases a dog.")) {
            assertTrue(s.matches("A cat (\\w+s( \\w+)?|is \\w+( \\w+)*) a dog\\."), s);
        }
    }
}
