package org.unimoj.data.features;

import org.unimoj.api.data.RegionFeatures;
import org.unimoj.data.io.RecordProblem;
import org.unimoj.data.io.TabFields;
import org.unimoj.data.io.Utf8;

/**
 * Parses and validates one line of a region-feature TSV. Holds what it learned from the first
 * record (layout, feature dimension, class count) and holds every later record to it. One
 * instance per reader; not thread-safe.
 */
final class FeatureLineParser {

    private final FeatureChecks checks;
    private final Base64Floats base64 = new Base64Floats();
    private final TabFields fields = new TabFields();
    private final Utf8 utf8 = new Utf8();
    private FeatureTsvLayout layout;
    private int featureDim;
    private int numClasses;

    FeatureLineParser(FeatureTsvLayout layout, FeatureChecks checks) {
        this.layout = layout;
        this.checks = checks;
        this.featureDim = checks.featureDim();
        this.numClasses = checks.numClasses();
    }

    FeatureTsvLayout layout() {
        return layout;
    }

    int featureDim() {
        return featureDim;
    }

    /** Whether {@code b[from, to)} is a header line (first field "image_id" or "img_id"). */
    static boolean isHeader(byte[] b, int from, int to) {
        return startsWith(b, from, to, "image_id\t") || startsWith(b, from, to, "img_id\t");
    }

    private static boolean startsWith(byte[] b, int from, int to, String s) {
        if (to - from < s.length()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (b[from + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The image id of a line, after checking only the field count; for indexing. */
    String idOf(byte[] b, int from, int to) throws RecordProblem {
        splitFields(b, from, to);
        return parseId();
    }

    private void splitFields(byte[] b, int from, int to) throws RecordProblem {
        int n = fields.split(b, from, to);
        if (layout == null) {
            layout = FeatureTsvLayout.forColumnCount(n);
            if (layout == null) {
                throw new RecordProblem("line", n + " tab-separated fields; expected 6 (bottom-up), 7 (bottom-up with cls_prob) or 10 (LXMERT)");
            }
        } else if (n != layout.columns()) {
            throw new RecordProblem("line", n + " tab-separated fields; expected " + layout.columns() + " (" + layout.name() + " layout"
                    + (n < layout.columns() ? "; truncated line?" : "") + ")");
        }
    }

    private String parseId() throws RecordProblem {
        int c = layout.idColumn();
        if (fields.length(c) == 0) {
            throw new RecordProblem("image_id", "empty");
        }
        String id = utf8.decode(fields.buffer(), fields.start(c), fields.end(c), "image_id");
        Utf8.checkClean(id, "image_id");
        if (!id.equals(id.strip())) {
            throw new RecordProblem("image_id", "'" + id + "' has leading or trailing white space");
        }
        return id;
    }

    RegionFeatures parse(byte[] b, int from, int to) throws RecordProblem {
        splitFields(b, from, to);
        String id = parseId();
        int w = fields.parseInt(layout.widthColumn(), "image_w");
        int h = fields.parseInt(layout.heightColumn(), "image_h");
        if (w == 0 || h == 0) {
            throw new RecordProblem(w == 0 ? "image_w" : "image_h", "must be positive, got 0");
        }
        int n = fields.parseInt(layout.numBoxesColumn(), "num_boxes");
        if (n == 0) {
            throw new RecordProblem("num_boxes", "0 regions; an image needs at least one");
        }
        float[] boxes = decode(layout.boxesColumn(), "boxes");
        if (boxes.length != n * 4) {
            throw new RecordProblem("boxes", "decodes to " + boxes.length + " floats, expected num_boxes " + n + " x 4 = " + n * 4);
        }
        checkFinite(boxes, 4, "boxes");
        checkBoxes(boxes, n, w, h);
        float[] features = decode(layout.featuresColumn(), "features");
        if (features.length % n != 0) {
            throw new RecordProblem("features", "decodes to " + features.length + " floats, not a multiple of num_boxes " + n);
        }
        int dim = features.length / n;
        if (featureDim == 0) {
            if (dim == 0) {
                throw new RecordProblem("features", "empty");
            }
            featureDim = dim;
        } else if (dim != featureDim) {
            throw new RecordProblem("features", "decodes to " + features.length + " floats, expected num_boxes " + n + " x dim " + featureDim
                    + " = " + (long) n * featureDim);
        }
        checkFinite(features, featureDim, "features");
        float[] probs = null;
        int classes = 0;
        if (layout.hasClassProbs()) {
            probs = decode(layout.classProbsColumn(), "cls_prob");
            if (probs.length % n != 0 || probs.length == 0) {
                throw new RecordProblem("cls_prob", "decodes to " + probs.length + " floats, not a positive multiple of num_boxes " + n);
            }
            classes = probs.length / n;
            if (numClasses == 0) {
                numClasses = classes;
            } else if (classes != numClasses) {
                throw new RecordProblem("cls_prob", "decodes to " + probs.length + " floats, expected num_boxes " + n + " x classes " + numClasses
                        + " = " + (long) n * numClasses);
            }
            checkProbabilities(probs, n, classes);
        }
        return new RegionFeatures(id, w, h, n, featureDim, boxes, features, classes, probs);
    }

    private float[] decode(int column, String field) throws RecordProblem {
        return base64.decode(fields.buffer(), fields.start(column), fields.length(column), field);
    }

    private static void checkFinite(float[] v, int rowLength, String field) throws RecordProblem {
        for (int i = 0; i < v.length; i++) {
            if (!Float.isFinite(v[i])) {
                throw new RecordProblem(field, "region " + (i / rowLength) + ", value " + (i % rowLength) + " is " + v[i]);
            }
        }
    }

    private void checkBoxes(float[] boxes, int n, int w, int h) throws RecordProblem {
        double tol = checks.boxTolerance();
        for (int i = 0; i < n; i++) {
            float x1 = boxes[4 * i], y1 = boxes[4 * i + 1], x2 = boxes[4 * i + 2], y2 = boxes[4 * i + 3];
            if (x1 > x2 || y1 > y2) {
                throw new RecordProblem("boxes", "box " + i + " " + box(x1, y1, x2, y2) + " has x1 > x2 or y1 > y2");
            }
            if (x1 < -tol || y1 < -tol || x2 > w + tol || y2 > h + tol) {
                throw new RecordProblem("boxes", "box " + i + " " + box(x1, y1, x2, y2) + " lies outside the " + w + "x" + h + " image");
            }
        }
    }

    private static String box(float x1, float y1, float x2, float y2) {
        return "(" + x1 + ", " + y1 + ", " + x2 + ", " + y2 + ")";
    }

    private void checkProbabilities(float[] p, int n, int classes) throws RecordProblem {
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int k = 0; k < classes; k++) {
                float v = p[i * classes + k];
                if (!Float.isFinite(v) || v < 0 || v > 1 + checks.probTolerance()) {
                    throw new RecordProblem("cls_prob", "region " + i + ", class " + k + ": " + v + " is not a probability");
                }
                sum += v;
            }
            if (Math.abs(sum - 1) > checks.probTolerance()) {
                throw new RecordProblem("cls_prob", "region " + i + ": probabilities sum to " + (float) sum + ", not 1");
            }
        }
    }
}
