package dev.newsroom.console.signin;

import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page, with what happened last: a refused sign-in (never saying whether the
 * name or the password was wrong), a publisher that could not be reached, a session that
 * timed out, a sign-out.
 */
@Controller
class SignInController {

	@GetMapping("/signin")
	String signIn(@RequestParam(required = false) String error, @RequestParam(required = false) String timeout,
			@RequestParam(required = false) String signedout, HttpSession session, Model model) {
		if (error != null) {
			Object failure = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
			model.addAttribute("error", (failure instanceof AuthenticationServiceException unavailable)
					? unavailable.getMessage() : PublisherSignIn.REFUSED);
		}
		else if (timeout != null) {
			model.addAttribute("notice", "Your session timed out. Sign in again to go on.");
		}
		else if (signedout != null) {
			model.addAttribute("notice", "You are signed out.");
		}
		return "signin";
	}

}
