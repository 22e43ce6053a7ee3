/**
 * {@link org.unimoj.api.task.HeadSpec} as stored in a task checkpoint's {@code task.json}
 * ({@link org.unimoj.tasks.engine.spec.HeadSpecJson}), and whether a saved head can serve a task's
 * declared head.
 */
package org.unimoj.tasks.engine.spec;
