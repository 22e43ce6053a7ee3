package org.unimoj.tasks.support;

import org.unimoj.api.task.ContextKeys;
import org.unimoj.api.task.TaskContext;

/**
 * The sizes a task cuts its inputs to: its own setting, no larger than what the model takes
 * ({@link ContextKeys}, set by the runtime; absent when the task is opened without a model).
 *
 * @param maxTextLength text ids per input, [CLS] and [SEP] included
 * @param maxRegions    regions per image
 * @param hidden        the model's hidden size, or the fallback when unknown
 */
public record ModelFit(int maxTextLength, int maxRegions, int hidden) {

    /**
     * @param textDefault   the task's own text limit (setting {@code max-text-length} overrides it)
     * @param regionDefault the task's own region limit (setting {@code max-regions} overrides it)
     */
    public static ModelFit of(TaskContext context, int textDefault, int regionDefault) {
        int text = context.intSetting("max-text-length", textDefault);
        int regions = context.intSetting("max-regions", regionDefault);
        int modelText = context.intSetting(ContextKeys.MODEL_MAX_TEXT_LENGTH, Integer.MAX_VALUE);
        int modelRegions = context.intSetting(ContextKeys.MODEL_MAX_REGIONS, Integer.MAX_VALUE);
        if (text < 3 || regions < 1) {
            throw new IllegalArgumentException("task settings: max-text-length must be >= 3 and max-regions >= 1, got "
                    + text + " and " + regions);
        }
        return new ModelFit(Math.min(text, modelText), Math.min(regions, modelRegions), context.intSetting(ContextKeys.MODEL_HIDDEN, 0));
    }

    /** The model's hidden size, or {@code fallback} when the runtime did not say. */
    public int hiddenOr(int fallback) {
        return hidden > 0 ? hidden : fallback;
    }
}
