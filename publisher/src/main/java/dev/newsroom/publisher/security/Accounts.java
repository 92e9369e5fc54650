package dev.newsroom.publisher.security;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * All local accounts and the API tokens issued to them, as one immutable value. Every
 * change returns a new value, so that each request reads a consistent snapshot without
 * locks, and the rules (a name is taken once, the last admin stays) can be tested without
 * files.
 *
 * @param byName the accounts by name
 * @param tokens the stored tokens by hash
 */
record Accounts(Map<String, Account> byName, Map<String, StoredToken> tokens) {

	/**
	 * How many unexpired tokens an account may hold; signing in once more revokes the one
	 * that expires first, so that the store cannot grow without bound.
	 */
	static final int MAX_TOKENS_PER_ACCOUNT = 20;

	static final Accounts NONE = new Accounts(Map.of(), Map.of());

	Accounts {
		byName = Map.copyOf(byName);
		tokens = Map.copyOf(tokens);
	}

	static Accounts of(Collection<Account> accounts, Collection<StoredToken> tokens) {
		Map<String, Account> byName = accounts.stream().collect(Collectors.toMap(Account::name, Function.identity()));
		return new Accounts(byName,
				tokens.stream()
					.filter((token) -> byName.containsKey(token.account()))
					.collect(Collectors.toMap(StoredToken::hash, Function.identity())));
	}

	Optional<Account> find(String name) {
		return Optional.ofNullable(this.byName.get(name));
	}

	List<Account> sorted() {
		return this.byName.values().stream().sorted(Comparator.comparing(Account::name)).toList();
	}

	List<StoredToken> sortedTokens() {
		return this.tokens.values()
			.stream()
			.sorted(Comparator.comparing(StoredToken::expiresAt).thenComparing(StoredToken::hash))
			.toList();
	}

	/**
	 * The account a token signs in, if the token is known and unexpired.
	 * @param tokenHash the token's hash
	 * @param now the current instant
	 * @return the account
	 */
	Optional<Account> holderOf(String tokenHash, Instant now) {
		StoredToken token = this.tokens.get(tokenHash);
		return (token != null && token.validAt(now)) ? find(token.account()) : Optional.empty();
	}

	long admins() {
		return this.byName.values().stream().filter((account) -> account.roles().contains(Role.ADMIN)).count();
	}

	Accounts created(Account account) {
		if (this.byName.containsKey(account.name())) {
			throw AccountChangeRefusedException.exists(account.name());
		}
		Map<String, Account> byName = new HashMap<>(this.byName);
		byName.put(account.name(), account);
		return new Accounts(byName, this.tokens);
	}

	Accounts changed(String name, UnaryOperator<Account> change) {
		Account account = find(name).orElseThrow(() -> AccountChangeRefusedException.notFound(name));
		Map<String, Account> byName = new HashMap<>(this.byName);
		byName.put(name, change.apply(account));
		return keepingAnAdmin(name, new Accounts(byName, this.tokens));
	}

	Accounts deleted(String name) {
		if (!this.byName.containsKey(name)) {
			throw AccountChangeRefusedException.notFound(name);
		}
		Map<String, Account> byName = new HashMap<>(this.byName);
		byName.remove(name);
		return keepingAnAdmin(name, new Accounts(byName, this.tokens).withoutTokensOf(name));
	}

	Accounts withToken(StoredToken token) {
		Map<String, StoredToken> tokens = new HashMap<>(this.tokens);
		tokens.put(token.hash(), token);
		tokens.values()
			.stream()
			.filter((held) -> held.account().equals(token.account()))
			.sorted(Comparator.comparing(StoredToken::expiresAt).reversed())
			.skip(MAX_TOKENS_PER_ACCOUNT)
			.toList()
			.forEach((surplus) -> tokens.remove(surplus.hash()));
		return new Accounts(this.byName, tokens);
	}

	Accounts withoutToken(String hash) {
		Map<String, StoredToken> tokens = new HashMap<>(this.tokens);
		tokens.remove(hash);
		return new Accounts(this.byName, tokens);
	}

	Accounts withoutTokensOf(String name) {
		return new Accounts(this.byName,
				this.tokens.values()
					.stream()
					.filter((token) -> !token.account().equals(name))
					.collect(Collectors.toMap(StoredToken::hash, Function.identity())));
	}

	Accounts withoutExpiredTokens(Instant now) {
		return new Accounts(this.byName,
				this.tokens.values()
					.stream()
					.filter((token) -> token.validAt(now))
					.collect(Collectors.toMap(StoredToken::hash, Function.identity())));
	}

	private Accounts keepingAnAdmin(String changed, Accounts next) {
		if (admins() > 0 && next.admins() == 0) {
			throw AccountChangeRefusedException.lastAdmin(changed);
		}
		return next;
	}

}
