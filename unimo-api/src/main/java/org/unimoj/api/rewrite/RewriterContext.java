package org.unimoj.api.rewrite;

import java.util.Map;
import org.unimoj.api.data.Caption;
import org.unimoj.api.text.SceneGraphParser;

/**
 * What a rewriting strategy may use when it is created.
 *
 * @param parser   the scene-graph parser
 * @param captions all captions of the collection being augmented, re-iterable (vocabularies,
 *                 retrieval indexes); may be large, so iterate rather than copy
 * @param settings the strategy's settings ({@code unimo.augment.rewriters.<name>.*}, keys without that prefix)
 * @param seed     the run's seed
 */
public record RewriterContext(SceneGraphParser parser, Iterable<Caption> captions, Map<String, String> settings, long seed) {
    public RewriterContext {
        settings = Map.copyOf(settings);
    }
}
