package org.unimoj.runtime.pretrain;

import java.nio.file.Path;
import java.util.Objects;
import org.unimoj.api.text.TextEncoder;
import org.unimoj.data.io.Quarantine;
import org.unimoj.model.encoder.UnimoConfig;
import org.unimoj.runtime.pretrain.augment.Encoders;
import org.unimoj.runtime.pretrain.data.DataFiles;

/**
 * What a pre-training run has settled before its pipeline is composed: the settings, the data
 * files, the tokenizer, the model's configuration and the quarantine file. The pipeline's Guice
 * modules build their pieces from it.
 *
 * @param settings     the run's settings
 * @param files        the data files
 * @param tokenizer    the tokenizer
 * @param tokenizerDir where its vocab.json and merges.txt are (copied into every checkpoint)
 * @param model        the model's configuration
 * @param quarantine   where bad records go
 */
public record PretrainContext(PretrainSettings settings, DataFiles files, TextEncoder tokenizer, Path tokenizerDir, UnimoConfig model,
                              Quarantine quarantine) {

    public PretrainContext {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(tokenizer, "tokenizer");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(quarantine, "quarantine");
    }

    /** Text and images as the model takes them. */
    public Encoders encoders() {
        return new Encoders(tokenizer, model.maxTextLength(), model.maxRegions());
    }
}
