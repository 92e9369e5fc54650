package dev.newsroom.testsupport;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The rules that keep a module's dependencies pointing one way, checked with ArchUnit on
 * the module's production classes. Maven already keeps modules from depending on each
 * other in a circle; these rules do the same for the capabilities inside a module, and
 * keep the shared modules free of the services.
 */
public final class Architecture {

	/** The services, which nothing else may depend on. */
	private static final String[] SERVICES = { "dev.newsroom.publisher..", "dev.newsroom.viewcounter..",
			"dev.newsroom.notifier..", "dev.newsroom.feeds..", "dev.newsroom.registry..", "dev.newsroom.localstack.." };

	/**
	 * What a downstream consumer may use of Newsroom's own code: the contract and its
	 * serdes.
	 */
	private static final String[] CONTRACT = { "dev.newsroom.events..", "dev.newsroom.schemas.." };

	private Architecture() {
	}

	/**
	 * Checks that the capabilities of a module (its packages one level below the root,
	 * such as {@code dev.newsroom.notifier.ledger}) depend on each other without a cycle,
	 * so that each can be read, tested and changed from the bottom up.
	 * @param rootPackage the module's root package
	 */
	public static void assertCapabilitiesFreeOfCycles(String rootPackage) {
		SlicesRuleDefinition.slices()
			.matching(rootPackage + ".(*)..")
			.namingSlices("capability $1 of " + rootPackage)
			.should()
			.beFreeOfCycles()
			.check(production(rootPackage));
	}

	/**
	 * Checks that a shared module (the contract, the support code) depends on no service.
	 * @param rootPackage the shared module's root package
	 */
	public static void assertDependsOnNoService(String rootPackage) {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage(SERVICES)
			.because("shared code serves every service and must not know any of them")
			.check(production(rootPackage));
	}

	/**
	 * Checks that a module reads Newsroom's topics as any downstream consumer could: with
	 * the contract and its serdes, and none of the services' own code.
	 * @param rootPackage the module's root package
	 */
	public static void assertUsesOnlyTheContract(String rootPackage) {
		noClasses().should()
			.dependOnClassesThat(JavaClass.Predicates.resideInAPackage("dev.newsroom..")
				.and(DescribedPredicate.not(JavaClass.Predicates.resideInAnyPackage(CONTRACT)))
				.and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage(rootPackage + ".."))))
			.because("a downstream consumer has only the published contract: the topics, their schemas and serdes")
			.check(production(rootPackage));
	}

	private static JavaClasses production(String rootPackage) {
		return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
			.importPackages(rootPackage);
	}

}
