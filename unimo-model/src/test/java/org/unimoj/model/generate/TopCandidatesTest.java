package org.unimoj.model.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class TopCandidatesTest {

    /** Against a full sort of every row, with ties (values drawn from a few levels), -infinity and NaN. */
    @Test
    void selectsTheSameAsAFullStableSort() {
        Random rnd = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int rows = 1 + rnd.nextInt(4);
            int length = 1 + rnd.nextInt(60);
            int width = 1 + rnd.nextInt(12);
            double[][] data = new double[rows][length];
            for (double[] row : data) {
                for (int j = 0; j < length; j++) {
                    int u = rnd.nextInt(10);
                    row[j] = u == 0 ? Double.NEGATIVE_INFINITY : u == 1 ? Double.NaN : rnd.nextInt(6) - 3.0;
                }
            }
            for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
                INDArray scores = Nd4j.createFromArray(data).castTo(type);
                double[][] values = new double[rows][width];
                long[][] indices = new long[rows][width];
                TopCandidates.select(scores, width, values, indices);
                for (int r = 0; r < rows; r++) {
                    double[] row = data[r];
                    Integer[] order = IntStream.range(0, length).filter(j -> !Double.isNaN(row[j])).boxed()
                            .sorted(Comparator.<Integer>comparingDouble(j -> -row[j]).thenComparingInt(j -> j)).toArray(Integer[]::new);
                    for (int p = 0; p < width; p++) {
                        if (p < order.length && row[order[p]] != Double.NEGATIVE_INFINITY) {
                            assertEquals(row[order[p]], values[r][p], "trial " + trial + " row " + r + " pos " + p);
                            assertEquals(order[p].longValue(), indices[r][p], "trial " + trial + " row " + r + " pos " + p + " " + Arrays.toString(row));
                        } else {
                            assertEquals(Double.NEGATIVE_INFINITY, values[r][p]);
                        }
                    }
                }
            }
        }
        double[][] v = new double[1][2];
        long[][] i = new long[1][2];
        TopCandidates.select(Nd4j.createFromArray(new double[][] {{1, 5, 5, 2}}), 2, v, i);
        assertArrayEquals(new long[] {1, 2}, i[0]);
    }
}
