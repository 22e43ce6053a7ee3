package org.unimoj.runtime.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.name.Names;
import com.typesafe.config.Config;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.unimoj.runtime.config.ConfigError;
import org.unimoj.runtime.config.Settings;
import org.unimoj.runtime.plugin.PluginLoader;
import org.unimoj.runtime.plugin.PluginRegistry;

class PipelineComposerTest {

    /** Binds the greeting "first". */
    public static final class First extends AbstractModule {
        @Override
        protected void configure() {
            bindConstant().annotatedWith(Names.named("greeting")).to("first");
            bindConstant().annotatedWith(Names.named("only-in-first")).to("kept");
        }
    }

    /** Rebinds the greeting from configuration. */
    public static final class Second extends AbstractModule {
        private final Config config;

        public Second(Config config) {
            this.config = config;
        }

        @Override
        protected void configure() {
            bindConstant().annotatedWith(Names.named("greeting")).to("second, seed " + config.getInt("unimo.seed"));
        }
    }

    /** Not a module. */
    public static final class NotAModule {}

    private static PluginRegistry noPlugins() {
        return PluginLoader.load(null, PipelineComposerTest.class.getClassLoader());
    }

    private static Config withModules(String... names) {
        String list = String.join(",", List.of(names).stream().map(n -> "\"" + n + "\"").toList());
        return Settings.load(Optional.empty(), List.of("unimo.pipeline.modules=[" + list + "]", "unimo.seed=5"));
    }

    @Test
    void aLaterModuleOverridesAnEarlierBindingAndKeepsTheRest() {
        Config c = withModules(First.class.getName(), Second.class.getName());
        PipelineComposer.Composition comp = PipelineComposer.compose(c, noPlugins());
        var injector = Guice.createInjector(comp.module());
        assertEquals("second, seed 5", injector.getInstance(com.google.inject.Key.get(String.class, Names.named("greeting"))));
        assertEquals("kept", injector.getInstance(com.google.inject.Key.get(String.class, Names.named("only-in-first"))));
        assertEquals(List.of("runtime", "unimo.pipeline.modules[0]", "unimo.pipeline.modules[1]"), comp.parts().stream().map(PipelineComposer.Part::origin).toList());

        Config reversed = withModules(Second.class.getName(), First.class.getName());
        var other = Guice.createInjector(PipelineComposer.compose(reversed, noPlugins()).module());
        assertEquals("first", other.getInstance(com.google.inject.Key.get(String.class, Names.named("greeting"))));
    }

    @Test
    void badModuleNamesAreConfigErrorsNamingTheKey() {
        ConfigError missing = assertThrows(ConfigError.class, () -> PipelineComposer.compose(withModules("org.nowhere.Nothing"), noPlugins()));
        assertTrue(missing.getMessage().contains("unimo.pipeline.modules[0]") && missing.getMessage().contains("not found"), missing.getMessage());
        ConfigError wrong = assertThrows(ConfigError.class, () -> PipelineComposer.compose(withModules(First.class.getName(), NotAModule.class.getName()), noPlugins()));
        assertTrue(wrong.getMessage().contains("unimo.pipeline.modules[1]") && wrong.getMessage().contains("not a Guice module"), wrong.getMessage());
    }

    @Test
    void theBindingReportNamesEachKeyWithItsSource() {
        List<BindingReport.Line> lines = BindingReport.of(PipelineComposer.compose(withModules(First.class.getName(), Second.class.getName()), noPlugins()).module());
        BindingReport.Line g = lines.stream().filter(l -> l.key().contains("greeting")).findFirst().orElseThrow();
        assertTrue(g.source().contains("Second"), g.toString());
    }
}
