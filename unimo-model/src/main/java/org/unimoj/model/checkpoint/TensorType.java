package org.unimoj.model.checkpoint;

/** Element types of safetensors files this engine reads (and, for F32 and BF16, writes). */
public enum TensorType {
    F32(4), BF16(2), F16(2), F64(8);

    private final int bytes;

    TensorType(int bytes) {
        this.bytes = bytes;
    }

    public int bytes() {
        return bytes;
    }

    /** The type named {@code name} in a header, or null if this engine does not read it. */
    static TensorType parse(String name) {
        for (TensorType t : values()) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return null;
    }
}
