package org.unimoj.model.checkpoint;

import java.util.List;

/**
 * What a parameter load did.
 *
 * @param loaded   model tensor names that received values
 * @param missing  model tensor names the file does not have (left as they were)
 * @param unused   file tensor names the model has no place for
 */
public record LoadReport(List<String> loaded, List<String> missing, List<String> unused) {
    public LoadReport {
        loaded = List.copyOf(loaded);
        missing = List.copyOf(missing);
        unused = List.copyOf(unused);
    }
}
