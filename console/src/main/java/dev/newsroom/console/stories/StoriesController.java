package dev.newsroom.console.stories;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import tools.jackson.databind.JsonNode;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import dev.newsroom.console.signin.Editor;

/**
 * The stories list, composing a story (saved as a draft, or published after a
 * confirmation), and a story's page. What the page offers follows the editor's roles; the
 * publisher checks every action again.
 */
@Controller
class StoriesController {

	private final PublisherApi publisher;

	private final ViewCounts views;

	private final Deliveries deliveries;

	private final PostPreviews previews;

	StoriesController(PublisherApi publisher, ViewCounts views, Deliveries deliveries, PostPreviews previews) {
		this.publisher = publisher;
		this.views = views;
		this.deliveries = deliveries;
		this.previews = previews;
	}

	@GetMapping("/")
	String list(@RequestParam(required = false) String edition, @RequestParam(required = false) String state,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@AuthenticationPrincipal Editor editor, Model model) {
		StoryFilter filter = new StoryFilter(edition, state, q, page);
		StoryPage stories = this.publisher.search(editor, filter);
		model.addAttribute("filter", filter);
		model.addAttribute("stories", stories);
		List<String> ids = stories.stories().stream().map(StorySummary::id).toList();
		model.addAttribute("ids", ids);
		model.addAttribute("views", this.views.of(ids));
		model.addAttribute("channels", this.deliveries.summaries(ids));
		model.addAttribute("states", List.of("draft", "scheduled", "published", "retracted"));
		return "stories";
	}

	@GetMapping("/stories/new")
	String compose(@AuthenticationPrincipal Editor editor, Model model) {
		model.addAttribute("form", new StoryForm());
		return "compose";
	}

	/**
	 * Saves a draft at once; a publication is shown for confirmation first, and made when
	 * confirmed, with the idempotency key the form was shown with.
	 */
	@PostMapping("/stories")
	String create(@ModelAttribute("form") StoryForm form, @RequestParam String action,
			@AuthenticationPrincipal Editor editor, Model model, HttpServletResponse response) {
		boolean draft;
		switch (action) {
			case "publish" -> {
				model.addAttribute("confirming", true);
				return "compose";
			}
			case "edit" -> {
				return "compose";
			}
			case "preview" -> {
				model.addAttribute("previews", this.previews.of(editor, form, null, false));
				return "compose";
			}
			case "schedule" -> {
				return confirmSchedule(form, model, response);
			}
			case "draft" -> draft = true;
			case "publish-confirmed" -> draft = false;
			case "schedule-confirmed" -> {
				try {
					return "redirect:/stories/" + this.publisher.schedule(editor, form, form.publishInstant());
				}
				catch (PublisherRefusal refusal) {
					return composeAgain(refusal, model, response);
				}
			}
			default -> throw unknown(action);
		}
		try {
			return "redirect:/stories/" + this.publisher.create(editor, form, draft);
		}
		catch (PublisherRefusal refusal) {
			return composeAgain(refusal, model, response);
		}
	}

	private String confirmSchedule(StoryForm form, Model model, HttpServletResponse response) {
		try {
			Instant at = form.publishInstant();
			model.addAttribute("confirmingSchedule", at);
			return "compose";
		}
		catch (PublisherRefusal refusal) {
			return composeAgain(refusal, model, response);
		}
	}

	@GetMapping("/stories/{id}/edit")
	String edit(@PathVariable String id, @AuthenticationPrincipal Editor editor, Model model) {
		JsonNode story = this.publisher.story(editor, id);
		model.addAttribute("form", StoryForm.of(story));
		model.addAttribute("storyId", id);
		model.addAttribute("published", "PUBLISHED".equals(story.path("status").asString()));
		return "compose";
	}

	/**
	 * Saves an edit made to the form's version. A change to a published story is a
	 * correction or a silent fix, shown for confirmation first. If someone changed the
	 * story since (412), the page shows what differs, to reload theirs or overwrite it
	 * knowingly.
	 */
	@PostMapping("/stories/{id}")
	String update(@PathVariable String id, @ModelAttribute("form") StoryForm form, @RequestParam String action,
			@AuthenticationPrincipal Editor editor, Model model, HttpServletResponse response) {
		model.addAttribute("storyId", id);
		JsonNode current = this.publisher.story(editor, id);
		boolean published = "PUBLISHED".equals(current.path("status").asString());
		model.addAttribute("published", published);
		switch (action) {
			case "preview" -> {
				model.addAttribute("previews", this.previews.of(editor, form, current.path("canonicalUrl").asString(),
						published && "correction".equals(form.getChangeKind())));
				return "compose";
			}
			case "save" -> {
				if (published) {
					model.addAttribute("confirmingChange", true);
					return "compose";
				}
			}
			case "save-confirmed", "overwrite" -> {
			}
			default -> throw unknown(action);
		}
		if ("overwrite".equals(action)) {
			form.setVersion(current.path("version").asLong());
		}
		try {
			this.publisher.update(editor, id, form, published);
			return "redirect:/stories/" + id;
		}
		catch (PublisherRefusal refusal) {
			if (refusal.status() == 412) {
				// Overwriting is another request: it gets a key of its own.
				form.renewIdempotencyKey();
				model.addAttribute("conflict", refusal.getMessage());
				// Read just before the change was sent: the version it was refused
				// against.
				model.addAttribute("theirVersion", current.path("version").asLong());
				model.addAttribute("theirEditor", current.path("lastChangedBy").asString());
				model.addAttribute("differences", form.differencesFrom(current));
				response.setStatus(412);
				return "compose";
			}
			return composeAgain(refusal, model, response);
		}
	}

