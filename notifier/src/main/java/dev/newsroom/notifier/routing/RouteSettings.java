package dev.newsroom.notifier.routing;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One route, an item of {@code newsroom.notifier.routes}: which articles go to which
 * channels. An article takes every route it matches.
 *
 * @param editions the editions it matches, such as {@code [ru]}; empty for all
 * @param sections the sections it matches; empty for all
 * @param breakingOnly whether it matches breaking news only
 * @param channels the channel names, as configured under
 * {@code newsroom.notifier.channels}
 */
public record RouteSettings(@DefaultValue List<String> editions, @DefaultValue List<String> sections,
		@DefaultValue("false") boolean breakingOnly, @NotEmpty List<String> channels) {

	boolean matches(String edition, String section, boolean breaking) {
		return (this.editions.isEmpty() || this.editions.contains(edition))
				&& (this.sections.isEmpty() || this.sections.contains(section)) && (!this.breakingOnly || breaking);
	}

}
