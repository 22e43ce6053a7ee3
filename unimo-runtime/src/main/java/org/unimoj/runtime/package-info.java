/**
 * The runtime: the only module that knows Akka and Guice. It loads plugins ({@code plugin}),
 * reads configuration ({@code config}), composes pipelines from Guice modules ({@code pipeline})
 * and offers everything through the {@code unimo} launcher ({@code cli}).
 */
package org.unimoj.runtime;
