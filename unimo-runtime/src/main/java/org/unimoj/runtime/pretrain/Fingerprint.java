package org.unimoj.runtime.pretrain;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A hash of the settings that decide a run's data order, batches, model and updates. A resumed run
 * must have the same fingerprint as the checkpoint it continues, or its losses would not be the ones
 * an unbroken run gives; settings that only decide when to evaluate or checkpoint, how much to buffer
 * and how to show progress are left out.
 */
final class Fingerprint {

    /** Keys under unimo.pretrain that do not change what is trained. */
    private static final List<String> FREE = List.of("unimo.pretrain.checkpoint.", "unimo.pretrain.eval.", "unimo.pretrain.progress.",
            "unimo.pretrain.pipeline.", "unimo.pretrain.augment.augmenters", "unimo.pretrain.augment.per-augmenter", "unimo.pretrain.augment.capacity",
            "unimo.pretrain.augment.max-restarts", "unimo.pretrain.augment.restart-window", "unimo.pretrain.world.generate-if-absent");

    private Fingerprint() {}

    /** A value as its Java object prints: numbers by value (1e-3 and 0.001 agree), not as written. */
    private static String canonical(ConfigValue v) {
        Object o = v.unwrapped();
        if (o instanceof Number n) {
            return Double.toString(n.doubleValue());
        }
        return String.valueOf(o);
    }

    static String of(Config c) {
        Map<String, String> keys = new TreeMap<>();
        for (Map.Entry<String, ConfigValue> e : c.getConfig("unimo.pretrain").entrySet()) {
            String k = "unimo.pretrain." + e.getKey();
            if (FREE.stream().noneMatch(k::startsWith)) {
                keys.put(k, canonical(e.getValue()));
            }
        }
        for (String k : List.of("unimo.seed", "unimo.data.dir", "unimo.data.read-policy", "unimo.augment", "unimo.pipeline.modules")) {
            if (c.hasPath(k)) {
                keys.put(k, canonical(c.getValue(k)));
            }
        }
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            keys.forEach((k, v) -> md.update((k + "=" + v + "\n").getBytes(StandardCharsets.UTF_8)));
            StringBuilder sb = new StringBuilder();
            byte[] d = md.digest();
            for (int i = 0; i < 8; i++) {
                sb.append(String.format("%02x", d[i]));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
