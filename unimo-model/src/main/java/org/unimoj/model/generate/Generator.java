package org.unimoj.model.generate;

import java.util.List;
import org.unimoj.api.task.GenerationSettings;
import org.unimoj.api.task.ModelInput;
import org.unimoj.model.encoder.UnimoEncoder;
import org.unimoj.model.heads.LmHead;

/** Generation with the cached decoder: greedy search for beam 1, beam search otherwise. */
public final class Generator {

    private final UnimoEncoder encoder;
    private final LmHead lm;
    private final int eos;

    /** @param eos the end-of-sequence id ([SEP] = 2 in RoBERTa's vocabulary) */
    public Generator(UnimoEncoder encoder, LmHead lm, int eos) {
        this.encoder = encoder;
        this.lm = lm;
        this.eos = eos;
    }

    /** The best continuation of each input's source, in input order. */
    public List<Hypothesis> generate(List<ModelInput> inputs, GenerationSettings settings) {
        StepDecoder d = new CachedDecoder(encoder, lm);
        return settings.beamSize() == 1 ? GreedySearch.search(d, inputs, settings, eos) : BeamSearch.search(d, inputs, settings, eos);
    }
}
