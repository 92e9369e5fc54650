package dev.newsroom.publisher.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The rules of the local accounts as values: a name is taken once, an administrator
 * remains, tokens go with their account and their time.
 */
class AccountsTests {

	private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

	private final Accounts accounts = Accounts.NONE.created(account("nazim", Role.ADMIN))
		.created(account("leyla", Role.EDITOR));

	@Test
	void nameIsTakenOnce() {
		assertThatExceptionOfType(AccountChangeRefusedException.class)
			.isThrownBy(() -> this.accounts.created(account("leyla", Role.WRITER)))
			.satisfies(
					(refused) -> assertThat(refused.reason()).isEqualTo(AccountChangeRefusedException.Reason.EXISTS));
		assertThat(this.accounts.find("leyla"))
			.hasValueSatisfying((account) -> assertThat(account.roles()).containsExactly(Role.EDITOR));
	}

	@Test
	void lastAdminIsNeitherDeletedNorDemoted() {
		assertLastAdmin(() -> this.accounts.deleted("nazim"));
		assertLastAdmin(() -> this.accounts.changed("nazim", (account) -> account.withRoles(Set.of(Role.EDITOR))));

		Accounts twoAdmins = this.accounts.changed("leyla", (account) -> account.withRoles(Set.of(Role.ADMIN)));
		Accounts oneAdmin = twoAdmins.deleted("nazim");
		assertThat(oneAdmin.admins()).isEqualTo(1);
		assertLastAdmin(() -> oneAdmin.deleted("leyla"));
	}

	@Test
	void unknownAccountIsNotFound() {
		assertThatExceptionOfType(AccountChangeRefusedException.class).isThrownBy(() -> this.accounts.deleted("ghost"))
			.satisfies((refused) -> assertThat(refused.reason())
				.isEqualTo(AccountChangeRefusedException.Reason.NOT_FOUND));
	}

	@Test
	void tokenSignsItsAccountInUntilItExpires() {
		Accounts withToken = this.accounts.withToken(new StoredToken("h1", "leyla", NOW.plusSeconds(60)));

		assertThat(withToken.holderOf("h1", NOW)).map(Account::name).contains("leyla");
		assertThat(withToken.holderOf("h1", NOW.plusSeconds(60))).isEmpty();
		assertThat(withToken.holderOf("h2", NOW)).isEmpty();
		assertThat(withToken.withoutExpiredTokens(NOW.plusSeconds(60)).tokens()).isEmpty();
	}

	@Test
	void deletedAccountTakesItsTokens() {
		Accounts withTokens = this.accounts.withToken(new StoredToken("h1", "leyla", NOW.plusSeconds(60)))
			.withToken(new StoredToken("h2", "nazim", NOW.plusSeconds(60)));

		Accounts deleted = withTokens.deleted("leyla");

		assertThat(deleted.tokens()).containsOnlyKeys("h2");
	}

	@Test
	void anAccountHoldsABoundedNumberOfTokensKeepingTheNewest() {
		Accounts many = this.accounts;
		for (int i = 0; i < Accounts.MAX_TOKENS_PER_ACCOUNT + 5; i++) {
			many = many.withToken(new StoredToken("h" + i, "leyla", NOW.plus(Duration.ofMinutes(i))));
		}
		many = many.withToken(new StoredToken("other", "nazim", NOW));

		assertThat(many.tokens()).hasSize(Accounts.MAX_TOKENS_PER_ACCOUNT + 1)
			.containsKeys(IntStream.range(5, Accounts.MAX_TOKENS_PER_ACCOUNT + 5)
				.mapToObj((i) -> "h" + i)
				.toArray(String[]::new))
			.containsKey("other");
	}

	@Test
	void tokensOfUnknownAccountsAreDroppedOnLoad() {
		Accounts loaded = Accounts.of(this.accounts.sorted(),
				List.of(new StoredToken("h1", "leyla", NOW), new StoredToken("h2", "ghost", NOW)));

		assertThat(loaded.tokens()).containsOnlyKeys("h1");
	}

	@Test
	void accountPrintsWithoutItsPasswordHash() {
		assertThat(account("leyla", Role.EDITOR)).hasToString("Account[name=leyla, roles=[EDITOR]]");
	}

	private static void assertLastAdmin(Runnable change) {
		assertThatExceptionOfType(AccountChangeRefusedException.class).isThrownBy(change::run)
			.satisfies((refused) -> assertThat(refused.reason())
				.isEqualTo(AccountChangeRefusedException.Reason.LAST_ADMIN));
	}

	private static Account account(String name, Role role) {
		return new Account(name, "$2a$04$hash-of-" + name, Set.of(role));
	}

}
