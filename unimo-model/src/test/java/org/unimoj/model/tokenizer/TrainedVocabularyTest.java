package org.unimoj.model.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.GptBytePairEncodingParams;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unimoj.model.tokenizer.train.BpeTrainer;
import org.unimoj.model.tokenizer.train.TrainerSettings;
import org.unimoj.model.tokenizer.train.TrainingProgress;

/** A vocabulary trained on the Flickr8k captions to 8,192 entries: layout, determinism, round trip, readable by other GPT-2-style tokenizers. */
class TrainedVocabularyTest {
    @TempDir
    static Path tmp;
    private static Path corpus;
    private static String captionsText;
    private static BpeTrainer.Result first;
    private static Path firstDir;

    @BeforeAll
    static void train() throws IOException {
        captionsText = String.join("\n", Gpt2Files.captions()) + "\n";
        corpus = tmp.resolve("flickr8k-captions.txt");
        Files.writeString(corpus, captionsText, StandardCharsets.UTF_8);
        first = new BpeTrainer(TrainerSettings.of(8192)).train(List.of(corpus), TrainingProgress.NONE);
        firstDir = tmp.resolve("run1");
        TokenizerFiles.write(first.vocabulary(), firstDir);
    }

    @Test
    void hasTheAskedSizeAndRobertasLayout() {
        assertTrue(first.reachedSize());
        ByteLevelBpeTokenizer t = ByteLevelBpeTokenizer.load(firstDir);
        assertEquals(8192, t.vocabSize());
        assertEquals(new SpecialTokens(0, 1, 2, 3, 8191), t.specialTokens());
        assertEquals(8192 - 4 - 256 - 1, t.vocabulary().merges().size());
        assertEquals(List.of(0, 1, 2, 3, 8191), t.vocabulary().controlIds());
        // Frequent caption words became single tokens.
        assertEquals(1, t.encode(" dog").length);
        assertEquals(1, t.encode(" playing").length);
    }

    @Test
    void twoRunsWriteIdenticalFiles() throws IOException {
        BpeTrainer.Result second = new BpeTrainer(TrainerSettings.of(8192)).train(List.of(corpus), TrainingProgress.NONE);
        Path secondDir = tmp.resolve("run2");
        TokenizerFiles.write(second.vocabulary(), secondDir);
        for (String f : List.of(TokenizerFiles.VOCAB_JSON, TokenizerFiles.MERGES_TXT)) {
            assertArrayEquals(Files.readAllBytes(firstDir.resolve(f)), Files.readAllBytes(secondDir.resolve(f)), f);
        }
        // Reading the same text from memory instead of a file gives the same vocabulary.
        BpeTrainer.Result fromTexts = new BpeTrainer(TrainerSettings.of(8192)).train(List.of(captionsText), TrainingProgress.NONE);
        assertEquals(first.vocabulary().tokenIds(), fromTexts.vocabulary().tokenIds());
        assertEquals(first.vocabulary().merges(), fromTexts.vocabulary().merges());
    }

    @Test
    void captionsAndVariedTextRoundTrip() {
        ByteLevelBpeTokenizer t = ByteLevelBpeTokenizer.load(firstDir);
        int[] ids = t.encode(captionsText);
        assertEquals(captionsText, t.decode(ids));
        assertTrue(ids.length < captionsText.length() / 3, "captions compress: " + ids.length + " ids");
        String varied = Gpt2Files.variedText();
        assertEquals(varied, t.decode(t.encode(varied)));
    }

    @Test
    void gpt2sOwnAlgorithmReadsTheFilesAndAgrees() throws IOException {
        ByteLevelBpeTokenizer t = ByteLevelBpeTokenizer.load(firstDir);
        Gpt2Reference reference = new Gpt2Reference(firstDir);
        String sample = captionsText.substring(0, 300_000) + Gpt2Files.variedText().substring(0, 100_000);
        assertArrayEquals(reference.encode(sample), t.encode(sample));
    }

    @Test
    void jtokkitReadsTheVocabularyAsRanksAndAgrees() {
        BpeVocabulary v = first.vocabulary();
        Map<byte[], Integer> ranks = new HashMap<>();
        for (int id = 0; id < v.size(); id++) {
            if (!v.isControl(id)) {
                ranks.put(v.bytesOf(id), id);
            }
        }
        EncodingRegistry registry = Encodings.newLazyEncodingRegistry();
        registry.registerGptBytePairEncoding(new GptBytePairEncodingParams("flickr8k-8192",
                Pattern.compile("'(?:[sdmt]|ll|ve|re)| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+",
                        Pattern.UNICODE_CHARACTER_CLASS), ranks, Map.of()));
        Encoding jtokkit = registry.getEncoding("flickr8k-8192").orElseThrow();
        ByteLevelBpeTokenizer t = ByteLevelBpeTokenizer.of(v);
        String sample = captionsText + Gpt2Files.variedText();
        Gpt2EquivalenceTest.assertSameIds(sample, jtokkit.encodeOrdinary(sample).toArray(), t.encode(sample));
    }
}
