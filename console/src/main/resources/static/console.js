// Shows each time in the editor's own time zone; the page says UTC without script.
document.addEventListener("DOMContentLoaded", () => {
	const format = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
	document.querySelectorAll("time[datetime]").forEach((time) => {
		const at = new Date(time.getAttribute("datetime"));
		if (!Number.isNaN(at.getTime())) {
			time.title = time.getAttribute("datetime");
			time.textContent = format.format(at);
		}
	});
});

// A new story's publication time is in the editor's own time zone.
document.addEventListener("DOMContentLoaded", () => {
	const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
	document.querySelectorAll("input[data-browser-zone]").forEach((input) => {
		if (zone && input.value === "UTC") {
			input.value = zone;
		}
	});
	document.querySelectorAll("[data-zone-label]").forEach((label) => {
		label.textContent = document.querySelector("input[data-browser-zone]")?.value ?? label.textContent;
	});
});
