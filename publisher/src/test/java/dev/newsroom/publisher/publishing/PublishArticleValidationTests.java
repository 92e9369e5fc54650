package dev.newsroom.publisher.publishing;

import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules an article must meet before it is published.
 */
class PublishArticleValidationTests {

	private static ValidatorFactory factory;

	private static Validator validator;

	@BeforeAll
	static void createValidator() {
		factory = Validation.buildDefaultValidatorFactory();
		validator = factory.getValidator();
	}

	@AfterAll
	static void closeValidator() {
		factory.close();
	}

	static PublishArticle valid() {
		return new PublishArticle("en", "politics", "budget-passes", "Budget passes", "Parliament approved it.",
				"<p>Body</p>", List.of(new PublishArticle.Byline("Jane Doe", null)), List.of("budget"),
				new PublishArticle.HeroImage("https://img.example/1.jpg", "Parliament", null), false);
	}

	@Test
	void completeArticleIsValid() {
		assertThat(validator.validate(valid())).isEmpty();
	}

	@Test
	void optionalPartsMayBeLeftOut() {
		PublishArticle minimal = new PublishArticle("az", "economy", "manat", "Manat", "Lead.", "<p>Body</p>", null,
				null, null, null);
		assertThat(validator.validate(minimal)).isEmpty();
	}

	@Test
	void editionMustBeALowerCaseLanguageCode() {
		assertThat(fields(with("EN", "politics", "budget-passes", "https://img.example/1.jpg")))
			.containsExactly("edition");
		assertThat(fields(with("eng", "politics", "budget-passes", "https://img.example/1.jpg")))
			.containsExactly("edition");
	}

	@Test
	void sectionAndSlugMustBeSlugs() {
		assertThat(fields(with("en", "Politics", "budget passes", "https://img.example/1.jpg")))
			.containsExactlyInAnyOrder("section", "slug");
		assertThat(fields(with("en", "politics", "budget--passes", "https://img.example/1.jpg")))
			.containsExactly("slug");
	}

	@Test
	void heroImageMustHaveAnHttpUrl() {
		assertThat(fields(with("en", "politics", "budget-passes", "javascript:alert(1)")))
			.containsExactly("heroImage.url");
	}

	@Test
	void blankTitleLeadAndBodyAreRefused() {
		PublishArticle blank = new PublishArticle("en", "politics", "budget-passes", " ", "", "\t", null, null, null,
				null);
		assertThat(fields(blank)).containsExactlyInAnyOrder("title", "lead", "body");
	}

	@Test
	void blankTagsAndBylinesAreRefused() {
		PublishArticle article = new PublishArticle("en", "politics", "budget-passes", "T", "L", "B",
				List.of(new PublishArticle.Byline("", "ftp://x")), List.of(" "), null, null);
		assertThat(fields(article)).containsExactlyInAnyOrder("authors[0].name", "authors[0].profileUrl",
				"tags[0].<list element>");
	}

	private static PublishArticle with(String edition, String section, String slug, String imageUrl) {
		PublishArticle valid = valid();
		return new PublishArticle(edition, section, slug, valid.title(), valid.lead(), valid.body(), valid.authors(),
				valid.tags(), new PublishArticle.HeroImage(imageUrl, null, null), valid.breaking());
	}

	private static List<String> fields(PublishArticle article) {
		Set<ConstraintViolation<PublishArticle>> violations = validator.validate(article);
		return violations.stream().map((violation) -> violation.getPropertyPath().toString()).toList();
	}

}
