package org.unimoj.tasks.metrics.caption;

import java.util.List;
import java.util.Map;

/** Checks shared by the caption metrics: the same ids on both sides, references for every id. */
final class CaptionInput {

    private CaptionInput() {
    }

    static void check(Map<String, List<String>> refs, Map<String, String> cands) {
        if (cands.isEmpty()) {
            throw new IllegalArgumentException("no candidate captions to score");
        }
        for (String id : cands.keySet()) {
            List<String> r = refs.get(id);
            if (r == null) {
                throw new IllegalArgumentException("candidate '" + id + "' has no references");
            }
            if (r.isEmpty()) {
                throw new IllegalArgumentException("candidate '" + id + "' has an empty reference list");
            }
            if (cands.get(id) == null) {
                throw new IllegalArgumentException("candidate '" + id + "' is null");
            }
        }
        for (String id : refs.keySet()) {
            if (!cands.containsKey(id)) {
                throw new IllegalArgumentException("references for '" + id + "' have no candidate (ids must match, as pycocoevalcap asserts)");
            }
        }
    }
}
