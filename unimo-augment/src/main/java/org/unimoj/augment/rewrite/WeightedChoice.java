package org.unimoj.augment.rewrite;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/** Items drawn in proportion to their counts (a corpus vocabulary), in a fixed order so a seeded draw is repeatable. Immutable. */
public final class WeightedChoice {

    private final List<String> items;
    private final long[] cumulative;

    /** From counts; items with a count below {@code minCount} are left out. Ordered by count (descending), then by name. */
    public WeightedChoice(Map<String, Integer> counts, int minCount) {
        List<Map.Entry<String, Integer>> entries = new ArrayList<>();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() >= minCount) {
                entries.add(e);
            }
        }
        entries.sort((a, b) -> a.getValue().equals(b.getValue()) ? a.getKey().compareTo(b.getKey()) : Integer.compare(b.getValue(), a.getValue()));
        List<String> names = new ArrayList<>(entries.size());
        cumulative = new long[entries.size()];
        long total = 0;
        for (int i = 0; i < entries.size(); i++) {
            names.add(entries.get(i).getKey());
            total += entries.get(i).getValue();
            cumulative[i] = total;
        }
        items = Collections.unmodifiableList(names);
    }

    public List<String> items() {
        return items;
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** One item drawn by weight among those {@code allowed} accepts, or null if none is found in a few dozen draws and a scan. */
    public String draw(RandomGenerator random, Predicate<String> allowed) {
        if (items.isEmpty()) {
            return null;
        }
        long total = cumulative[cumulative.length - 1];
        for (int attempt = 0; attempt < 24; attempt++) {
            long x = random.nextLong(total);
            int i = Arrays.binarySearch(cumulative, x + 1);
            if (i < 0) {
                i = -i - 1;
            }
            String s = items.get(i);
            if (allowed.test(s)) {
                return s;
            }
        }
        // Rare: most of the mass is excluded. Draw among the allowed ones by scanning.
        long allowedTotal = 0;
        long[] w = new long[items.size()];
        for (int i = 0; i < items.size(); i++) {
            long weight = cumulative[i] - (i == 0 ? 0 : cumulative[i - 1]);
            if (allowed.test(items.get(i))) {
                allowedTotal += weight;
            }
            w[i] = allowedTotal;
        }
        if (allowedTotal == 0) {
            return null;
        }
        long x = random.nextLong(allowedTotal);
        for (int i = 0; i < items.size(); i++) {
            if (x < w[i]) {
                return items.get(i);
            }
        }
        return null;
    }
}
