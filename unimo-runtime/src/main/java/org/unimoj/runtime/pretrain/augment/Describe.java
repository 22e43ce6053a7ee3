package org.unimoj.runtime.pretrain.augment;

import org.unimoj.runtime.pretrain.data.PairRecord;

/** How records read in quarantine entries. */
public final class Describe {

    private Describe() {}

    public static String pair(PairRecord r) {
        return "caption " + r.caption().id() + " of image " + r.caption().imageId() + ": " + r.caption().text();
    }
}
