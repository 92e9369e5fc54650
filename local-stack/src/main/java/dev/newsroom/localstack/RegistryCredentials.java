package dev.newsroom.localstack;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Properties;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The schema registry user that the local services write with. Made up on the first
 * start, with a random password, and kept in a file that only its owner may read, so that
 * later starts (and a developer's curl) use the same credentials. The registry is given
 * only the password's bcrypt hash.
 *
 * @param user the user name
 * @param password the password
 */
record RegistryCredentials(String user, String password) {

	static final String USER = "newsroom-services";

	private static final int PASSWORD_LENGTH = 32;

	private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	/**
	 * Reads the credentials from the file, or makes up new ones and writes them there if
	 * it does not exist yet.
	 * @param file the credentials file, such as
	 * {@code .newsroom/registry-credentials.properties}
	 * @return the credentials
	 * @throws IOException if the file cannot be read or written, or does not hold
	 * credentials
	 */
	static RegistryCredentials loadOrCreate(Path file) throws IOException {
		if (Files.exists(file)) {
			restrictToOwner(file);
			return load(file);
		}
		RegistryCredentials created = new RegistryCredentials(USER, randomPassword());
		created.write(file);
		return created;
	}

	/**
	 * @return {@code user:password}, as the serdes take it in
	 * {@code basic.auth.user.info}
	 */
	String userInfo() {
		return this.user + ":" + this.password;
	}

	/**
	 * @return a new bcrypt hash of the password, in the form the registry's
	 * {@code newsroom.registry.auth.users} takes
	 */
	String passwordHash() {
		return "{bcrypt}" + new BCryptPasswordEncoder().encode(this.password);
	}

	/**
	 * Leaves the password out, so that logging the credentials does not log it.
	 */
	@Override
	public String toString() {
		return "RegistryCredentials[user=" + this.user + "]";
	}

	private static RegistryCredentials load(Path file) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		String user = properties.getProperty("user", "");
		String password = properties.getProperty("password", "");
		if (user.isBlank() || user.contains(":") || password.isBlank()) {
			throw new IOException(file + " does not hold a registry user and password (keys user and password); "
					+ "delete it, and a new user is made up on the next start");
		}
		return new RegistryCredentials(user, password);
	}

	private void write(Path file) throws IOException {
		OwnerOnlyFiles.write(file, """
				# The schema registry user of the local stack, made up on its first start.
				# The services write to the registry with it; so can you, for example
				#   curl -u newsroom-services:<password> -X DELETE http://localhost:8081/subjects/...
				# Delete this file to get a new user on the next start.
				""" + "user=" + this.user + System.lineSeparator() + "password=" + this.password
				+ System.lineSeparator());
	}

	private static void restrictToOwner(Path file) throws IOException {
		OwnerOnlyFiles.restrict(file);
	}

	/**
	 * @return a random password of 32 letters and digits
	 */
	static String randomPassword() {
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder(PASSWORD_LENGTH);
		for (int i = 0; i < PASSWORD_LENGTH; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

}
