package dev.newsroom.console.stories;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the compose form holds: the article's fields as an editor types them, and the
 * idempotency key made when the form was first shown, so that a double click or a
 * resubmitted form makes one article.
 */
public class StoryForm {

	private String edition = "";

	private String section = "";

	private String slug = "";

	private String title = "";

	private String lead = "";

	private String body = "";

	private String authors = "";

	private String tags = "";

	private boolean breaking;

	private String idempotencyKey = UUID.randomUUID().toString();

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
		List<Map<String, String>> bylines = split(this.authors).stream().map((name) -> Map.of("name", name)).toList();
		if (!bylines.isEmpty()) {
			request.put("authors", bylines);
		}
		List<String> tagList = split(this.tags);
		if (!tagList.isEmpty()) {
			request.put("tags", tagList);
		}
		request.put("breaking", this.breaking);
		request.put("draft", draft);
		return request;
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

	public String getIdempotencyKey() {
		return this.idempotencyKey;
	}

	public void setIdempotencyKey(String idempotencyKey) {
		this.idempotencyKey = (idempotencyKey != null && !idempotencyKey.isBlank()) ? idempotencyKey
				: UUID.randomUUID().toString();
	}

}
