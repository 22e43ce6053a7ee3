package org.unimoj.runtime.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads a run's configuration: the {@code reference.conf} of every module on the class path, then
 * the user's {@code --config} file, then each {@code --set key=value}, later winning. Every key the
 * user sets under {@code unimo} must exist in a reference.conf with the same type, except inside
 * sections that a reference declares open with an empty object ({@code unimo.task {}}); otherwise
 * loading fails with a {@link ConfigError} naming the key, the expected type and the file and line.
 */
public final class Settings {

    private Settings() {}

    public static Config load(Optional<Path> file, List<String> overrides) {
        return load(file, overrides, Settings.class.getClassLoader());
    }

    public static Config load(Optional<Path> file, List<String> overrides, ClassLoader loader) {
        Config reference = ConfigFactory.defaultReference(loader);
        Config user = ConfigFactory.empty();
        if (file.isPresent()) {
            Path f = file.get();
            if (!Files.isRegularFile(f)) {
                throw new ConfigError("config file " + f + " does not exist or is not a file");
            }
            try {
                user = ConfigFactory.parseFile(f.toFile(), ConfigParseOptions.defaults().setAllowMissing(false).setSyntax(ConfigSyntax.CONF));
            } catch (ConfigException e) {
                throw new ConfigError("config file " + f + ": " + stripOrigin(e));
            }
        }
        Config sets = ConfigFactory.empty();
        for (String s : overrides) {
            sets = parseSet(s).withFallback(sets);
        }
        Config given = sets.withFallback(user);
        checkKnownKeys(given, reference);
        Config merged;
        try {
            merged = given.withFallback(reference).resolve();
        } catch (ConfigException e) {
            throw new ConfigError(stripOrigin(e));
        }
        checkTypes(given, reference);
        return merged;
    }

    private static Config parseSet(String s) {
        int eq = s.indexOf('=');
        if (eq <= 0) {
            throw new ConfigError("--set '" + s + "': expected key=value");
        }
        String key = s.substring(0, eq).trim();
        String value = s.substring(eq + 1).trim();
        try {
            return ConfigFactory.parseString(key + " = " + value, ConfigParseOptions.defaults().setOriginDescription("--set " + key));
        } catch (ConfigException e) {
            // A bare word with characters HOCON reserves: take it as a string.
            try {
                return ConfigFactory.parseString(key + " = " + com.typesafe.config.ConfigUtil.quoteString(value),
                        ConfigParseOptions.defaults().setOriginDescription("--set " + key));
            } catch (ConfigException e2) {
                throw new ConfigError("--set '" + s + "': " + stripOrigin(e2));
            }
        }
    }

    private static void checkKnownKeys(Config given, Config reference) {
        for (Map.Entry<String, ConfigValue> e : given.entrySet()) {
            String path = e.getKey();
            if (!path.startsWith("unimo.")) {
                continue; // akka.*, and other libraries' own settings, are theirs to check
            }
            if (reference.hasPathOrNull(path) || insideOpenSection(path, reference)) {
                continue;
            }
            throw new ConfigError("unknown key '" + path + "'" + where(e.getValue().origin()) + nearest(path, reference));
        }
    }

    private static boolean insideOpenSection(String path, Config reference) {
        String prefix = path;
        int dot;
        while ((dot = prefix.lastIndexOf('.')) > 0) {
            prefix = prefix.substring(0, dot);
            if (reference.hasPath(prefix)) {
                ConfigValue v = reference.getValue(prefix);
                return v.valueType() == ConfigValueType.OBJECT && ((ConfigObject) v).isEmpty();
            }
        }
        return false;
    }

    private static String nearest(String path, Config reference) {
        int dot = path.lastIndexOf('.');
        String parent = dot > 0 ? path.substring(0, dot) : path;
        if (reference.hasPath(parent) && reference.getValue(parent).valueType() == ConfigValueType.OBJECT) {
            return " (known keys under " + parent + ": " + String.join(", ", reference.getObject(parent).keySet().stream().sorted().toList()) + ")";
        }
        return "";
    }

    private static void checkTypes(Config given, Config reference) {
        for (Map.Entry<String, ConfigValue> e : given.entrySet()) {
            String path = e.getKey();
            if (!path.startsWith("unimo.") || !reference.hasPath(path)) {
                continue;
            }
            ConfigValueType expected = reference.getValue(path).valueType();
            ConfigValue actual = e.getValue();
            if (!compatible(expected, actual, reference, path)) {
                throw new ConfigError("key '" + path + "'" + where(actual.origin()) + ": expected " + describe(expected, reference, path)
                        + ", got " + actual.valueType().name().toLowerCase() + " " + actual.render());
            }
        }
    }

    /** HOCON converts strings to numbers and booleans on read; accept what would convert. */
    private static boolean compatible(ConfigValueType expected, ConfigValue actual, Config reference, String path) {
        ConfigValueType t = actual.valueType();
        if (t == expected || t == ConfigValueType.NULL) {
            return true;
        }
        Object raw = actual.unwrapped();
        switch (expected) {
            case NUMBER:
                if (t == ConfigValueType.STRING) {
                    try {
                        Double.parseDouble(((String) raw).trim());
                        return true;
                    } catch (NumberFormatException ex) {
                        return false;
                    }
                }
                return false;
            case BOOLEAN:
                return t == ConfigValueType.STRING && List.of("true", "false", "yes", "no", "on", "off").contains(((String) raw).trim());
            case STRING:
                // Numbers and booleans read fine as strings; a reference string that is a duration or size stays a string.
                return t == ConfigValueType.NUMBER || t == ConfigValueType.BOOLEAN;
            default:
                return false;
        }
    }

    private static String describe(ConfigValueType expected, Config reference, String path) {
        String type = expected.name().toLowerCase();
        if (expected == ConfigValueType.LIST) {
            return "a list";
        }
        if (expected == ConfigValueType.OBJECT) {
            return "an object";
        }
        return "a " + type + " (default " + reference.getValue(path).render() + ")";
    }

    private static String where(ConfigOrigin origin) {
        if (origin == null) {
            return "";
        }
        String file = origin.filename();
        if (file != null) {
            return origin.lineNumber() > 0 ? " in " + file + ":" + origin.lineNumber() : " in " + file;
        }
        return " in " + origin.description();
    }

    private static String stripOrigin(ConfigException e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
