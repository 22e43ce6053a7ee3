package org.unimoj.runtime.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.unimoj.api.data.RegionFeatures;
import org.unimoj.api.task.ModelInput;
import org.unimoj.model.checkpoint.CheckpointException;
import org.unimoj.model.inference.BottomUpTsvLine;
import org.unimoj.model.inference.EncoderSession;
import org.unimoj.model.inference.Encoding;
import org.unimoj.model.tokenizer.ByteLevelBpeTokenizer;
import org.unimoj.model.tokenizer.TokenizerFormatException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code unimo encode}: one input through a checkpoint's encoder; pooled and per-position vectors as JSON. */
@Command(name = "encode", mixinStandardHelpOptions = true,
        description = {"Encodes text (or token ids) and/or one image's regions with a checkpoint's encoder (bidirectional attention).",
            "Prints the pooled text, pooled image and per-position vectors as one JSON object."})
final class EncodeCommand implements Callable<Integer> {

    @Option(names = "--checkpoint", required = true, paramLabel = "DIR", description = "Checkpoint directory (config.json + model.safetensors).")
    Path checkpoint;

    @Option(names = "--text", paramLabel = "TEXT", description = "Text to encode, wrapped as [CLS] text [SEP] with the checkpoint's tokenizer.")
    String text;

    @Option(names = "--tokenizer", paramLabel = "DIR",
            description = "Tokenizer files (vocab.json + merges.txt, or tokenizer.json) for --text (default: the checkpoint directory).")
    Path tokenizer;

    @Option(names = "--ids", paramLabel = "IDS", description = "Token ids separated by spaces, special tokens included, e.g. \"0 713 16 2\"; instead of --text.")
    String ids;

    @Option(names = "--regions", paramLabel = "FILE",
            description = "Bottom-up-attention feature file: image_id, image_w, image_h, num_boxes, boxes, features (base64 float32), tab-separated, one image a line.")
    Path regions;

    @Option(names = "--line", paramLabel = "N", description = "Which line of --regions to encode, 1-based (default: ${DEFAULT-VALUE}).")
    long line = 1;

    @Option(names = "--pretty", description = "Indent the JSON.")
    boolean pretty;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (ids == null && text == null && regions == null) {
            throw new UsageError("give text (--text or --ids) and/or an image (--regions)");
        }
        if (ids != null && text != null) {
            throw new UsageError("give --text or --ids, not both");
        }
        if (!Files.isDirectory(checkpoint)) {
            throw new UsageError("--checkpoint " + checkpoint + ": no such directory");
        }
        EncoderSession session;
        try {
            session = EncoderSession.open(checkpoint);
        } catch (CheckpointException e) {
            throw new UsageError(e.getMessage());
        }
        int[] textIds = textIds(session.config().maxPositions() - 2);
        RegionFeatures image = regions == null ? null : readImage(session.config().featureDim());
        ModelInput input;
        try {
            input = textIds.length == 0 ? ModelInput.image(image) : image == null ? ModelInput.text(textIds) : ModelInput.imageText(image, textIds);
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
        Encoding enc;
        try {
            enc = session.encode(List.of(input)).get(0);
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(json(input, enc));
        return ExitCodes.OK;
    }

    /** The text to encode as token ids (from --text or --ids; empty when there is no text). */
    private int[] textIds(int maxLength) {
        if (text != null) {
            Path dir = tokenizer != null ? tokenizer : checkpoint;
            try {
                return ByteLevelBpeTokenizer.load(dir).encodeSingle(text, maxLength);
            } catch (TokenizerFormatException | IllegalStateException e) {
                throw new UsageError("tokenizer in " + dir + ": " + e.getMessage());
            } catch (java.io.UncheckedIOException e) {
                throw new UsageError("tokenizer in " + dir + ": " + e.getCause().getMessage());
            }
        }
        if (ids == null) {
            return new int[0];
        }
        String[] parts = ids.trim().split("\\s+");
        if (parts.length == 1 && parts[0].isEmpty()) {
            throw new UsageError("--ids is empty");
        }
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw new UsageError("--ids: '" + parts[i] + "' (item " + (i + 1) + ") is not an integer id");
            }
        }
        return out;
    }

    private RegionFeatures readImage(int featureDim) throws IOException {
        if (!Files.isRegularFile(regions)) {
            throw new UsageError("--regions " + regions + ": no such file");
        }
        if (line < 1) {
            throw new UsageError("--line must be >= 1, got " + line);
        }
        try (BufferedReader r = Files.newBufferedReader(regions, StandardCharsets.UTF_8)) {
            String s;
            long n = 0;
            while ((s = r.readLine()) != null) {
                if (++n == line) {
                    try {
                        return BottomUpTsvLine.parse(s, regions.toString(), n, featureDim);
                    } catch (IllegalArgumentException e) {
                        throw new UsageError(e.getMessage());
                    }
                }
            }
            throw new UsageError("--regions " + regions + " has " + n + " lines, --line " + line + " asked for");
        }
    }

    private String json(ModelInput input, Encoding enc) throws IOException {
        ObjectMapper m = new ObjectMapper();
        if (pretty) {
            m.enable(SerializationFeature.INDENT_OUTPUT);
        }
        ObjectNode root = m.createObjectNode();
        root.put("checkpoint", checkpoint.toString());
        ArrayNode idArray = root.putArray("text_ids");
        for (int id : input.textIds()) {
            idArray.add(id);
        }
        root.put("image_id", input.hasImage() ? input.image().imageId() : null);
        vector(root, "pooled_text", enc.pooledText());
        vector(root, "pooled_image", enc.pooledImage());
        matrix(root.putArray("text_tokens"), enc.textTokens());
        matrix(root.putArray("regions"), enc.regions());
        return m.writeValueAsString(root);
    }

    private static void vector(ObjectNode root, String name, float[] v) {
        if (v == null) {
            root.putNull(name);
            return;
        }
        ArrayNode a = root.putArray(name);
        for (float x : v) {
            a.add(x);
        }
    }

    private static void matrix(ArrayNode a, float[][] rows) {
        for (float[] row : rows) {
            ArrayNode r = a.addArray();
            for (float x : row) {
                r.add(x);
            }
        }
    }
}
