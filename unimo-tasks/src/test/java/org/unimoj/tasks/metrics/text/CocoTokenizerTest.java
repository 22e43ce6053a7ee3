package org.unimoj.tasks.metrics.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** PTB token rules beyond what the fixture exercises (CoreNLP 4 defaults). */
class CocoTokenizerTest {

    private final CocoTokenizer tok = new CocoTokenizer();

    @Test
    void splitsCliticsAndNegations() {
        assertEquals(List.of("The", "dog", "'s", "ball", "is", "n't", "red", "."), tok.ptbTokens("The dog's ball isn't red."));
        assertEquals(List.of("I", "ca", "n't", "go", ",", "can", "not", "!"), tok.ptbTokens("I can't go, cannot!"));
        assertEquals(List.of("the", "dogs", "'", "toys"), tok.ptbTokens("the dogs' toys"));
    }

    @Test
    void hyphensSplitExceptAfterKnownPrefixes() {
        assertEquals("a t shirt and a cross-country skier", tok.tokenize("A t-shirt and a cross-country skier."));
        assertEquals("a re-enter sign", tok.tokenize("A re-enter sign"));
    }

    @Test
    void quotesBracketsNumbersAndAbbreviations() {
        assertEquals(List.of("\"", "hi", "\"", "(", "ok", ")"), tok.ptbTokens("\"hi\" (ok)"));
        assertEquals("\" hi \" ( ok )", tok.tokenize("\"hi\" (ok)"));
        assertEquals("1,000 people at 3.5 mph", tok.tokenize("1,000 people at 3.5 mph."));
        assertEquals("mr. smith in the u.s.", tok.tokenize("Mr. Smith in the U.S."));
        assertEquals("wait", tok.tokenize("wait..."));
        assertEquals("50 % off $ 5 and 1/2", tok.tokenize("50% off $5 and 1/2"));
        assertEquals("black / white", tok.tokenize("black/white"));
    }
}
