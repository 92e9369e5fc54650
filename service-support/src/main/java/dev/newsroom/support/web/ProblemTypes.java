package dev.newsroom.support.web;

import java.net.URI;

/**
 * The types of Newsroom's problem details: {@code https://newsroom.dev/problems/<name>},
 * one name per kind of problem, the same in every service.
 */
public final class ProblemTypes {

	/** Where the problem types live. */
	public static final String BASE = "https://newsroom.dev/problems/";

	private ProblemTypes() {
	}

	/**
	 * @param name the problem's name, such as {@code article-not-found}
	 * @return its type
	 */
	public static URI of(String name) {
		return URI.create(BASE + name);
	}

}
