package org.unimoj.runtime.ablate;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.unimoj.api.config.ConfigKeys;
import org.unimoj.runtime.config.ConfigError;

/**
 * A study as configured under {@code unimo.ablate} (reference.conf documents every key).
 *
 * @param config     the study's configuration file: also the base of every cell's pre-training and fine-tuning
 * @param out        where cells, shared inputs and the table go
 * @param data       the world every cell reads ({@code unimo.data.dir})
 * @param seeds      the seeds every variant runs with
 * @param jobs       cells at once (1: in this JVM, one after the other; more: child JVMs)
 * @param variants   the variants, in table order
 * @param downstream the fine-tuned tasks, in column order
 * @param probeTypes the foil probe's foil types (empty: no probe)
 * @param probeImages the probe's images at most (0: all of the test split)
 */
public record AblationPlan(Path config, Path out, Path data, List<Long> seeds, int jobs, List<Variant> variants, List<Downstream> downstream,
                           List<String> probeTypes, int probeImages) {

    public static final String SECTION = "unimo.ablate";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    /**
     * One pre-training variant.
     *
     * @param name      a short id ([a-z0-9-]), also its directory
     * @param about     what it is, for the table
     * @param augment   the rewriters (names or groups) of its offline augmentation; empty: no augmentation
     * @param sets      settings (KEY=VALUE, as --set) that make it differ from the base configuration
     * @param compareTo the variant its differences are measured against ("" for none)
     */
    public record Variant(String name, String about, List<String> augment, List<String> sets, String compareTo) {
        public Variant {
            augment = List.copyOf(augment);
            sets = List.copyOf(sets);
        }

        /** The directory of its offline augmentation, shared by every variant with the same rewriters. */
        public String augmentKey() {
            return String.join("+", augment);
        }
    }

    /**
     * One fine-tuned task.
     *
     * @param task    the task id (as for unimo finetune --task)
     * @param label   its column label prefix
     * @param metrics the metrics of its test split to report
     * @param sets    its fine-tuning settings (KEY=VALUE)
     */
    public record Downstream(String task, String label, List<String> metrics, List<String> sets) {
        public Downstream {
            metrics = List.copyOf(metrics);
            sets = List.copyOf(sets);
        }

        /** The task's directory name in a cell. */
        public String dir() {
            return task.replace('/', '-');
        }
    }

    public AblationPlan {
        seeds = List.copyOf(seeds);
        variants = List.copyOf(variants);
        downstream = List.copyOf(downstream);
        probeTypes = List.copyOf(probeTypes);
    }

    public Variant variant(String name) {
        return variants.stream().filter(v -> v.name().equals(name)).findFirst()
                .orElseThrow(() -> new ConfigError(SECTION + ".variants: no variant named '" + name + "'"));
    }

    /** Reads and checks {@code unimo.ablate} of {@code cfg}; errors name the key and the file and line. */
    public static AblationPlan from(Config cfg, Path configFile) {
        Config a = cfg.getConfig(SECTION);
        List<Long> seeds = a.getLongList("seeds");
        if (seeds.isEmpty() || new HashSet<>(seeds).size() != seeds.size()) {
            throw new ConfigError(SECTION + ".seeds" + at(a.getValue("seeds")) + ": expected at least one seed, all different, got " + seeds);
        }
        int jobs = a.getInt("jobs");
        if (jobs < 1) {
            throw new ConfigError(SECTION + ".jobs" + at(a.getValue("jobs")) + ": expected >= 1, got " + jobs);
        }
        List<Variant> variants = new ArrayList<>();
        Set<String> names = new HashSet<>();
        ConfigList vl = a.getList("variants");
        for (int i = 0; i < vl.size(); i++) {
            String key = SECTION + ".variants[" + i + "]";
            Config v = object(vl.get(i), key);
            String name = string(v, "name", key, null);
            if (!NAME.matcher(name).matches()) {
                throw new ConfigError(key + ".name" + at(v.getValue("name")) + ": '" + name + "' is not an id of [a-z0-9-]");
            }
            if (!names.add(name)) {
                throw new ConfigError(key + ".name" + at(v.getValue("name")) + ": a second variant named '" + name + "'");
            }
            String compareTo = string(v, "compare-to", key, "");
            if (!compareTo.isEmpty() && !names.contains(compareTo)) {
                throw new ConfigError(key + ".compare-to" + at(v.getValue("compare-to")) + ": '" + compareTo
                        + "' is not a variant listed before it");
            }
            variants.add(new Variant(name, string(v, "about", key, ""), strings(v, "augment", key), settings(v, key), compareTo));
        }
        if (variants.isEmpty()) {
            throw new ConfigError(SECTION + ".variants" + at(a.getValue("variants")) + ": no variants to run");
        }
        List<Downstream> downstream = new ArrayList<>();
        ConfigList dl = a.getList("downstream");
        Set<String> tasks = new HashSet<>();
        for (int i = 0; i < dl.size(); i++) {
            String key = SECTION + ".downstream[" + i + "]";
            Config d = object(dl.get(i), key);
            String task = string(d, "task", key, null);
            if (!tasks.add(task)) {
                throw new ConfigError(key + ".task" + at(d.getValue("task")) + ": task '" + task + "' listed twice");
            }
            List<String> metrics = strings(d, "metrics", key);
            if (metrics.isEmpty()) {
                throw new ConfigError(key + ".metrics" + at(d.getValue("metrics")) + ": name at least one metric of the task's test split");
            }
            downstream.add(new Downstream(task, string(d, "label", key, task), metrics, settings(d, key)));
        }
        int probeImages = a.getInt("probe.max-images");
        if (probeImages < 0) {
            throw new ConfigError(SECTION + ".probe.max-images" + at(a.getValue("probe.max-images")) + ": expected >= 0");
        }
        return new AblationPlan(configFile, Path.of(a.getString("out")), Path.of(cfg.getString(ConfigKeys.DATA_DIR)), seeds, jobs, variants,
                downstream, a.getStringList("probe.types"), probeImages);
    }

    private static Config object(ConfigValue v, String key) {
        if (v.valueType() != ConfigValueType.OBJECT) {
            throw new ConfigError(key + at(v) + ": expected an object, got " + v.valueType().name().toLowerCase());
        }
        return ((ConfigObject) v).toConfig();
    }

    private static String string(Config c, String field, String key, String fallback) {
        if (!c.hasPath(field)) {
            if (fallback == null) {
                throw new ConfigError(key + at(c.root()) + ": missing '" + field + "'");
            }
            return fallback;
        }
        try {
            return c.getString(field);
        } catch (ConfigException.WrongType e) {
            throw new ConfigError(key + "." + field + at(c.getValue(field)) + ": expected a string");
        }
    }

    private static List<String> strings(Config c, String field, String key) {
        if (!c.hasPath(field)) {
            return List.of();
        }
        try {
            return c.getStringList(field);
        } catch (ConfigException.WrongType e) {
            throw new ConfigError(key + "." + field + at(c.getValue(field)) + ": expected a list of strings");
        }
    }

    private static List<String> settings(Config c, String key) {
        List<String> sets = strings(c, "set", key);
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq <= 0 || !s.substring(0, eq).strip().startsWith("unimo.")) {
                throw new ConfigError(key + ".set" + at(c.getValue("set")) + ": '" + s + "' is not KEY=VALUE with a unimo.* key");
            }
        }
        return sets;
    }

    private static String at(ConfigValue v) {
        if (v == null || v.origin() == null || v.origin().lineNumber() < 0) {
            return "";
        }
        String file = v.origin().filename();
        return " (" + (file == null ? v.origin().description() : file) + ":" + v.origin().lineNumber() + ")";
    }
}
