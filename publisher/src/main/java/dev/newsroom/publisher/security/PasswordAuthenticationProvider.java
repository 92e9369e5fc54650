package dev.newsroom.publisher.security;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Signs in a local account by name and password (HTTP Basic). A refusal is logged with
 * the account name and never the password. An unknown name costs the same bcrypt check as
 * a wrong password, so that response times do not tell which names exist.
 */
@Component
class PasswordAuthenticationProvider implements AuthenticationProvider {

	private static final Logger logger = LoggerFactory.getLogger(PasswordAuthenticationProvider.class);

	private final AccountStore accounts;

	private final PasswordEncoder passwords;

	private final String unknownAccountHash;

	PasswordAuthenticationProvider(AccountStore accounts, PasswordEncoder passwords) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.unknownAccountHash = passwords.encode(Secrets.newPassword());
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String name = authentication.getName();
		Object credentials = authentication.getCredentials();
		String password = (credentials != null) ? credentials.toString() : "";
		Optional<Account> account = this.accounts.find(name);
		boolean matches = this.passwords.matches(password,
				account.map(Account::passwordHash).orElse(this.unknownAccountHash));
		if (account.isEmpty() || !matches) {
			logger.warn("Sign-in refused for account '{}': {}", LogText.printable(name),
					account.isEmpty() ? "no such account" : "wrong password");
			throw new BadCredentialsException("Wrong account name or password");
		}
		return AccountAuthentication.byPassword(account.get());
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
