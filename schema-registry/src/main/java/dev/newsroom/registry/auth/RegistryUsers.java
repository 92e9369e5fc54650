package dev.newsroom.registry.auth;

import java.util.Map;
import java.util.UUID;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks HTTP Basic credentials against the configured users' password hashes. A pair
 * that passed is remembered in {@link VerifiedCredentials} for a while, so that only the
 * first request of a client pays for bcrypt. An unknown user costs a bcrypt check all the
 * same, so that the time of the answer does not tell which user names exist.
 */
final class RegistryUsers implements AuthenticationProvider {

	private final Map<String, String> hashes;

	private final PasswordEncoder encoder;

	private final VerifiedCredentials verified;

	private final String unknownUserHash;

	/**
	 * @param hashes user name to password hash, as {@link PasswordEncoder#matches} takes
	 * it
	 * @param encoder the encoder that made the hashes
	 * @param verified where successful checks are remembered
	 */
	RegistryUsers(Map<String, String> hashes, PasswordEncoder encoder, VerifiedCredentials verified) {
		this.hashes = Map.copyOf(hashes);
		this.encoder = encoder;
		this.verified = verified;
		this.unknownUserHash = encoder.encode(UUID.randomUUID().toString());
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String user = authentication.getName();
		String password = String.valueOf(authentication.getCredentials());
		String hash = this.hashes.get(user);
		if (hash == null) {
			this.encoder.matches(password, this.unknownUserHash);
			throw refused();
		}
		if (!this.verified.contains(user, password)) {
			if (!this.encoder.matches(password, hash)) {
				throw refused();
			}
			this.verified.add(user, password);
		}
		return UsernamePasswordAuthenticationToken.authenticated(user, null, AuthorityUtils.NO_AUTHORITIES);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private static BadCredentialsException refused() {
		// One message for both cases, so that the answer does not tell which user
		// names exist.
		return new BadCredentialsException("Unknown user or wrong password");
	}

}
