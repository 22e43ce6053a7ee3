package org.unimoj.api.task;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.unimoj.api.Modality;

/**
 * What a task plugin says about itself, before anything is opened.
 *
 * @param id          the task id users type ({@code --task vqa}); lower-case, no '/'
 * @param version     the plugin's own version
 * @param spiVersion  the {@link org.unimoj.api.SpiVersion} it was built for
 * @param description one line for {@code unimo plugins list}
 * @param modalities  what its inputs need
 * @param subtasks    named variants ({@code glue/sst2} is subtask "sst2" of "glue"); empty if none
 */
public record TaskInfo(String id, String version, int spiVersion, String description,
                       Set<Modality> modalities, List<String> subtasks) {
    public TaskInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(description, "description");
        if (id.isBlank() || id.contains("/") || !id.equals(id.strip())) {
            throw new IllegalArgumentException("bad task id '" + id + "': non-blank, no '/', no surrounding spaces");
        }
        modalities = Set.copyOf(modalities);
        subtasks = List.copyOf(subtasks);
    }
}
