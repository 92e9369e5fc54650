package dev.newsroom.console.stories;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What the compose and edit form holds: the article's fields as an editor types them; the
 * version an edit was made to; for a published story, whether the change is a correction
 * (with its public note) or a silent fix; a publication time in the editor's time zone;
 * and the idempotency key made when the form was first shown, so that a double click or a
 * resubmitted form writes once.
 */
public class StoryForm {

	/** An author with the address of their page: {@code Leyla Məmmədova <https://…>}. */
	private static final Pattern NAME_AND_PROFILE = Pattern.compile("(.*?)\\s*<([^>]+)>");

	private String edition = "";

	private String section = "";

	private String slug = "";

	private String title = "";

	private String lead = "";

	private String body = "";

	private String authors = "";

	private String tags = "";

	private String imageUrl = "";

	private String imageCaption = "";

	private String imageCredit = "";

	private boolean breaking;

	private String idempotencyKey = UUID.randomUUID().toString();

	private long version;

	private String changeKind = "correction";

	private String changeNote = "";

	private String publishAt = "";

	private String zone = "UTC";

	/**
	 * @param article an article of the publisher's API, with its body
	 * @return a form holding it, to edit
	 */
	static StoryForm of(JsonNode article) {
		StoryForm form = new StoryForm();
		form.edition = article.path("edition").asString();
		form.section = article.path("section").asString();
		form.slug = article.path("slug").asString();
		form.title = article.path("title").asString();
		form.lead = article.path("lead").asString();
		form.body = article.path("body").asString("");
		form.authors = article.path("authors")
			.valueStream()
			.map((author) -> author.path("profileUrl").isString()
					? author.path("name").asString() + " <" + author.path("profileUrl").asString() + ">"
					: author.path("name").asString())
			.collect(Collectors.joining(", "));
		JsonNode image = article.path("heroImage");
		form.imageUrl = image.path("url").asString("");
		form.imageCaption = image.path("caption").asString("");
		form.imageCredit = image.path("credit").asString("");
		form.tags = article.path("tags").valueStream().map(JsonNode::asString).collect(Collectors.joining(", "));
		form.breaking = article.path("breaking").asBoolean();
		form.version = article.path("version").asLong();
		return form;
	}

	/**
	 * @return the publication time, from the editor's local date and time and zone
	 * @throws PublisherRefusal naming the field, if there is none or it is not a time
	 */
	Instant publishInstant() {
		try {
			return LocalDateTime.parse(this.publishAt).atZone(ZoneId.of(this.zone)).toInstant();
		}
		catch (DateTimeException ex) {
			throw new PublisherRefusal(400, "Give the date and time to publish at.",
					Map.of("publishAt", "must be a date and time, such as 2026-12-01 09:00"));
		}
	}

	/**
	 * @param published whether the story is public, so that the change is a correction or
	 * a silent fix
	 * @return the publisher's update request
	 */
	Map<String, Object> toUpdate(boolean published) {
		Map<String, Object> request = toRequest(false);
		request.remove("draft");
		if (published) {
			Map<String, Object> change = new LinkedHashMap<>();
			change.put("kind", this.changeKind);
			if ("correction".equals(this.changeKind)) {
				change.put("note", this.changeNote.strip());
			}
			request.put("change", change);
		}
		return request;
	}

	/**
	 * @param current the article as it is now
	 * @return the fields where it differs from this form: name, theirs, yours
	 */
	List<List<String>> differencesFrom(JsonNode current) {
		StoryForm theirs = of(current);
		Map<String, List<String>> fields = new LinkedHashMap<>();
		fields.put("Title", List.of(theirs.title, this.title));
		fields.put("Lead", List.of(theirs.lead, this.lead));
		fields.put("Body", List.of(theirs.body, this.body));
		fields.put("Section", List.of(theirs.section, this.section));
		fields.put("Authors", List.of(theirs.authors, this.authors));
		fields.put("Tags", List.of(theirs.tags, this.tags));
		fields.put("Image", List.of(theirs.imageUrl, this.imageUrl));
		fields.put("Image caption", List.of(theirs.imageCaption, this.imageCaption));
		fields.put("Image credit", List.of(theirs.imageCredit, this.imageCredit));
		return fields.entrySet()
			.stream()
			.filter((field) -> !field.getValue().get(0).strip().equals(field.getValue().get(1).strip()))
			.map((field) -> List.of(field.getKey(), field.getValue().get(0), field.getValue().get(1)))
			.toList();
	}

