package org.unimoj.runtime.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
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
