package org.unimoj.model.tokenizer;

import com.knuddels.jtokkit.api.Encoding;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.unimoj.model.tokenizer.sample.VariedText;
import org.unimoj.model.tokenizer.tiktoken.TiktokenRanks;

/** GPT-2's vocab.json + merges.txt, built from jtokkit's own r50k_base rank table (nothing downloaded), and the shared test text. */
final class Gpt2Files {
    private static Path dir;
    private static String variedText;

    private Gpt2Files() {}

    /** A directory holding GPT-2's vocab.json and merges.txt, written once per test JVM. */
    static synchronized Path directory() {
        if (dir == null) {
            try (InputStream in = Encoding.class.getResourceAsStream("/com/knuddels/jtokkit/r50k_base.tiktoken")) {
                BpeVocabulary v = TiktokenRanks.toVocabulary(in, "jtokkit r50k_base.tiktoken",
                        Map.of(SpecialTokens.GPT2_END_OF_TEXT, 50256));
                Path d = Files.createTempDirectory("gpt2-vocab");
                TokenizerFiles.write(v, d);
                d.toFile().deleteOnExit();
                d.resolve(TokenizerFiles.VOCAB_JSON).toFile().deleteOnExit();
                d.resolve(TokenizerFiles.MERGES_TXT).toFile().deleteOnExit();
                dir = d;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    static Path flickr8kTokenFile() {
        return Path.of(System.getProperty("unimo.root", ".")).resolve("../shared/data/flickr8k/Flickr8k.token.txt").normalize();
    }

    static List<String> captions() {
        return VariedText.flickr8kCaptions(flickr8kTokenFile());
    }

    /** At least 1.2 MB (UTF-8) of varied text: Flickr8k captions, code, CJK, emoji, numbers, whitespace runs. */
    static synchronized String variedText() {
        if (variedText == null) {
            variedText = VariedText.generate(20240601L, captions(), 1_200_000);
        }
        return variedText;
    }
}
