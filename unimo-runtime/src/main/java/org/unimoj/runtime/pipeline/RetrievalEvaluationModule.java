package org.unimoj.runtime.pipeline;

import com.google.inject.AbstractModule;
import java.util.List;
import org.unimoj.api.data.Split;
import org.unimoj.runtime.pretrain.PretrainContext;
import org.unimoj.runtime.pretrain.PretrainEvaluations;
import org.unimoj.runtime.pretrain.PretrainSettings;
import org.unimoj.runtime.pretrain.eval.ZeroShotRetrieval;
import org.unimoj.runtime.pretrain.step.PretrainSnapshot;
import org.unimoj.runtime.train.Evaluation;

/**
 * Zero-shot image-text retrieval: periodically on {@code unimo.pretrain.eval.split} (at most
 * {@code max-images} images), and at the end on {@code final-split} (the 1,000 x 5 test set of the
 * world).
 */
public final class RetrievalEvaluationModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(PretrainEvaluations.class).toInstance(new PretrainEvaluations() {
            @Override
            public List<Evaluation<PretrainSnapshot>> periodic(PretrainContext c) {
                PretrainSettings.Eval e = c.settings().eval();
                if (e.every() == 0) {
                    return List.of();
                }
                return List.of(retrieval(c, e.split(), e.maxImages()));
            }

            @Override
            public List<Evaluation<PretrainSnapshot>> last(PretrainContext c) {
                PretrainSettings.Eval e = c.settings().eval();
                return List.of(retrieval(c, e.finalSplit(), e.finalMaxImages()));
            }
        });
    }

    static Evaluation<PretrainSnapshot> retrieval(PretrainContext c, String split, int maxImages) {
        Split s = Split.parse(split);
        return new ZeroShotRetrieval(s.fileName() + "-retrieval", c.files().captions(), c.files().featuresOf(s.fileName()), s, maxImages, c.encoders(),
                c.settings().eval().batch());
    }
}
