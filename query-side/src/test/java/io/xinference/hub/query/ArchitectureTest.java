package io.xinference.hub.query;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The rules of this module's layout, kept executable. */
@AnalyzeClasses(packages = "io.xinference.hub.query", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The folds and the visibility policy are pure functions: unit-testable, no framework, no I/O. */
    @ArchTest
    static final ArchRule rulesArePure = noClasses()
            .that().haveSimpleNameEndingWith("Applier")
            .or().haveSimpleName("VisibilityPolicy").or().haveSimpleName("Grant")
            .or().haveSimpleName("AuditEntries").or().haveSimpleName("DefinitionFacts")
            .or().haveSimpleName("DefinitionDiff").or().haveSimpleName("XinferenceEntries")
            .should().dependOnClassesThat().resideInAnyPackage("co.elastic..", "org.springframework..",
                    "org.axonframework.config..", "org.axonframework.eventhandling..", "jakarta.servlet..");

    /** Projections never reach into the HTTP layer. */
    @ArchTest
    static final ArchRule projectionsDoNotUseTheWebLayer = classes()
            .that().haveSimpleNameEndingWith("Projection")
            .should().onlyDependOnClassesThat().resideOutsideOfPackage("..query.web..");

    /** Every query that lists models filters by visibility in Elasticsearch, through one class. */
    @ArchTest
    static final ArchRule visibilityHasOneElasticsearchForm = noClasses()
            .that().resideOutsideOfPackage("..query.visibility..")
            .should().dependOnClassesThat().haveSimpleName("Grant");
}
