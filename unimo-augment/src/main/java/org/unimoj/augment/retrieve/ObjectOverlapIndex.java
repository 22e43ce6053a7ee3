package org.unimoj.augment.retrieve;

import java.util.ArrayList;
import java.util.List;

/**
 * Images indexed by the objects detected in them, to find for an image the images whose objects
 * overlap its own most (the paper's related images). The overlap of two object sets A and B is
 * |A and B| / |A or B| (Jaccard); an image is related when the overlap reaches the threshold (0.4 by
 * default, the paper's configuration). Served from inverted lists (class to images), so a query touches
 * only images that share a class with it. Immutable after building; searching is thread-safe.
 */
public final class ObjectOverlapIndex {

    /** The overlap threshold of the paper's configuration. */
    public static final double DEFAULT_MIN_OVERLAP = 0.4;

    /** A related image and its overlap. */
    public record Hit(int ordinal, String imageId, double overlap) {}

    private final String[] ids;
    private final int[] sizes;
    /** Per thread: shared-class counts per image (all zero between searches) and the images touched. */
    private final ThreadLocal<int[][]> buffers;
    private final int[][] postings;

    private ObjectOverlapIndex(List<String> ids, List<int[]> objects, int classes) {
        this.ids = ids.toArray(String[]::new);
        this.sizes = new int[ids.size()];
        int n = ids.size();
        this.buffers = ThreadLocal.withInitial(() -> new int[][] {new int[n], new int[n]});
        int[] counts = new int[classes];
        for (int i = 0; i < objects.size(); i++) {
            sizes[i] = objects.get(i).length;
            for (int c : objects.get(i)) {
                counts[c]++;
            }
        }
        postings = new int[classes][];
        for (int c = 0; c < classes; c++) {
            postings[c] = new int[counts[c]];
        }
        int[] fill = new int[classes];
        for (int i = 0; i < objects.size(); i++) {
            for (int c : objects.get(i)) {
                postings[c][fill[c]++] = i;
            }
        }
    }

    /** Indexes images {@code ids} with their sorted, distinct object classes {@code objects} (indices below {@code classes}). */
    public static ObjectOverlapIndex build(List<String> ids, List<int[]> objects, int classes) {
        if (ids.size() != objects.size()) {
            throw new IllegalArgumentException(ids.size() + " ids but " + objects.size() + " object sets");
        }
        for (int[] o : objects) {
            for (int i = 0; i < o.length; i++) {
                if (o[i] < 0 || o[i] >= classes || i > 0 && o[i] <= o[i - 1]) {
                    throw new IllegalArgumentException("object classes must be sorted, distinct and below " + classes);
                }
            }
        }
        return new ObjectOverlapIndex(ids, objects, classes);
    }

    public int size() {
        return ids.length;
    }

    /**
     * The {@code k} images whose objects overlap {@code objects} most, at least {@code minOverlap},
     * best first (ties: index order), leaving out image {@code excludeId} (may be null).
     */
    public List<Hit> search(int[] objects, int k, double minOverlap, String excludeId) {
        if (objects.length == 0 || k <= 0) {
            return List.of();
        }
        int[][] buf = buffers.get();
        int[] shared = buf[0];
        int[] touched = buf[1];
        int nTouched = 0;
        for (int c : objects) {
            if (c < 0 || c >= postings.length) {
                continue;
            }
            for (int img : postings[c]) {
                if (shared[img]++ == 0) {
                    touched[nTouched++] = img;
                }
            }
        }
        // A bounded selection of the best k by (overlap desc, ordinal asc).
        int[] best = new int[k];
        double[] bestScore = new double[k];
        int have = 0;
        for (int t = 0; t < nTouched; t++) {
            int img = touched[t];
            int inter = shared[img];
            double overlap = inter / (double) (objects.length + sizes[img] - inter);
            if (overlap < minOverlap || excludeId != null && excludeId.equals(ids[img])) {
                continue;
            }
            if (have == k && !better(overlap, img, bestScore[k - 1], best[k - 1])) {
                continue;
            }
            int pos = have == k ? k - 1 : have++;
            while (pos > 0 && better(overlap, img, bestScore[pos - 1], best[pos - 1])) {
                best[pos] = best[pos - 1];
                bestScore[pos] = bestScore[pos - 1];
                pos--;
            }
            best[pos] = img;
            bestScore[pos] = overlap;
        }
        for (int t = 0; t < nTouched; t++) {
            shared[touched[t]] = 0;
        }
        List<Hit> out = new ArrayList<>(have);
        for (int i = 0; i < have; i++) {
            out.add(new Hit(best[i], ids[best[i]], bestScore[i]));
        }
        return out;
    }

    private static boolean better(double score, int img, double otherScore, int other) {
        return score > otherScore || score == otherScore && img < other;
    }
}
