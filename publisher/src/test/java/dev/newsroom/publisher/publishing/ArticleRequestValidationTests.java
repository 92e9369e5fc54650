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
 * The rules an article must meet before it is written.
 */
class ArticleRequestValidationTests {

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

	static ArticleRequest valid() {
		return new ArticleRequest("en", "politics", "budget-passes", "Budget passes", "Parliament approved it.",
				"<p>Body</p>", List.of(new ArticleRequest.Byline("Jane Doe", null)), List.of("budget"),
				new ArticleRequest.HeroImage("https://img.example/1.jpg", "Parliament", null), false, null, null, null);
	}

	@Test
	void completeArticleIsValid() {
		assertThat(validator.validate(valid())).isEmpty();
	}

	@Test
	void optionalPartsMayBeLeftOut() {
		ArticleRequest minimal = new ArticleRequest("az", "economy", "manat", "Manat", "Lead.", "<p>Body</p>", null,
				null, null, null, null, null, null);
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
		ArticleRequest blank = new ArticleRequest("en", "politics", "budget-passes", " ", "", "\t", null, null, null,
				null, null, null, null);
		assertThat(fields(blank)).containsExactlyInAnyOrder("title", "lead", "body");
	}

	@Test
	void blankTagsAndBylinesAreRefused() {
		ArticleRequest article = new ArticleRequest("en", "politics", "budget-passes", "T", "L", "B",
				List.of(new ArticleRequest.Byline("", "ftp://x")), List.of(" "), null, null, null, null, null);
		assertThat(fields(article)).containsExactlyInAnyOrder("authors[0].name", "authors[0].profileUrl",
				"tags[0].<list element>");
	}

	@Test
	void titleAndLeadRefuseControlCharactersLineBreaksAndBidiOverrides() {
		assertThat(fields(titled("Budget\u0000passes"))).containsExactly("title");
		assertThat(fields(titled("Budget\r\nSet-Cookie: x"))).containsExactly("title");
		assertThat(fields(titled("Budget \u202Esessap"))).containsExactly("title");
		assertThat(fields(titled("Budget \u2066passes\u2069"))).containsExactly("title");
		assertThat(fields(titled("Бюджет принят — «да»"))).isEmpty();
	}

	@Test
	void titleThatIsBlankOnceInvisibleCharactersAreStrippedIsRefused() {
		assertThat(fields(titled("\u200B\u00A0\uFEFF "))).containsExactly("title");
	}

	@Test
	void urlFieldsHaveASizeLimit() {
		String longUrl = "https://img.example/" + "a".repeat(3000);
		assertThat(fields(with("en", "politics", "budget-passes", longUrl))).contains("heroImage.url");
	}

	private static ArticleRequest titled(String title) {
		ArticleRequest valid = valid();
		return new ArticleRequest(valid.edition(), valid.section(), valid.slug(), title, valid.lead(), valid.body(),
				valid.authors(), valid.tags(), valid.heroImage(), valid.breaking(), null, null, null);
	}

	private static ArticleRequest with(String edition, String section, String slug, String imageUrl) {
		ArticleRequest valid = valid();
		return new ArticleRequest(edition, section, slug, valid.title(), valid.lead(), valid.body(), valid.authors(),
				valid.tags(), new ArticleRequest.HeroImage(imageUrl, null, null), valid.breaking(), null, null, null);
	}

	private static List<String> fields(ArticleRequest article) {
		Set<ConstraintViolation<ArticleRequest>> violations = validator.validate(article);
		return violations.stream().map((violation) -> violation.getPropertyPath().toString()).toList();
	}

}
