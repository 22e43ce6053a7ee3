package org.unimoj.runtime.plugin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the plugin loader found: task plugins by id, rewriters by name, contributed Guice
 * modules, and the problems it met. A task id or rewriter name provided twice is a problem naming
 * both sources, and neither copy is used, since picking one silently would run the wrong code.
 */
public final class PluginRegistry {
    private final Map<String, LoadedTask> tasks;
    private final Map<String, LoadedRewriter> rewriters;
    private final List<LoadedModule> modules;
    private final List<PluginProblem> problems;

    PluginRegistry(Map<String, LoadedTask> tasks, Map<String, LoadedRewriter> rewriters, List<LoadedModule> modules, List<PluginProblem> problems) {
        this.tasks = new LinkedHashMap<>(tasks);
        this.rewriters = new LinkedHashMap<>(rewriters);
        this.modules = List.copyOf(modules);
        this.problems = List.copyOf(problems);
    }

    public List<LoadedTask> tasks() {
        return List.copyOf(tasks.values());
    }

    public List<LoadedRewriter> rewriters() {
        return List.copyOf(rewriters.values());
    }

    public List<LoadedModule> modules() {
        return modules;
    }

    public List<PluginProblem> problems() {
        return problems;
    }

    public Optional<LoadedTask> task(String id) {
        return Optional.ofNullable(tasks.get(id));
    }

    public Optional<LoadedRewriter> rewriter(String name) {
        return Optional.ofNullable(rewriters.get(name));
    }

    /**
     * The task plugin for {@code id}, or an error that says why not: unknown (with the known ids),
     * or refused at load time (with the problem).
     */
    public LoadedTask requireTask(String id) {
        LoadedTask t = tasks.get(id);
        if (t != null) {
            return t;
        }
        for (PluginProblem p : problems) {
            if (p.message().contains("task id '" + id + "'")) {
                throw new IllegalArgumentException("task '" + id + "' cannot be used: " + p);
            }
        }
        throw new IllegalArgumentException("no task plugin with id '" + id + "'; known: " + (tasks.isEmpty() ? "none" : String.join(", ", tasks.keySet())));
    }
}
