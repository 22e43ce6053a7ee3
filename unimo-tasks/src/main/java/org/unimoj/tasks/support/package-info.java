/**
 * What the task plugins share and the engine does not: where a task's files are (settings with
 * per-split defaults, {@link org.unimoj.tasks.support.TaskFiles}), the region features of an image
 * by id, cut to the model's regions ({@link org.unimoj.tasks.support.RegionLookup}), the sizes the
 * runtime says the model takes ({@link org.unimoj.tasks.support.ModelFit}), the read options of a
 * task's context ({@link org.unimoj.tasks.support.TaskReading}), writing JSON results files
 * ({@link org.unimoj.tasks.support.JsonOut}) and progress lines of a long evaluation
 * ({@link org.unimoj.tasks.support.EvaluationProgress}). Plugin jars use it from the launcher's
 * class path.
 */
package org.unimoj.tasks.support;
