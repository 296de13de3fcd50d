package io.huddle.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ClientArchitectureTest {
    static final JavaClasses CLIENT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.huddle.client");

    @Test
    void theClientKnowsNothingOfJavaFxNorOfTheGatewaysInsides() {
        noClasses().that().resideInAPackage("io.huddle.client..").should().dependOnClassesThat()
                .resideInAnyPackage("javafx..", "io.huddle.gateway..").check(CLIENT);
    }
}
