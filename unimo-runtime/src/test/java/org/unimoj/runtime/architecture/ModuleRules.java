package org.unimoj.runtime.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/** The module rules of DESIGN.md, as ArchUnit rules over package names (one root package per module). */
final class ModuleRules {

    private ModuleRules() {}

    /** api <- data <- model <- tasks <- plugins; api, data <- augment <- tasks; runtime on top, nothing depends on it. */
    static final ArchRule DEPENDENCIES_POINT_ONE_WAY = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("api").definedBy("org.unimoj.api..")
            .layer("data").definedBy("org.unimoj.data..")
            .layer("model").definedBy("org.unimoj.model..")
            .layer("augment").definedBy("org.unimoj.augment..")
            .layer("tasks").definedBy("org.unimoj.tasks..")
            .layer("plugins").definedBy("org.unimoj.plugins..")
            .layer("runtime").definedBy("org.unimoj.runtime..")
            .whereLayer("api").mayNotAccessAnyLayer()
            .whereLayer("data").mayOnlyAccessLayers("api")
            .whereLayer("model").mayOnlyAccessLayers("api", "data")
            .whereLayer("augment").mayOnlyAccessLayers("api", "data")
            .whereLayer("tasks").mayOnlyAccessLayers("api", "data", "model", "augment")
            .whereLayer("plugins").mayOnlyAccessLayers("api", "data", "model", "augment", "tasks")
            .whereLayer("runtime").mayNotBeAccessedByAnyLayer()
            .allowEmptyShould(true);

    /** Actors and injection are the runtime's business: nothing else may import Akka, Scala or Guice. */
    static final ArchRule ONLY_RUNTIME_KNOWS_AKKA_AND_GUICE = noClasses()
            .that().resideOutsideOfPackage("org.unimoj.runtime..")
            .should().dependOnClassesThat().resideInAnyPackage("akka..", "scala..", "com.google.inject..", "com.typesafe.config..")
            .because("only unimo-runtime may know Akka, Guice and Typesafe Config (DESIGN.md)");

    /** The API is thin: the JDK, nd4j-api and itself. */
    static final ArchRule API_DEPENDS_ON_ND4J_API_ONLY = classes()
            .that().resideInAPackage("org.unimoj.api..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.annotation..", "org.nd4j..", "org.unimoj.api..")
            .because("unimo-api depends on nd4j-api only, so plugin jars stay small and stable");

    static final List<ArchRule> ALL = List.of(DEPENDENCIES_POINT_ONE_WAY, ONLY_RUNTIME_KNOWS_AKKA_AND_GUICE, API_DEPENDS_ON_ND4J_API_ONLY);
}
