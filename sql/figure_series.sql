-- One row per kind of reported figure, day and place: e.g. "launched: drone" on 2025-09-07 in Kyiv.
-- A kind is the figure's category (killed, injured, launched, intercepted, ...) and what it counts
-- (the object, lower-cased and singular: "drones" = "drone"; people/persons/person = people).
-- Day = the date of the event the figure measures (figures.event_id; the date of its incident, so
-- every report of one event lands on one day), else the article's published day; place = that
-- incident's place (NULL when the figure is not linked to an event).
-- With the range across reports (lowest value, highest value or range end, median), how many
-- figures and articles report it, and the sources they were attributed to. Only counts: money,
-- percentages, durations, distances, ages, other units and changes ("rose by") are left out.
WITH f AS (
    SELECT
        f.*,
        a.published_at,
        i.place, i.country_code, i.event_date, i.date_precision AS event_date_precision,
        nullif(trim(regexp_replace(regexp_replace(lower(strip_accents(coalesce(f.object, ''))), '^(the|a|an) ', ''),
                                   '\s+', ' ', 'g')), '') AS object_norm
    FROM figures f
    LEFT JOIN articles a USING (article_id)
    LEFT JOIN incident_events ie USING (event_id)
    LEFT JOIN incidents i ON i.incident_id = ie.incident_id
    WHERE f.value IS NOT NULL
      AND f.unit IS NULL
      AND coalesce(f.qualifier, '=') NOT IN ('up', 'down')
      AND f.category IN ('killed', 'injured', 'missing', 'displaced', 'arrested', 'launched',
                         'intercepted', 'damaged', 'personnel', 'count')
), keyed AS (
    SELECT
        f.*,
        CASE
            WHEN object_norm IS NULL OR object_norm IN ('people', 'person', 'persons', 'individuals', 'others')
                THEN CASE WHEN category IN ('killed', 'injured', 'missing', 'displaced', 'arrested') THEN 'people'
                          ELSE coalesce(object_norm, '') END
            WHEN regexp_matches(object_norm, '[a-z]{2}ies$') THEN left(object_norm, -3) || 'y'
            WHEN regexp_matches(object_norm, '[a-z]{3}[^s]s$') THEN left(object_norm, -1)
            ELSE object_norm
        END AS object_key,
        CASE WHEN event_date IS NOT NULL AND coalesce(event_date_precision, 'day') = 'day' THEN event_date
             ELSE CAST(published_at AS DATE) END AS day,
        CASE WHEN event_date IS NOT NULL AND coalesce(event_date_precision, 'day') = 'day' THEN 'event'
             WHEN published_at IS NOT NULL THEN 'published' END AS day_source
    FROM f
)
SELECT
    category,
    object_key AS object,
    category || CASE WHEN object_key <> '' THEN ': ' || object_key ELSE '' END AS kind,
    day,
    place,
    country_code,
    count(*) AS figures,
    count(DISTINCT article_id) AS articles,
    min(value) AS value_min,
    max(coalesce(value_max, value)) AS value_max,
    CAST(median(value) AS DOUBLE) AS value_median,
    list(DISTINCT attributed_to ORDER BY attributed_to) FILTER (WHERE attributed_to IS NOT NULL) AS sources,
    list(DISTINCT surface ORDER BY surface) AS surfaces,
    list(DISTINCT article_id ORDER BY article_id) AS article_ids
FROM keyed
WHERE NOT (category = 'count' AND object_key = '')  -- a bare count of nothing named is not a series
GROUP BY category, object_key, day, place, country_code
ORDER BY kind, day NULLS LAST, place NULLS LAST
