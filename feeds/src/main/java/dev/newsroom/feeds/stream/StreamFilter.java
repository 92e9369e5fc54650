package dev.newsroom.feeds.stream;

import java.util.Set;

import dev.newsroom.feeds.stream.ChangeRecord.PublicEvent;

/**
 * Which events a client asked for: those of the given editions and sections, or of all
 * when a set is empty.
 *
 * @param editions the editions, such as en
 * @param sections the sections, such as politics
 */
record StreamFilter(Set<String> editions, Set<String> sections) {

	StreamFilter {
		editions = Set.copyOf(editions);
		sections = Set.copyOf(sections);
	}

	boolean accepts(PublicEvent event) {
		return (this.editions.isEmpty() || this.editions.contains(event.edition()))
				&& (this.sections.isEmpty() || this.sections.contains(event.section()));
	}

}
