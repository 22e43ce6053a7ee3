package org.unimoj.tasks.engine.batch;

import org.unimoj.api.data.RegionFeatures;
import org.unimoj.api.task.ModelInput;
import org.unimoj.api.task.Pooling;
import org.unimoj.model.encoder.UnimoConfig;

/**
 * The checks every input passes before it reaches the encoder, with messages that name the
 * example (or the input's index) rather than a row of a padded batch.
 */
public final class InputChecks {

    private InputChecks() {}

    /** Fails unless {@code in} fits the model: text length, token ids, feature length, region count. */
    public static void fits(String where, ModelInput in, UnimoConfig config) {
        int[] ids = in.textIds();
        if (ids.length > config.maxTextLength()) {
            throw new IllegalArgumentException(where + ": " + ids.length + " text ids, the model takes at most " + config.maxTextLength());
        }
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0 || ids[i] >= config.vocabSize()) {
                throw new IllegalArgumentException(where + ": token id " + ids[i] + " at position " + i
                        + " outside the vocabulary [0, " + config.vocabSize() + ")");
            }
        }
        if (in.hasImage()) {
            RegionFeatures f = in.image();
            if (f.featureDim() != config.featureDim()) {
                throw new IllegalArgumentException(where + " (image " + f.imageId() + "): feature length " + f.featureDim()
                        + ", the model takes " + config.featureDim());
            }
            if (f.numBoxes() > config.maxRegions()) {
                throw new IllegalArgumentException(where + " (image " + f.imageId() + "): " + f.numBoxes()
                        + " regions, the model takes at most " + config.maxRegions());
            }
        }
    }

    /** Fails unless {@code in} has the modalities {@code pooling} reads. */
    public static void pools(String where, ModelInput in, Pooling pooling) {
        boolean text = pooling != Pooling.IMAGE;
        boolean image = pooling != Pooling.TEXT;
        if (text && !in.hasText()) {
            throw new IllegalArgumentException(where + ": pooling " + pooling + " reads the pooled text, but the input has no text");
        }
        if (image && !in.hasImage()) {
            throw new IllegalArgumentException(where + ": pooling " + pooling + " reads the pooled image, but the input has no image");
        }
    }
}
