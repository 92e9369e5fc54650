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
