package org.unimoj.data.features;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import org.unimoj.api.data.RegionFeatures;
import org.unimoj.data.io.ReadOptions;

/** Run in a child JVM with a small heap by {@link HeapBoundReadTest}: reads a feature TSV, prints counts, a checksum and the peak heap. */
public final class HeapBoundReader {
    private HeapBoundReader() {}

    public static void main(String[] args) {
        long records = 0;
        double checksum = 0;
        try (FeatureTsvReader r = FeatureTsvReader.open(Path.of(args[0]), ReadOptions.failFast())) {
            while (r.hasNext()) {
                RegionFeatures f = r.next();
                records++;
                for (float x : f.features()) {
                    checksum += x;
                }
            }
        }
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                peak += p.getPeakUsage().getUsed();
            }
        }
        System.out.println(records + " " + checksum + " " + peak + " " + Runtime.getRuntime().maxMemory());
    }
}
