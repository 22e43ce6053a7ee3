package org.unimoj.model.inference;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import org.unimoj.api.data.RegionFeatures;

/**
 * One line of a bottom-up-attention feature file:
 * {@code image_id \t image_w \t image_h \t num_boxes \t boxes \t features [\t class_probs]}, the
 * last fields base64 of little-endian float32 arrays ({@code [n, 4]}, {@code [n, dim]},
 * {@code [n, classes]}). Errors name the file, the line and the field.
 */
public final class BottomUpTsvLine {

    private BottomUpTsvLine() {}

    /**
     * @param where the file name, for messages
     * @param lineNo 1-based line number, for messages
     */
    public static RegionFeatures parse(String line, String where, long lineNo, int featureDim) {
        String at = where + ":" + lineNo;
        String[] f = line.split("\t", -1);
        if (f.length != 6 && f.length != 7) {
            throw new IllegalArgumentException(at + ": expected 6 or 7 tab-separated fields (image_id, image_w, image_h, num_boxes, boxes, features[, class_probs]), got " + f.length);
        }
        String id = f[0];
        if (id.isEmpty()) {
            throw new IllegalArgumentException(at + ": field 'image_id' is empty");
        }
        int w = positive(f[1], "image_w", at);
        int h = positive(f[2], "image_h", at);
        int n;
        try {
            n = Integer.parseInt(f[3].trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(at + ": field 'num_boxes' is not an integer: '" + f[3] + "'");
        }
        if (n < 0) {
            throw new IllegalArgumentException(at + ": field 'num_boxes' is negative: " + n);
        }
        float[] boxes = floats(f[4], "boxes", at);
        if (boxes.length != n * 4) {
            throw new IllegalArgumentException(at + ": field 'boxes' holds " + boxes.length + " floats, num_boxes " + n + " needs " + n * 4);
        }
        float[] feats = floats(f[5], "features", at);
        if (n > 0 && feats.length % n != 0) {
            throw new IllegalArgumentException(at + ": field 'features' holds " + feats.length + " floats, not a multiple of num_boxes " + n);
        }
        int dim = n == 0 ? featureDim : feats.length / n;
        if (dim != featureDim) {
            throw new IllegalArgumentException(at + ": field 'features' has " + dim + " floats per box, the model takes " + featureDim);
        }
        float[] probs = null;
        int classes = 0;
        if (f.length == 7 && !f[6].isEmpty()) {
            probs = floats(f[6], "class_probs", at);
            if (n == 0 || probs.length % n != 0) {
                throw new IllegalArgumentException(at + ": field 'class_probs' holds " + probs.length + " floats, not a multiple of num_boxes " + n);
            }
            classes = probs.length / n;
        }
        try {
            return new RegionFeatures(id, w, h, n, featureDim, boxes, feats, classes, probs);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(at + ": " + e.getMessage(), e);
        }
    }

    private static int positive(String s, String field, String at) {
        try {
            int v = Integer.parseInt(s.trim());
            if (v <= 0) {
                throw new IllegalArgumentException(at + ": field '" + field + "' must be positive, got " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(at + ": field '" + field + "' is not an integer: '" + s + "'");
        }
    }

    private static float[] floats(String b64, String field, String at) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(b64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(at + ": field '" + field + "' is not base64 (" + e.getMessage() + ")");
        }
        if (bytes.length % 4 != 0) {
            throw new IllegalArgumentException(at + ": field '" + field + "' decodes to " + bytes.length + " bytes, not whole float32 values");
        }
        float[] out = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }

    /** The line for {@code r} (the inverse of {@link #parse}), for tests and tools. */
    public static String format(RegionFeatures r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.imageId()).append('\t').append(r.imageWidth()).append('\t').append(r.imageHeight()).append('\t')
                .append(r.numBoxes()).append('\t').append(base64(r.boxes())).append('\t').append(base64(r.features()));
        if (r.hasClassProbs()) {
            sb.append('\t').append(base64(r.classProbs()));
        }
        return sb.toString();
    }

    private static String base64(float[] a) {
        ByteBuffer b = ByteBuffer.allocate(a.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(a);
        return Base64.getEncoder().encodeToString(b.array());
    }
}
