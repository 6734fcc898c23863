"""Fetch fresh pages politely (`kliping fetch`): the HTTP client (`client`), the links
of sitemaps and feeds (`links`), and the run that stores what was fetched in the
archive and cleans it like any other input (`run`)."""
