package io.mmg.gateway.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point down (docs/developing.md, "Where things are"): the payment domain knows no provider, poll rule
 * or authentication, and no two packages depend on each other, however far round.
 */
class PackageDependenciesTest {

    private static final JavaClasses GATEWAY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.mmg.gateway");

    @Test
    void no_package_depends_on_a_package_that_depends_back_on_it() {
        // Each package its own slice: provider and provider.mtn are two.
        slices().matching("io.mmg.gateway.(**)").should().beFreeOfCycles().check(GATEWAY);
    }

    @Test
    void the_payment_domain_depends_on_no_layer_above_it() {
        noClasses().that().resideInAPackage("io.mmg.gateway.payment")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.mmg.gateway.provider..", "io.mmg.gateway.poller..", "io.mmg.gateway.security..",
                        "io.mmg.gateway.review..", "io.mmg.gateway.webhook..", "io.mmg.gateway.batch..",
                        "io.mmg.gateway.reconciliation..", "io.mmg.gateway.compat..", "io.mmg.gateway.sandbox..")
                .check(GATEWAY);
    }

    @Test
    void a_provider_neutral_piece_knows_no_provider() {
        noClasses().that().resideInAPackage("io.mmg.gateway.provider")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.mmg.gateway.provider.mtn..", "io.mmg.gateway.provider.mpesa..")
                .check(GATEWAY);
    }
}
