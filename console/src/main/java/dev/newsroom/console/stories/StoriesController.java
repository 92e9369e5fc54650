package dev.newsroom.console.stories;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import tools.jackson.databind.JsonNode;

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

	StoriesController(PublisherApi publisher, ViewCounts views) {
		this.publisher = publisher;
		this.views = views;
	}

	@GetMapping("/")
	String list(@RequestParam(required = false) String edition, @RequestParam(required = false) String state,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@AuthenticationPrincipal Editor editor, Model model) {
		StoryFilter filter = new StoryFilter(edition, state, q, page);
		StoryPage stories = this.publisher.search(editor, filter);
		model.addAttribute("filter", filter);
		model.addAttribute("stories", stories);
		model.addAttribute("views", this.views.of(stories.stories().stream().map(StorySummary::id).toList()));
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
			case "draft" -> draft = true;
			case "publish-confirmed" -> draft = false;
			default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"Unknown action '" + action + "': the form sends draft, publish, publish-confirmed or edit.");
		}
		try {
			return "redirect:/stories/" + this.publisher.create(editor, form, draft);
		}
		catch (PublisherRefusal refusal) {
			response.setStatus(refusal.status());
			model.addAttribute("refusal", refusal.getMessage());
			model.addAttribute("fieldErrors", refusal.fieldErrors());
			return "compose";
		}
	}

	@GetMapping("/stories/{id}")
	String story(@PathVariable String id, @AuthenticationPrincipal Editor editor, Model model) {
		JsonNode story = this.publisher.story(editor, id);
		model.addAttribute("story", story);
		model.addAttribute("state", story.has("status") ? StorySummary.state(story) : "retracted");
		model.addAttribute("views", this.views.of(List.of(id)).get(id));
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
