package org.unimoj.runtime.plugin;

import org.unimoj.api.rewrite.RewriterProvider;

/** A rewriting strategy that loaded, and where it came from. */
public record LoadedRewriter(RewriterProvider provider, PluginSource source) {}
