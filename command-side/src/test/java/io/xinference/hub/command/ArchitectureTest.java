package io.xinference.hub.command;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The shape of the write model, kept executable: the rules do not know about HTTP or tables. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.xinference.hub.command");
    }

    @Test
    void theModelDoesNotKnowTheWebOrTheDatabase() {
        noClasses().that().resideInAPackage("..command.model..")
                .should().dependOnClassesThat().resideInAnyPackage("..command.web..", "..command.registration..",
                        "..command.maintenance..", "..command.review..", "..command.security..",
                        "org.springframework.web..", "org.springframework.http..", "jakarta.servlet..",
                        "jakarta.persistence..", "org.springframework.data..", "org.springframework.jdbc..")
                .check(classes);
    }

    @Test
    void definitionsAreCheckedWithoutAxonOrTheModel() {
        noClasses().that().resideInAPackage("..command.definition..")
                .should().dependOnClassesThat().resideInAnyPackage("org.axonframework..", "..command.model..")
                .check(classes);
    }

    @Test
    void theCommandSideNeverReadsTheQuerySide() {
        noClasses().should().dependOnClassesThat().resideInAPackage("io.xinference.hub.query..").check(classes);
    }

    @Test
    void httpControllersStayInTheirFeaturePackages() {
        noClasses().that().resideInAnyPackage("..command.model..", "..command.definition..")
                .and().haveSimpleNameNotEndingWith("ValidationController")
                .should().beAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                .check(classes);
    }
}
