package org.unimoj.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @TempDir
    Path tmp;

    private Path conf(String text) throws IOException {
        Path f = tmp.resolve("run.conf");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void referenceDefaultsThenFileThenSetsLaterWinning() throws IOException {
        Config c = Settings.load(Optional.of(conf("unimo.seed = 7\nunimo.run.dir = \"a\"\n")), List.of("unimo.seed=9"));
        assertEquals(9, c.getInt("unimo.seed"));
        assertEquals("a", c.getString("unimo.run.dir"));
        assertEquals("fail", c.getString("unimo.data.read-policy"));
    }

    @Test
    void anUnknownKeyNamesTheKeyTheFileAndLineAndTheKnownNeighbours() throws IOException {
        Path f = conf("unimo {\n  data {\n    dri = \"x\"\n  }\n}\n");
        ConfigError e = assertThrows(ConfigError.class, () -> Settings.load(Optional.of(f), List.of()));
        assertTrue(e.getMessage().contains("unknown key 'unimo.data.dri'"), e.getMessage());
        assertTrue(e.getMessage().contains(f + ":3"), e.getMessage());
        assertTrue(e.getMessage().contains("dir, read-policy"), e.getMessage());
    }

    @Test
    void aWrongTypeNamesKeyExpectedTypeAndFile() throws IOException {
        Path f = conf("unimo.pipeline.modules = \"org.Foo\"\n");
        ConfigError e = assertThrows(ConfigError.class, () -> Settings.load(Optional.of(f), List.of()));
        assertTrue(e.getMessage().contains("'unimo.pipeline.modules'") && e.getMessage().contains("expected a list") && e.getMessage().contains(f + ":1"), e.getMessage());
        ConfigError s = assertThrows(ConfigError.class, () -> Settings.load(Optional.empty(), List.of("unimo.seed=seven")));
        assertTrue(s.getMessage().contains("'unimo.seed'") && s.getMessage().contains("expected a number") && s.getMessage().contains("--set unimo.seed"), s.getMessage());
    }

    @Test
    void numbersGivenAsStringsStillReadAsNumbers() {
        Config c = Settings.load(Optional.empty(), List.of("unimo.seed=\"12\""));
        assertEquals(12, c.getInt("unimo.seed"));
    }

    @Test
    void openSectionsTakeAnyKey() {
        Config c = Settings.load(Optional.empty(), List.of("unimo.task.vqa.answers=3129", "unimo.augment.rewriters.tfidf-negative.top-k=5"));
        assertEquals(3129, c.getInt("unimo.task.vqa.answers"));
        assertEquals(5, c.getInt("unimo.augment.rewriters.tfidf-negative.top-k"));
    }

    @Test
    void malformedInputIsAConfigErrorNotAStackTrace() throws IOException {
        Path f = conf("unimo { seed = \n");
        ConfigError e = assertThrows(ConfigError.class, () -> Settings.load(Optional.of(f), List.of()));
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
        assertThrows(ConfigError.class, () -> Settings.load(Optional.empty(), List.of("no-equals-sign")));
        ConfigError missing = assertThrows(ConfigError.class, () -> Settings.load(Optional.of(tmp.resolve("absent.conf")), List.of()));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
    }
}
