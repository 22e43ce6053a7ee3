package org.unimoj.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.unimoj.data.features.FeatureStore;
import org.unimoj.data.world.WorldLayout;
import org.unimoj.model.encoder.UnimoConfig;
import org.unimoj.model.inference.EncoderSession;
import org.unimoj.model.tokenizer.ByteLevelBpeTokenizer;
import org.unimoj.runtime.pretrain.augment.Encoders;
import org.unimoj.runtime.probe.FoilProbe;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code unimo probe}: the foil probe of a pre-trained checkpoint (true caption vs minimally different foils, per foil type). */
@Command(name = "probe", mixinStandardHelpOptions = true,
        description = {"Probe a checkpoint's cross-modal space with foils: for each held-out caption, is the image closer to the",
            "true caption than to a minimally different false one (one object, one attribute, one relation changed, roles",
            "swapped, negated)? The foils are the augment job's negatives on that split, checked against the world's scene",
            "graphs: make them with 'unimo augment --in DATA --split test --rewriters " + ProbeCommand.DEFAULT_TYPES
                    + " --related-images 0 --related-texts 0 --out DIR'.",
            "Prints and writes (--out) the share told apart per foil type; chance is 50%."},
        footer = {"", "Example:", "  unimo probe --checkpoint runs/quickstart/checkpoints/step-00002000 --foils runs/foils/augment.jsonl --data data/world"})
final class ProbeCommand implements Callable<Integer> {

    static final String DEFAULT_TYPES = "object-swap,attribute-swap,relation-swap,word-order,negation";

    @Option(names = "--checkpoint", required = true, paramLabel = "DIR", description = "A pre-training (or task) checkpoint directory.")
    Path checkpoint;

    @Option(names = "--foils", required = true, paramLabel = "FILE", description = "The augment job's augment.jsonl on the probed split.")
    Path foils;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data/world", description = "The world (region features). Default: ${DEFAULT-VALUE}.")
    Path data;

    @Option(names = "--split", paramLabel = "SPLIT", defaultValue = "test", description = "Whose region features to read. Default: ${DEFAULT-VALUE}.")
    String split;

    @Option(names = "--types", paramLabel = "LIST", split = ",", defaultValue = DEFAULT_TYPES,
            description = "Foil types (rewriter names). Default: ${DEFAULT-VALUE}.")
    List<String> types = new ArrayList<>();

    @Option(names = "--max-images", paramLabel = "N", defaultValue = "0", description = "Probe the captions of the first N images only (0: all).")
    int maxImages;

    @Option(names = "--max-text-length", paramLabel = "N", defaultValue = "32",
            description = "Ids per text at most, as in pre-training (unimo.pretrain.data.max-text-length). Default: ${DEFAULT-VALUE}.")
    int maxTextLength;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the figures as JSON here.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        if (!Files.isRegularFile(checkpoint.resolve("config.json"))) {
            throw new UsageError("--checkpoint " + checkpoint + ": not a checkpoint directory (no config.json)");
        }
        EvaluateCommand.existing("--foils", foils);
        Path features = new WorldLayout(data).features(split);
        EvaluateCommand.existing("--data " + data + ": features of split '" + split + "'", features);
        if (maxImages < 0 || maxTextLength < 3) {
            throw new UsageError("--max-images must be >= 0 and --max-text-length >= 3");
        }
        Set<String> wanted = new LinkedHashSet<>(types);
        EncoderSession session = EncoderSession.open(checkpoint);
        UnimoConfig c = session.config();
        ByteLevelBpeTokenizer tokenizer = FinetuneCommand.loadTokenizer(checkpoint);
        Encoders encoders = new Encoders(tokenizer, Math.min(maxTextLength, c.maxPositions()), c.maxRegions());
        FoilProbe.Result r;
        try (FeatureStore store = FeatureStore.open(features)) {
            r = new FoilProbe(session, encoders, 256).run(foils, store, wanted, maxImages);
        }
        o.printf(Locale.ROOT, "foil probe: %d captions of %d images (%s)%n", r.captions(), r.images(), foils);
        Map<String, Object> json = new LinkedHashMap<>();
        Map<String, Object> byType = new LinkedHashMap<>();
        r.byType().forEach((t, s) -> {
            o.printf(Locale.ROOT, "  %-15s %-14s %6d foils  told apart %5.1f%%%n", t, FoilProbe.FOIL_TYPES.getOrDefault(t, ""), s.foils(),
                    100 * s.accuracy());
            byType.put(t, Map.of("foils", s.foils(), "told_apart", s.toldApart(), "accuracy", s.foils() == 0 ? "NaN" : s.accuracy()));
        });
        o.printf(Locale.ROOT, "  mean over types %5.1f%% (chance 50%%)%n", 100 * r.macroAccuracy());
        json.put("checkpoint", checkpoint.toString());
        json.put("foils", foils.toString());
        json.put("captions", r.captions());
        json.put("images", r.images());
        json.put("types", byType);
        json.put("mean", r.macroAccuracy());
        if (out != null) {
            EvaluateCommand.writeJson(out, json);
            o.println("  written: " + out);
        }
        o.flush();
        return ExitCodes.OK;
    }
}
