package org.unimoj.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.unimoj.model.checkpoint.Checkpoint;
import org.unimoj.model.checkpoint.TensorType;
import org.unimoj.model.encoder.UnimoConfig;
import org.unimoj.model.pretrain.UnimoPretrainModel;
import org.unimoj.model.tokenizer.ByteLevelBpeTokenizer;
import org.unimoj.model.tokenizer.TokenizerFiles;
import org.unimoj.model.tokenizer.train.BpeTrainer;
import org.unimoj.model.tokenizer.train.TrainerSettings;
import org.unimoj.model.tokenizer.train.TrainingProgress;

/** {@code unimo encode} on a real (tiny, untrained) checkpoint with its own tokenizer beside it. */
class EncodeCommandTest {

    @TempDir
    static Path checkpoint;

    static ByteLevelBpeTokenizer tokenizer;

    @BeforeAll
    static void tinyCheckpointWithTokenizer() throws java.io.IOException {
        List<String> texts = List.of("a dog runs on the grass", "two cats sit on a red couch", "a man is riding a horse",
                "the girl holds a blue kite", "a dog chases a ball in the park");
        BpeTrainer.Result r = new BpeTrainer(new TrainerSettings(300, 1, 1 << 20)).train(texts, TrainingProgress.NONE);
        TokenizerFiles.write(r.vocabulary(), checkpoint);
        tokenizer = ByteLevelBpeTokenizer.load(checkpoint);
        UnimoConfig c = new UnimoConfig("test", 1, 16, 2, 32, tokenizer.vocabSize(), 34, 8, 4, 0, 0.0, 0.0, 1e-5, 0.02, 1, 0.07, true);
        Checkpoint.save(checkpoint, c, UnimoPretrainModel.create(c, DataType.FLOAT, 1).parameters(), null, Map.of(), TensorType.F32);
    }

    private static JsonNode encode(String... args) throws Exception {
        LauncherTest.Run r = LauncherTest.run(args);
        assertEquals(0, r.code(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void textIsTokenizedWithTheCheckpointsTokenizerAndEncodesLikeItsIds() throws Exception {
        String text = "a red dog sits on the couch";
        int[] ids = tokenizer.encodeSingle(text, 32);
        JsonNode byText = encode("encode", "--checkpoint", checkpoint.toString(), "--text", text);
        JsonNode byIds = encode("encode", "--checkpoint", checkpoint.toString(), "--ids",
                Arrays.stream(ids).mapToObj(Integer::toString).collect(Collectors.joining(" ")));
        int[] printed = new int[byText.get("text_ids").size()];
        for (int i = 0; i < printed.length; i++) {
            printed[i] = byText.get("text_ids").get(i).asInt();
        }
        assertArrayEquals(ids, printed);
        assertEquals(0, printed[0]);
        assertEquals(16, byText.get("pooled_text").size());
        assertEquals(ids.length, byText.get("text_tokens").size());
        assertTrue(byText.get("pooled_image").isNull());
        assertEquals(byIds.get("pooled_text"), byText.get("pooled_text"));
        assertEquals(byIds.get("text_tokens"), byText.get("text_tokens"));
    }

    @Test
    void badCombinationsAndMissingFilesAreUsageErrors() {
        LauncherTest.Run both = LauncherTest.run("encode", "--checkpoint", checkpoint.toString(), "--text", "a dog", "--ids", "0 2");
        assertEquals(ExitCodes.USAGE, both.code());
        assertTrue(both.err().contains("not both"), both.err());
        LauncherTest.Run none = LauncherTest.run("encode", "--checkpoint", checkpoint.toString());
        assertEquals(ExitCodes.USAGE, none.code());
        LauncherTest.Run noTokenizer = LauncherTest.run("encode", "--checkpoint", checkpoint.toString(), "--text", "a dog",
                "--tokenizer", checkpoint.resolve("nowhere").toString());
        assertEquals(ExitCodes.USAGE, noTokenizer.code());
        assertTrue(noTokenizer.err().contains("tokenizer in"), noTokenizer.err());
        assertEquals(1, noTokenizer.err().strip().lines().count(), noTokenizer.err());
    }
}
