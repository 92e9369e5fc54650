package dev.newsroom.publisher.security;

import java.net.URI;

import org.springframework.http.HttpStatus;

/**
 * A change to the local accounts that would leave them wrong, and is therefore not made:
 * an unknown account, a name taken, or the last admin removed.
 */
class AccountChangeRefusedException extends RuntimeException {

	private final Reason reason;

	private final String account;

	private AccountChangeRefusedException(Reason reason, String account, String message) {
		super(message);
		this.reason = reason;
		this.account = account;
	}

	static AccountChangeRefusedException notFound(String account) {
		return new AccountChangeRefusedException(Reason.NOT_FOUND, account,
				"There is no account named " + account + "; GET /api/accounts lists them.");
	}

	static AccountChangeRefusedException exists(String account) {
		return new AccountChangeRefusedException(Reason.EXISTS, account,
				"An account named " + account
						+ " exists already: choose another name, or change its roles with PUT /api/accounts/" + account
						+ "/roles.");
	}

	static AccountChangeRefusedException lastAdmin(String account) {
		return new AccountChangeRefusedException(Reason.LAST_ADMIN, account,
				account + " is the last account with the role ADMIN, which nobody could then manage accounts without: "
						+ "give another account ADMIN first.");
	}

	Reason reason() {
		return this.reason;
	}

	String account() {
		return this.account;
	}

	/**
	 * Why a change was refused, with the problem that answers it.
	 */
	enum Reason {

		NOT_FOUND(HttpStatus.NOT_FOUND, "account-not-found", "Account not found"),

		EXISTS(HttpStatus.CONFLICT, "account-exists", "Account exists"),

		LAST_ADMIN(HttpStatus.CONFLICT, "last-admin", "Last admin");

		private final HttpStatus status;

		private final URI type;

		private final String title;

		Reason(HttpStatus status, String type, String title) {
			this.status = status;
			this.type = URI.create("https://newsroom.dev/problems/" + type);
			this.title = title;
		}

		HttpStatus status() {
			return this.status;
		}

		URI type() {
			return this.type;
		}

		String title() {
			return this.title;
		}

	}

}
