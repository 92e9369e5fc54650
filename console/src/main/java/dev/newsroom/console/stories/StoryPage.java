package dev.newsroom.console.stories;

import java.util.List;

/**
 * A page of the stories list.
 *
 * @param stories the stories on it, the latest change first
 * @param page its number, from 0
 * @param size how many a page holds
 * @param total how many stories match in all
 */
public record StoryPage(List<StorySummary> stories, int page, int size, int total) {

	public boolean hasPrevious() {
		return this.page > 0;
	}

	public boolean hasNext() {
		return (long) (this.page + 1) * this.size < this.total;
	}

	public int pages() {
		return Math.max(1, (this.total + this.size - 1) / this.size);
	}

}
