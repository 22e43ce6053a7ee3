package org.unimoj.api.data;

import java.util.Locale;

/** A data split. No image may appear in two splits. */
public enum Split {
    TRAIN, VAL, TEST;

    /** The lower-case name used in file names and Karpathy JSON ("train", "val", "test"). */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses "train", "val"/"validation"/"dev"/"restval" and "test", case-insensitively. */
    public static Split parse(String s) {
        switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "train": case "restval": return TRAIN;
            case "val": case "validation": case "dev": return VAL;
            case "test": return TEST;
            default: throw new IllegalArgumentException("unknown split '" + s + "' (expected train, val or test)");
        }
    }
}
