-- One row per resolved speaker (quotes.speaker; quotes without a source are left out): how many
-- quotes, articles and publishers, when first and last seen (article published times), the titles
-- and affiliations given to them, how they were named, and the sub-event types of the events in
-- the articles they were quoted in.
WITH q AS (
    SELECT q.*, a.published_at,
           coalesce(nullif(trim(a.publisher), ''),
                    nullif(regexp_extract(a.url, '^[A-Za-z][A-Za-z0-9+.-]*://(www\.)?([^/:?#]+)', 2), '')) AS publisher
    FROM quotes q
    LEFT JOIN articles a USING (article_id)
    WHERE q.speaker IS NOT NULL AND trim(q.speaker) <> ''
), topics AS (
    SELECT s.speaker,
           list(DISTINCT e.sub_event_type ORDER BY e.sub_event_type) AS sub_event_types
    FROM (SELECT DISTINCT speaker, article_id FROM q) s
    JOIN events e USING (article_id)
    WHERE e.sub_event_type IS NOT NULL
    GROUP BY s.speaker
)
SELECT
    q.speaker,
    count(*) AS quotes,
    count(*) FILTER (WHERE q.kind = 'direct') AS direct_quotes,
    count(DISTINCT q.article_id) AS articles,
    count(DISTINCT q.publisher) AS publishers,
    min(q.published_at) AS first_seen,
    max(q.published_at) AS last_seen,
    list(DISTINCT q.speaker_title ORDER BY q.speaker_title) FILTER (WHERE q.speaker_title IS NOT NULL) AS titles,
    list(DISTINCT q.speaker_affiliation ORDER BY q.speaker_affiliation)
        FILTER (WHERE q.speaker_affiliation IS NOT NULL) AS affiliations,
    list(DISTINCT q.speaker_mention ORDER BY q.speaker_mention) FILTER (WHERE q.speaker_mention IS NOT NULL) AS mentions,
    coalesce(any_value(t.sub_event_types), []) AS sub_event_types
FROM q
LEFT JOIN topics t USING (speaker)
GROUP BY q.speaker
ORDER BY quotes DESC, articles DESC, q.speaker
