/**
 * The contracts of UNIMO-J: the records that flow between modules, the two service-provider
 * interfaces ({@link org.unimoj.api.task.TaskPlugin} for downstream tasks and
 * {@link org.unimoj.api.rewrite.RewriterProvider} for text-rewriting strategies) and the
 * configuration keys. This module depends on {@code nd4j-api} only: no actor system, no
 * injector, no numeric backend, so a plugin jar compiled against it stays small and stable.
 */
package org.unimoj.api;
