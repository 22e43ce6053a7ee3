package org.unimoj.data.features;

import java.util.Random;
import org.unimoj.api.data.RegionFeatures;

/** Random but valid region features for tests. */
final class FeatureFixtures {
    private FeatureFixtures() {}

    static RegionFeatures random(Random r, String id, int boxes, int dim, int classes) {
        int w = 300 + r.nextInt(400), h = 300 + r.nextInt(400);
        float[] b = new float[boxes * 4];
        for (int i = 0; i < boxes; i++) {
            float x1 = r.nextFloat() * w / 2, y1 = r.nextFloat() * h / 2;
            b[4 * i] = x1;
            b[4 * i + 1] = y1;
            b[4 * i + 2] = x1 + r.nextFloat() * (w - x1);
            b[4 * i + 3] = y1 + r.nextFloat() * (h - y1);
        }
        float[] f = new float[boxes * dim];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) r.nextGaussian();
        }
        float[] p = new float[boxes * classes];
        for (int i = 0; i < boxes; i++) {
            double s = 0;
            for (int k = 0; k < classes; k++) {
                p[i * classes + k] = r.nextFloat();
                s += p[i * classes + k];
            }
            for (int k = 0; k < classes; k++) {
                p[i * classes + k] /= s;
            }
        }
        return new RegionFeatures(id, w, h, boxes, dim, b, f, classes, classes == 0 ? null : p);
    }
}