	/** Publishes a draft, or retracts a published story with a reason, once confirmed. */
	@PostMapping("/stories/{id}/{change:publish|retract}")
	String change(@PathVariable String id, @PathVariable String change, @RequestParam long version,
			@RequestParam String key, @RequestParam(defaultValue = "") String reason,
			@RequestParam(defaultValue = "false") boolean confirmed, @AuthenticationPrincipal Editor editor,
			Model model, HttpServletResponse response) {
		if (!confirmed) {
			String view = story(id, editor, model);
			model.addAttribute("confirming", change);
			model.addAttribute("reason", reason);
			// The confirmation sends the key of the first request: a double click is one.
			model.addAttribute("key", key);
			return view;
		}
		try {
			if ("publish".equals(change)) {
				this.publisher.publish(editor, id, version, key);
			}
			else {
				this.publisher.retract(editor, id, version, key, reason.strip());
			}
			return "redirect:/stories/" + id;
		}
		catch (PublisherRefusal refusal) {
			response.setStatus(refusal.status());
			model.addAttribute("refusal", refusal.getMessage());
			model.addAttribute("fieldErrors", refusal.fieldErrors());
			String view = story(id, editor, model);
			model.addAttribute("reason", reason);
			return view;
		}
	}

	/** Retries or cancels one of the story's deliveries, as the editor. */
	@PostMapping("/stories/{id}/deliveries/{deliveryId}/{command:retry|cancel}")
	String delivery(@PathVariable String id, @PathVariable String deliveryId, @PathVariable String command,
			@AuthenticationPrincipal Editor editor, Model model, HttpServletResponse response) {
		return afterDeliveryCommand(this.deliveries.command(editor, id, deliveryId, command), id, editor, model,
				response);
	}

	/**
	 * Resolves an uncertain delivery: the editor found the post (and gives its link), or
	 * did not, and it is posted now.
	 */
	@PostMapping("/stories/{id}/deliveries/{deliveryId}/resolve")
	String resolve(@PathVariable String id, @PathVariable String deliveryId, @RequestParam String outcome,
			@RequestParam(required = false) String postUrl, @AuthenticationPrincipal Editor editor, Model model,
			HttpServletResponse response) {
		return afterDeliveryCommand(this.deliveries.resolve(editor, id, deliveryId, "posted".equals(outcome), postUrl),
				id, editor, model, response);
	}

	/**
	 * Back to the story, or the story with the notifier's refusal above its deliveries.
	 */
	private String afterDeliveryCommand(@Nullable String refused, String id, Editor editor, Model model,
			HttpServletResponse response) {
		if (refused == null) {
			return "redirect:/stories/" + id;
		}
		response.setStatus(HttpServletResponse.SC_CONFLICT);
		String view = story(id, editor, model);
		model.addAttribute("refusal", refused);
		return view;
	}

	private static String composeAgain(PublisherRefusal refusal, Model model, HttpServletResponse response) {
		response.setStatus(refusal.status());
		model.addAttribute("refusal", refusal.summary());
		model.addAttribute("fieldErrors", refusal.fieldErrors());
		return "compose";
	}

	private static ResponseStatusException unknown(String action) {
		return new ResponseStatusException(HttpStatus.BAD_REQUEST, "Unknown action '" + action
				+ "': the forms send draft, publish, schedule, save, their -confirmed forms, preview, edit or overwrite.");
	}

	@GetMapping("/stories/{id}")
	String story(@PathVariable String id, @AuthenticationPrincipal Editor editor, Model model) {
		JsonNode story = this.publisher.story(editor, id);
		model.addAttribute("articleId", id);
		model.addAttribute("story", story);
		// A retracted story is answered as a problem (410), whose status is its number.
		model.addAttribute("state", story.path("status").isString() ? StorySummary.state(story) : "retracted");
		model.addAttribute("views", this.views.of(List.of(id)).get(id));
		model.addAttribute("chart", this.views.byHour(id));
		// The edition whose most-read lists the story's place is shown in, once
		// published.
		String edition = story.path("publishedAt").isString() ? story.path("edition").asString() : null;
		model.addAttribute("edition", edition);
		if (edition != null) {
			model.addAttribute("rankHour", this.views.rank(edition, "1h", id));
			model.addAttribute("rankDay", this.views.rank(edition, "24h", id));
		}
		model.addAttribute("history",
				this.publisher.history(editor, id).path("versions").valueStream().map(StoryVersion::of).toList());
		model.addAttribute("deliveries", this.deliveries.of(id));
		model.addAttribute("key", UUID.randomUUID().toString());
		return "story";
	}

	@ExceptionHandler
	String signInExpired(SignInExpiredException ex, HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		SecurityContextHolder.clearContext();
		return "redirect:/signin?timeout";
	}

	@ExceptionHandler
	String unavailable(ServiceUnavailableException ex, Model model, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		model.addAttribute("message", ex.getMessage());
		return "unavailable";
	}

	@ExceptionHandler
	String refused(PublisherRefusal refusal, Model model, HttpServletResponse response) {
		response.setStatus(refusal.status());
		model.addAttribute("message", refusal.getMessage());
		return "unavailable";
	}

}
