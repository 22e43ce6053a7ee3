package org.unimoj.runtime.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.core.importer.Locations;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.unimoj.api.archfixture.ApiUsingModel;
import org.unimoj.augment.archfixture.AugmentUsingTasks;
import org.unimoj.model.archfixture.ModelUsingAkka;
import org.unimoj.model.archfixture.ModelUsingRuntime;

class ArchitectureTest {

    /** Every production class of every module on this (the runtime's) class path. */
    private static JavaClasses product() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.unimoj");
    }

    /**
     * The modules of {@code plugins/pom.xml}: plugins are not on the runtime's class path (they are
     * loaded from jars at run time), so their classes are read from each module's
     * {@code target/classes}, which the reactor builds before the runtime.
     */
    static List<Path> pluginClassDirs() throws IOException {
        Path plugins = Path.of(System.getProperty("unimo.root", ".")).resolve("plugins");
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(plugins.resolve("pom.xml")));
        List<Path> dirs = new ArrayList<>();
        while (m.find()) {
            dirs.add(plugins.resolve(m.group(1).strip()).resolve("target/classes"));
        }
        return dirs;
    }

    @Test
    void theProductKeepsTheModuleRules() {
        JavaClasses classes = product();
        for (String root : List.of("org.unimoj.api", "org.unimoj.runtime")) {
            assertTrue(classes.stream().anyMatch(c -> c.getPackageName().startsWith(root)), "no classes imported from " + root + ": the rules would check nothing");
        }
        for (ArchRule rule : ModuleRules.ALL) {
            rule.check(classes);
        }
    }

    @Test
    void thePluginModulesKeepTheModuleRules() throws IOException {
        List<Path> dirs = pluginClassDirs();
        assertFalse(dirs.isEmpty(), "plugins/pom.xml lists no module");
        for (Path d : dirs) {
            assertTrue(Files.isDirectory(d.resolve("org/unimoj/plugins")),
                    d + " holds no plugin classes: build the plugins first (mvn verify from the root, or -pl unimo-runtime -am)");
        }
        JavaClasses plugins = new ClassFileImporter().importPaths(dirs);
        assertTrue(plugins.stream().allMatch(c -> c.getPackageName().startsWith("org.unimoj.plugins.")),
                "plugin modules may only define classes under org.unimoj.plugins.<task>");
        assertThrows(ClassNotFoundException.class, () -> Class.forName(plugins.iterator().next().getName()),
                "plugin classes must not be on the runtime's class path");
        // The rules over the platform and the plugins together, as the launcher runs them.
        Set<Location> where = new LinkedHashSet<>(Locations.ofPackage("org.unimoj"));
        for (Path d : dirs) {
            where.add(Location.of(d));
        }
        JavaClasses all = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importLocations(where);
        assertTrue(all.stream().anyMatch(c -> c.getPackageName().startsWith("org.unimoj.plugins.")), "no plugin classes imported");
        for (ArchRule rule : ModuleRules.ALL) {
            rule.check(all);
        }
    }

    @Test
    void theRulesCatchADeliberatelyWrongClassSet() {
        JavaClasses wrong = new ClassFileImporter().importClasses(ApiUsingModel.class, ModelUsingAkka.class, ModelUsingRuntime.class, AugmentUsingTasks.class);
        assertViolation(ModuleRules.DEPENDENCIES_POINT_ONE_WAY, wrong, ApiUsingModel.class);
        assertViolation(ModuleRules.DEPENDENCIES_POINT_ONE_WAY, wrong, ModelUsingRuntime.class);
        assertViolation(ModuleRules.DEPENDENCIES_POINT_ONE_WAY, wrong, AugmentUsingTasks.class);
        assertViolation(ModuleRules.ONLY_RUNTIME_KNOWS_AKKA_AND_GUICE, wrong, ModelUsingAkka.class);
        assertViolation(ModuleRules.API_DEPENDS_ON_ND4J_API_ONLY, wrong, ApiUsingModel.class);
    }

    @Test
    void aRightClassSetPassesEveryRule() {
        JavaClasses right = new ClassFileImporter().importClasses(org.unimoj.api.task.TaskInfo.class, org.unimoj.runtime.cli.Unimo.class);
        for (ArchRule rule : ModuleRules.ALL) {
            EvaluationResult r = rule.evaluate(right);
            assertFalse(r.hasViolation(), r.getFailureReport().toString());
        }
    }

    private static void assertViolation(ArchRule rule, JavaClasses classes, Class<?> offender) {
        EvaluationResult r = rule.evaluate(classes);
        assertTrue(r.hasViolation(), "rule did not fire: " + rule.getDescription());
        String report = r.getFailureReport().toString();
        assertTrue(report.contains(offender.getName()), "violation does not name " + offender.getName() + ":\n" + report);
    }
}
