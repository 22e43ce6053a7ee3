package org.unimoj.runtime.finetune;

import java.util.Objects;

/**
 * A task as the user names it: {@code vqa}, or {@code glue/sst2} (plugin id and subtask).
 *
 * @param id      the plugin's task id
 * @param subtask the subtask, or "" for a plugin without subtasks
 */
public record TaskRef(String id, String subtask) {

    public TaskRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subtask, "subtask");
    }

    /** Parses {@code id} or {@code id/subtask}. */
    public static TaskRef parse(String s) {
        String t = s.strip();
        int slash = t.indexOf('/');
        String id = slash < 0 ? t : t.substring(0, slash);
        String sub = slash < 0 ? "" : t.substring(slash + 1);
        if (id.isEmpty() || (slash >= 0 && sub.isEmpty()) || sub.contains("/")) {
            throw new IllegalArgumentException("bad task '" + s + "': expected ID or ID/SUBTASK, e.g. vqa or glue/sst2");
        }
        return new TaskRef(id, sub);
    }

    /** {@code id} or {@code id/subtask}. */
    public String fullName() {
        return subtask.isEmpty() ? id : id + "/" + subtask;
    }

    @Override
    public String toString() {
        return fullName();
    }
}
