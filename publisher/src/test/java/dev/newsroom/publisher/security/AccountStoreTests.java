package dev.newsroom.publisher.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The accounts file: the admin created at first start, what the file holds and who may
 * read it, and tokens across restarts and concurrent sign-ins.
 */
@ExtendWith(OutputCaptureExtension.class)
class AccountStoreTests {

	private static final Pattern PRINTED_PASSWORD = Pattern.compile("password: (\\S+)");

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private final PasswordEncoder passwords = new BCryptPasswordEncoder(4);

	private final AdjustableClock clock = new AdjustableClock();

	@TempDir
	Path home;

	@Test
	void firstStartCreatesAnAdminAndPrintsItsPasswordOnlyThen(CapturedOutput output) throws IOException {
		AccountStore store = start();

		Matcher printed = PRINTED_PASSWORD.matcher(output.getAll());
		assertThat(printed.find()).as(output.getAll()).isTrue();
		String password = printed.group(1);
		assertThat(password).hasSizeGreaterThanOrEqualTo(20).matches("[A-Za-z0-9_-]+");
		assertThat(output.getAll()).contains("Newsroom publisher: first start. Admin account created.",
				"user:     admin");
		Account admin = store.find("admin").orElseThrow();
		assertThat(admin.roles()).containsExactly(Role.ADMIN);
		assertThat(this.passwords.matches(password, admin.passwordHash())).isTrue();
		assertThat(Files.readString(store.path())).doesNotContain(password).contains(admin.passwordHash());

		int printedSoFar = output.getAll().length();
		AccountStore restarted = start();

		assertThat(output.getAll().substring(printedSoFar)).doesNotContain(password).doesNotContain("first start");
		assertThat(restarted.find("admin")).contains(admin);
	}

	@Test
	void accountsFileIsReadableByItsOwnerOnlyAndWrittenWithoutLeftovers() throws IOException {
		assumeThat(this.home.getFileSystem().supportedFileAttributeViews()).contains("posix");
		AccountStore store = start();
		assertThat(Files.getPosixFilePermissions(store.path())).isEqualTo(OWNER_ONLY);

		store.create("leyla", Set.of(Role.EDITOR), Secrets.newPassword());
		store.issueToken("leyla");

		assertThat(Files.getPosixFilePermissions(store.path())).isEqualTo(OWNER_ONLY);
		try (var files = Files.list(store.path().getParent())) {
			assertThat(files).containsExactly(store.path());
		}
	}

	@Test
	void fileOpenToOthersIsClosedAtStart(CapturedOutput output) throws IOException {
		assumeThat(this.home.getFileSystem().supportedFileAttributeViews()).contains("posix");
		Path file = start().path();
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

		start();

		assertThat(Files.getPosixFilePermissions(file)).isEqualTo(OWNER_ONLY);
		assertThat(output.getAll()).contains("was open to other users; it is now readable by its owner only");
	}

	@Test
	void tokensAreKeptOnlyAsHashesAndOutliveARestart() throws IOException {
		AccountStore store = start();

		IssuedToken token = store.issueToken("admin");

		String hash = Secrets.hash(token.token());
		assertThat(Files.readString(store.path())).doesNotContain(token.token()).contains(hash);
		assertThat(token.toString()).doesNotContain(token.token());
		assertThat(start().holderOf(hash)).map(Account::name).contains("admin");
	}

	@Test
	void tokenExpiresAfterItsLifetime() {
		AccountStore store = start();
		String hash = Secrets.hash(store.issueToken("admin").token());

		this.clock.advance(Duration.ofHours(12).minusSeconds(1));
		assertThat(store.holderOf(hash)).isPresent();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(store.holderOf(hash)).isEmpty();
	}

	@Test
	void newPasswordRevokesTheAccountsTokens() {
		AccountStore store = start();
		store.create("leyla", Set.of(Role.EDITOR), Secrets.newPassword());
		String leylas = Secrets.hash(store.issueToken("leyla").token());
		String admins = Secrets.hash(store.issueToken("admin").token());

		store.changePassword("leyla", Secrets.newPassword());

		assertThat(store.holderOf(leylas)).isEmpty();
		assertThat(store.holderOf(admins)).isPresent();
	}

	@Test
	void unreadableFileStopsTheStartSayingWhatToDo() throws IOException {
		Path file = this.home.resolve("publisher-accounts.json");
		Files.writeString(file, "{\"accounts\": [{\"name\": \"admin\"}]}");

		assertThatIllegalStateException().isThrownBy(this::start)
			.withMessageContaining(file.toString())
			.withMessageContaining("move it away to start afresh");
	}

	@Test
	void concurrentSignInsAllKeepTheirTokens() throws Exception {
		AccountStore store = start();
		List<String> names = List.of("aysel", "elvin", "leyla", "omar");
		for (String name : names) {
			store.create(name, Set.of(Role.WRITER), Secrets.newPassword());
		}
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<Future<IssuedToken>> issued = new ArrayList<>();
		try {
			for (int i = 0; i < 10; i++) {
				for (String name : names) {
					issued.add(pool.submit(() -> store.issueToken(name)));
				}
			}
			List<String> hashes = new ArrayList<>();
			for (Future<IssuedToken> token : issued) {
				hashes.add(Secrets.hash(token.get().token()));
			}

			AccountStore restarted = start();
			assertThat(hashes).hasSize(40)
				.allSatisfy((hash) -> assertThat(restarted.holderOf(hash)).isPresent())
				.allSatisfy((hash) -> assertThat(store.holderOf(hash)).isPresent());
		}
		finally {
			pool.shutdownNow();
		}
	}

	private AccountStore start() {
		return new AccountStore(new SecuritySettings(this.home.resolve("publisher-accounts.json"), Duration.ofHours(12),
				new SecuritySettings.Oidc(null, "roles", "preferred_username")), this.passwords, this.clock);
	}

}
