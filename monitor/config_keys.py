"""The keys sources.toml accepts, table by table, each with its meaning.

``monitor.config_sections`` validates against these tables (an unknown key is an error, with a
suggestion), and the README's key tables are checked against them by the docs tests.
"""

SOURCE_KEYS = {
    "name": "unique name of the outlet",
    "homepage": "the outlet's front page URL",
    "feeds": "RSS/Atom feed URLs",
    "listings": "HTML pages that link to articles",
    "sitemaps": "(news) sitemap URLs",
    "interval": 'how often to poll, e.g. "10m", "1h", "1h30m" (1m to 7d)',
    "language": "ISO 639-1 code of the outlet's language, a hint for detection",
    "hosts": "extra host names whose links belong to this outlet (one enabled source a host)",
    "article_pattern": "regex an article URL's path must match (discovery without a selector)",
    "enabled": "false to keep a source in the file without polling it",
    "timezone": 'time zone of dates the pages write without an offset, e.g. "Asia/Baku"',
    "selectors": "CSS selectors for the outlet's pages",
}
SELECTOR_KEYS = {
    "article_links": "links to articles on listing pages",
    "title": "the article title",
    "published": "the publication date (text or datetime attribute)",
    "author": "the byline",
    "body": "the article body",
    "remove": "list of selectors for clutter removed before extraction",
}
TOPIC_KEYS = {
    "name": "unique name of the topic",
    "any": "terms or phrases, any of which matches",
    "all": "terms or phrases that must all match",
    "none": "terms or phrases that exclude an article",
    "regex": "a regular expression, an extra alternative to `any`",
    "min_score": "the least score an article needs (title hits weigh more)",
}
MATCHING_KEYS = {
    "title_weight": "score of a hit in the title",
    "lead_weight": "score of a hit in the lead (the body's first lead_chars characters)",
    "body_weight": "score of a hit further down the body",
    "lead_chars": "length of the lead in characters",
    "keep_unmatched": "also keep articles that match no topic (default false)",
}
ALERT_KEYS = {
    "name": "unique name of the rule",
    "topics": "topics whose stories alert (empty: all)",
    "events": "event types that alert (empty: all)",
    "sources": "only stories reported by these sources (empty: all)",
    "channels": "names of [channels.NAME] tables to send to",
    "digest": '"off", "hourly" or "daily"',
    "quiet_hours": 'hours without alerts, e.g. "22:00-07:00" (UTC)',
}
CHANNEL_KEYS = {
    "email": {
        "type": '"email"',
        "host": "SMTP server",
        "port": "SMTP port",
        "tls": '"starttls", "ssl" or "none"',
        "from": "sender address",
        "to": "list of recipient addresses",
        "username": "SMTP login",
        "password_env": "environment variable holding the SMTP password",
        "ca_file": "PEM file of certificate authorities to trust (a private CA)",
        "unsubscribe": "mailto: or https: URL for the List-Unsubscribe header",
        "timeout": "seconds per delivery attempt",
    },
    "webhook": {
        "type": '"webhook"',
        "url": "receiver URL",
        "format": '"standard", "slack" or "teams"',
        "secret_env": "environment variable holding the whsec_ signing secret",
        "timeout": "seconds per delivery attempt",
    },
}
TOP_KEYS = {
    "sources": "[[sources]] outlets to watch",
    "topics": "[[topics]] subjects to keep",
    "matching": "[matching] how hits are scored",
    "alerts": "[[alerts]] alert rules",
    "channels": "[channels.NAME] alert destinations",
    "operator": "[operator] channel = NAME: where source trouble is reported",
}