	/**
	 * @param draft whether to keep it unpublished
	 * @return the publisher's create request
	 */
	Map<String, Object> toRequest(boolean draft) {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("edition", this.edition.strip());
		request.put("section", this.section.strip());
		request.put("slug", this.slug.strip());
		request.put("title", this.title.strip());
		request.put("lead", this.lead.strip());
		request.put("body", this.body);
		List<Map<String, String>> bylines = split(this.authors).stream().map(StoryForm::byline).toList();
		if (!bylines.isEmpty()) {
			request.put("authors", bylines);
		}
		List<String> tagList = split(this.tags);
		if (!tagList.isEmpty()) {
			request.put("tags", tagList);
		}
		if (!this.imageUrl.isBlank()) {
			Map<String, String> image = new LinkedHashMap<>();
			image.put("url", this.imageUrl.strip());
			if (!this.imageCaption.isBlank()) {
				image.put("caption", this.imageCaption.strip());
			}
			if (!this.imageCredit.isBlank()) {
				image.put("credit", this.imageCredit.strip());
			}
			request.put("heroImage", image);
		}
		request.put("breaking", this.breaking);
		request.put("draft", draft);
		return request;
	}

	/**
	 * @param author {@code Name} or {@code Name <https://profile>}, as the form takes it
	 * @return the publisher's byline
	 */
	static Map<String, String> byline(String author) {
		Matcher profile = NAME_AND_PROFILE.matcher(author);
		if (profile.matches()) {
			return Map.of("name", profile.group(1).strip(), "profileUrl", profile.group(2).strip());
		}
		return Map.of("name", author);
	}

	private static List<String> split(String list) {
		return Arrays.stream(list.split(",")).map(String::strip).filter((item) -> !item.isEmpty()).toList();
	}

	public String getEdition() {
		return this.edition;
	}

	public void setEdition(String edition) {
		this.edition = (edition != null) ? edition : "";
	}

	public String getSection() {
		return this.section;
	}

	public void setSection(String section) {
		this.section = (section != null) ? section : "";
	}

	public String getSlug() {
		return this.slug;
	}

	public void setSlug(String slug) {
		this.slug = (slug != null) ? slug : "";
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = (title != null) ? title : "";
	}

	public String getLead() {
		return this.lead;
	}

	public void setLead(String lead) {
		this.lead = (lead != null) ? lead : "";
	}

	public String getBody() {
		return this.body;
	}

	public void setBody(String body) {
		this.body = (body != null) ? body : "";
	}

	public String getAuthors() {
		return this.authors;
	}

	public void setAuthors(String authors) {
		this.authors = (authors != null) ? authors : "";
	}

	public String getImageUrl() {
		return this.imageUrl;
	}

	public void setImageUrl(String imageUrl) {
		this.imageUrl = (imageUrl != null) ? imageUrl : "";
	}

	public String getImageCaption() {
		return this.imageCaption;
	}

	public void setImageCaption(String imageCaption) {
		this.imageCaption = (imageCaption != null) ? imageCaption : "";
	}

	public String getImageCredit() {
		return this.imageCredit;
	}

	public void setImageCredit(String imageCredit) {
		this.imageCredit = (imageCredit != null) ? imageCredit : "";
	}

	public String getTags() {
		return this.tags;
	}

	public void setTags(String tags) {
		this.tags = (tags != null) ? tags : "";
	}

	public boolean isBreaking() {
		return this.breaking;
	}

	public void setBreaking(boolean breaking) {
		this.breaking = breaking;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

	public String getChangeKind() {
		return this.changeKind;
	}

	public void setChangeKind(@Nullable String changeKind) {
		this.changeKind = "silent-fix".equals(changeKind) ? "silent-fix" : "correction";
	}

	public String getChangeNote() {
		return this.changeNote;
	}

	public void setChangeNote(@Nullable String changeNote) {
		this.changeNote = (changeNote != null) ? changeNote : "";
	}

	public String getPublishAt() {
		return this.publishAt;
	}

	public void setPublishAt(@Nullable String publishAt) {
		this.publishAt = (publishAt != null) ? publishAt : "";
	}

	public String getZone() {
		return this.zone;
	}

	public void setZone(@Nullable String zone) {
		this.zone = (zone != null && ZoneId.getAvailableZoneIds().contains(zone)) ? zone : "UTC";
	}

	/** A new idempotency key, for a different request made from the same form. */
	void renewIdempotencyKey() {
		this.idempotencyKey = UUID.randomUUID().toString();
	}

	public String getIdempotencyKey() {
		return this.idempotencyKey;
	}

	public void setIdempotencyKey(String idempotencyKey) {
		this.idempotencyKey = (idempotencyKey != null && !idempotencyKey.isBlank()) ? idempotencyKey
				: UUID.randomUUID().toString();
	}

}
