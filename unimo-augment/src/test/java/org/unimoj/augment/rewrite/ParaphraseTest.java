package org.unimoj.augment.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unimoj.api.data.Caption;
import org.unimoj.api.rewrite.Rewrite;
import org.unimoj.api.rewrite.RewriteRequest;
import org.unimoj.api.rewrite.Rewriter;
import org.unimoj.api.rewrite.RewriterContext;
import org.unimoj.augment.graph.ImageGraphs;
import org.unimoj.augment.lexicon.Lexicon;
import org.unimoj.augment.parse.CaptionParser;

/** The paraphrase sources: a file (JSONL or TSV), a plugged-in engine, the built-in synonyms; and the meaning check. */
class ParaphraseTest {

    @TempDir
    Path dir;

    private static final CaptionParser PARSER = CaptionParser.standard();
    private static final Caption CAPTION = new Caption("7", "img", "A man is riding a big horse.");

    /** A stand-in for a translation engine: passive voice, and one paraphrase that changes the meaning. */
    public static final class FakeBackTranslator implements Paraphraser {
        public FakeBackTranslator(Map<String, String> settings) {
        }

        @Override
        public List<String> paraphrase(Caption caption, RandomGenerator random) {
            return List.of("A big horse is being ridden by a man.", "A man is riding a small horse.");
        }
    }

    private static List<Rewrite> run(Map<String, String> settings) {
        List<Caption> corpus = List.of(CAPTION, new Caption("8", "b", "A guy is riding a large horse."), new Caption("9", "c", "A guy near a horse."),
                new Caption("10", "d", "A big dog."), new Caption("11", "e", "A large cat."));
        Rewriter r = new Paraphrase().create(new RewriterContext(PARSER, corpus, settings, 1));
        RewriteRequest req = new RewriteRequest(CAPTION, PARSER.parse(CAPTION.text()),
                ImageGraphs.union(List.of(PARSER.parse(CAPTION.text())), Lexicon.standard()));
        return r.rewrite(req, new SplittableRandom(2));
    }

    @Test
    void aPluggedInEngineIsCheckedForMeaning() {
        List<Rewrite> out = run(Map.of("source", FakeBackTranslator.class.getName()));
        assertEquals(List.of("A big horse is being ridden by a man."), out.stream().map(Rewrite::text).toList(), "the small horse is no paraphrase");
        assertEquals(2, run(Map.of("source", FakeBackTranslator.class.getName(), "check", "none")).size());
    }

    @Test
    void paraphraseFilesInBothLayouts() throws IOException {
        Path jsonl = dir.resolve("p.jsonl");
        Files.writeString(jsonl, "{\"caption_id\": \"7\", \"paraphrases\": [\"A man rides a large horse.\"]}\n\n{\"caption_id\": \"8\", \"paraphrases\": []}\n");
        assertEquals(List.of("A man rides a large horse."), run(Map.of("file", jsonl.toString())).stream().map(Rewrite::text).toList());
        Path tsv = dir.resolve("p.tsv");
        Files.writeString(tsv, "7\tA guy is riding a large horse.\n7\tA man is sleeping.\n");
        assertEquals(List.of("A guy is riding a large horse."), run(Map.of("file", tsv.toString())).stream().map(Rewrite::text).toList());

        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, "{\"caption_id\": \"7\", \"paraphrases\": [\"ok\"]}\n{\"caption_id\": \"8\", \"paraphrases\": \"no\"}\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ParaphraseFile.read(bad));
        assertTrue(e.getMessage().contains("bad.jsonl:2: field 'paraphrases'"), e.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> run(Map.of("source", "file")));
        assertTrue(missing.getMessage().contains("unimo.augment.rewriters.paraphrase.file"), missing.getMessage());
    }

    @Test
    void theBuiltInParaphraserUsesTheCorpusSynonyms() {
        List<Rewrite> out = run(Map.of());
        assertTrue(!out.isEmpty());
        for (Rewrite r : out) {
            assertTrue(r.text().matches("A (man|guy) is riding a (big|large) horse\\."), r.text());
        }
    }
}
