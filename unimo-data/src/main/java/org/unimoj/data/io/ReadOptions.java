package org.unimoj.data.io;

import java.util.Objects;
import org.unimoj.api.data.ReadPolicy;

/**
 * How to read: the policy for bad records, the quarantine they go to under {@link ReadPolicy#SKIP},
 * and the shard to read.
 */
public record ReadOptions(ReadPolicy policy, Quarantine quarantine, Shard shard) {

    public ReadOptions {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(shard, "shard");
        if (policy == ReadPolicy.SKIP && quarantine == null) {
            throw new IllegalArgumentException("policy skip needs a quarantine file");
        }
    }

    /** Fail on the first bad record; the whole file. The default. */
    public static ReadOptions failFast() {
        return new ReadOptions(ReadPolicy.FAIL, null, Shard.ALL);
    }

    /** Skip bad records into {@code quarantine}; the whole file. */
    public static ReadOptions skipTo(Quarantine quarantine) {
        return new ReadOptions(ReadPolicy.SKIP, quarantine, Shard.ALL);
    }

    public ReadOptions withShard(Shard s) {
        return new ReadOptions(policy, quarantine, s);
    }
}
