package org.unimoj.model.nn;

import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.ResetPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J workspaces for repeated work (a training step, a decoding step): every array allocated
 * while one is open comes from one reusable block that is reset when it closes, so steady-state
 * steps allocate nothing and resident memory stays flat. Arrays from a workspace must not be used
 * after it closes (ND4J's default scope-panic mode reports it); parameters, gradients and optimizer
 * state live outside workspaces.
 */
public final class Workspaces {

    /** Learns its size in the first cycle, grows when a later cycle needs more. */
    public static final WorkspaceConfiguration STEP = WorkspaceConfiguration.builder()
            .initialSize(0)
            .overallocationLimit(0.1)
            .policyAllocation(AllocationPolicy.OVERALLOCATE)
            .policyLearning(LearningPolicy.FIRST_LOOP)
            .policyReset(ResetPolicy.BLOCK_LEFT)
            .policySpill(SpillPolicy.REALLOCATE)
            .build();

    private Workspaces() {}

    /** Opens (and activates) the step workspace {@code id} of this thread; close it when the step ends. */
    public static MemoryWorkspace open(String id) {
        return Nd4j.getWorkspaceManager().getAndActivateWorkspace(STEP, id);
    }

    /** Leaves every workspace until closed (for arrays that must outlive the step). */
    public static MemoryWorkspace outside() {
        return Nd4j.getWorkspaceManager().scopeOutOfWorkspaces();
    }
}
