package org.unimoj.runtime.plugin;

import org.unimoj.api.task.TaskInfo;
import org.unimoj.api.task.TaskPlugin;

/** A task plugin that loaded, with what it said about itself and where it came from. */
public record LoadedTask(TaskPlugin plugin, TaskInfo info, PluginSource source) {}
