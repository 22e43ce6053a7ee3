package org.unimoj.api.data;

/** What a reader does with a record that fails validation. */
public enum ReadPolicy {
    /** Stop with an error naming file, line and field (the default). */
    FAIL,
    /** Write the record and the reason to the quarantine file and go on; the run reports the count. */
    SKIP
}
