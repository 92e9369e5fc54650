package dev.newsroom.publisher.security;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A local account signed in, by its password (HTTP Basic) or by an API token. It carries
 * no secret: for a token, only the token's hash, so that {@code DELETE
 * /api/tokens/current} can revoke it.
 */
final class AccountAuthentication extends AbstractAuthenticationToken {

	private final String name;

	private final @Nullable String tokenHash;

	private AccountAuthentication(Account account, @Nullable String tokenHash) {
		super(account.roles().stream().map((role) -> new SimpleGrantedAuthority(role.authority())).toList());
		this.name = account.name();
		this.tokenHash = tokenHash;
		setAuthenticated(true);
	}

	static AccountAuthentication byPassword(Account account) {
		return new AccountAuthentication(account, null);
	}

	static AccountAuthentication byToken(Account account, String tokenHash) {
		return new AccountAuthentication(account, tokenHash);
	}

	@Override
	public String getPrincipal() {
		return this.name;
	}

	@Override
	public @Nullable Object getCredentials() {
		return null;
	}

	/**
	 * The hash of the API token that signed in.
	 * @return the hash, or empty if the account signed in with its password
	 */
	Optional<String> tokenHash() {
		return Optional.ofNullable(this.tokenHash);
	}

}
