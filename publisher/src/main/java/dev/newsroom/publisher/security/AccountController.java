package dev.newsroom.publisher.security;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.newsroom.support.web.FieldError;
import dev.newsroom.support.web.ProblemDetailsExceptionHandler;

/**
 * Account management for administrators: list, create, change roles, set passwords,
 * delete. Any account may also set its own password, signed in with the current one. A
 * change that would leave no administrator is refused with 409.
 */
@RestController
@RequestMapping(path = "/api/accounts", produces = MediaType.APPLICATION_JSON_VALUE)
class AccountController {

	static final String NAME = "[a-z0-9][a-z0-9._@-]{0,99}";

	static final String NAME_MESSAGE = "must be 1 to 100 lower-case letters, digits, '.', '_', '@' or '-', "
			+ "starting with a letter or digit";

	private static final Logger logger = LoggerFactory.getLogger(AccountController.class);

	private final AccountStore accounts;

	AccountController(AccountStore accounts) {
		this.accounts = accounts;
	}

	@GetMapping
	List<AccountView> list() {
		return this.accounts.list().stream().map(AccountView::of).toList();
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<CreatedAccount> create(@Valid @RequestBody NewAccount account, Editor editor) {
		String generated = (account.password() == null) ? Secrets.newPassword() : null;
		String password = checked(Objects.requireNonNullElse(account.password(), generated));
		Account created = this.accounts.create(account.name(), account.roles(), password);
		logger.info("Account {} created with roles {} by {}", created.name(), created.roles(),
				LogText.printable(editor.name()));
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(new CreatedAccount(created.name(), created.roles(), generated));
	}

	@PutMapping(path = "/{name}/roles", consumes = MediaType.APPLICATION_JSON_VALUE)
	AccountView changeRoles(@PathVariable String name, @Valid @RequestBody RoleChange change, Editor editor) {
		Account changed = this.accounts.changeRoles(name, change.roles());
		logger.info("Account {} now has roles {}, set by {}", changed.name(), changed.roles(),
				LogText.printable(editor.name()));
		return AccountView.of(changed);
	}

	@PutMapping(path = "/{name}/password", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Void> changePassword(@PathVariable String name, @Valid @RequestBody PasswordChange change,
			Authentication authentication, Editor editor) {
		if (!editor.has(Role.ADMIN)) {
			if (!(authentication instanceof AccountAuthentication own) || !own.getName().equals(name)) {
				throw new AccessRefusedException(
						SecurityProblems.roleMissingDetail("Setting another account's password", editor, Role.ADMIN),
						Role.ADMIN);
			}
			if (own.tokenHash().isPresent()) {
				throw new AccessRefusedException("To change your password, sign in with the current one "
						+ "(HTTP Basic): a token is not enough.", null);
			}
		}
		this.accounts.changePassword(name, checked(change.password()));
		logger.info("Password of {} set by {}; its tokens are revoked", name, LogText.printable(editor.name()));
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/{name}")
	ResponseEntity<Void> delete(@PathVariable String name, Editor editor) {
		this.accounts.delete(name);
		logger.info("Account {} deleted by {}, with its tokens", name, LogText.printable(editor.name()));
		return ResponseEntity.noContent().build();
	}

	@ExceptionHandler
	ProblemDetail refused(AccountChangeRefusedException refusal) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(refusal.reason().status(), refusal.getMessage());
		problem.setType(refusal.reason().type());
		problem.setTitle(refusal.reason().title());
		problem.setProperty("account", refusal.account());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail passwordTooLong(PasswordTooLongException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"1 field(s) of the request are invalid; see errors.");
		problem.setType(ProblemDetailsExceptionHandler.INVALID_REQUEST);
		problem.setTitle("Invalid request");
		problem.setProperty("errors", List.of(new FieldError("password", "must be at most "
				+ AccountStore.MAX_PASSWORD_BYTES + " bytes in UTF-8, the most bcrypt reads; use fewer characters")));
		return problem;
	}

	private static String checked(String password) {
		if (!AccountStore.fits(password)) {
			throw new PasswordTooLongException();
		}
		return password;
	}

	/**
	 * A new account.
	 *
	 * @param name its name, used to sign in
	 * @param roles its roles
	 * @param password its password; generated and answered once if absent
	 */
	record NewAccount(@NotBlank @Pattern(regexp = NAME, message = NAME_MESSAGE) String name,
			@NotEmpty Set<@NotNull Role> roles, @Nullable @Size(min = 12, max = 72) String password) {

		@Override
		public String toString() {
			return "NewAccount[name=" + this.name + ", roles=" + this.roles + "]";
		}

	}

	/**
	 * A created account, with its password if it was generated: the only time it is
	 * shown.
	 *
	 * @param name its name
	 * @param roles its roles
	 * @param password the generated password, or {@code null} if the request set one
	 */
	record CreatedAccount(String name, Set<Role> roles,
			@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String password) {

		@Override
		public String toString() {
			return "CreatedAccount[name=" + this.name + ", roles=" + this.roles + "]";
		}

	}

	/**
	 * An account as listed.
	 *
	 * @param name its name
	 * @param roles its roles
	 */
	record AccountView(String name, Set<Role> roles) {

		static AccountView of(Account account) {
			return new AccountView(account.name(), account.roles());
		}

	}

	/**
	 * New roles for an account.
	 *
	 * @param roles the roles, replacing the old ones
	 */
	record RoleChange(@NotEmpty Set<@NotNull Role> roles) {
	}

	/**
	 * A new password for an account.
	 *
	 * @param password the password
	 */
	record PasswordChange(@NotNull @Size(min = 12, max = 72) String password) {

		@Override
		public String toString() {
			return "PasswordChange[password=(hidden)]";
		}

	}

	/**
	 * A password longer than bcrypt reads, though within 72 characters.
	 */
	static class PasswordTooLongException extends RuntimeException {

	}

}
