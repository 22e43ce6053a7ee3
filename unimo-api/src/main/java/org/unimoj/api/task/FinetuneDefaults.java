package org.unimoj.api.task;

import java.util.Map;

/**
 * Optional for a {@link Task}: the fine-tuning settings it trains well with (keys of the runtime's
 * {@code unimo.finetune} section without that prefix, e.g. {@code "epochs" -> "3"},
 * {@code "learning-rate" -> "5e-5"}). They replace the runtime's general defaults; anything the user
 * configures wins over them.
 */
public interface FinetuneDefaults {

    Map<String, String> finetuneDefaults();
}
